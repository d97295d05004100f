import { z } from 'zod';
import { DomainError } from '../errors/domain-error';

export const SHIPPER_CARRIES = ['donor-material', 'product'] as const;
export type ShipperCarries = (typeof SHIPPER_CARRIES)[number];

export interface ShipperQualification {
  shipperId: string;
  /** What the configuration is qualified to carry. */
  carries: ShipperCarries;
  qualifiedUntil: string;
  /** Withdrawn by QA: no longer usable whatever its date. */
  status: 'qualified' | 'withdrawn';
}

/**
 * MAT-03: donor material and product ship only on a qualified shipper/lane configuration,
 * qualified for what it carries, not withdrawn and not past its requalification date (ISO dates).
 */
export function assertQualifiedShipper(
  shipperId: string,
  carries: ShipperCarries,
  qualification: ShipperQualification | undefined,
  today: string,
): void {
  if (!qualification || qualification.carries !== carries) {
    throw new DomainError(
      'MAT-03',
      `shipper ${shipperId} is not a qualified configuration for ${carries} (MAT-03)`,
      { shipperId },
    );
  }
  if (qualification.status === 'withdrawn') {
    throw new DomainError(
      'MAT-03',
      `shipper ${shipperId}'s qualification was withdrawn by QA (MAT-03)`,
      { shipperId },
    );
  }
  if (qualification.qualifiedUntil < today) {
    throw new DomainError(
      'MAT-03',
      `shipper ${shipperId}'s qualification expired on ${qualification.qualifiedUntil} (MAT-03)`,
      { shipperId },
    );
  }
}

const text = (max: number) => z.string().trim().min(1).max(max);

/** QA's qualification (or requalification) of a shipper/lane configuration, with its evidence. */
export const shipperQualificationSchema = z
  .strictObject({
    shipperId: z
      .string()
      .regex(
        /^[A-Z0-9][A-Z0-9-]{2,63}$/,
        'shipperId is upper-case letters, digits and dashes, e.g. LN2-DRYSHIPPER-07',
      ),
    carries: z.enum(SHIPPER_CARRIES),
    description: text(500),
    evidence: z.strictObject({
      reportReference: text(100),
      qualifiedOn: z.iso.date(),
      lane: text(300),
      minTemperatureC: z.number().min(-273).max(60),
      maxTemperatureC: z.number().min(-273).max(60),
      validatedHours: z.number().positive().max(720),
    }),
    qualifiedUntil: z.iso.date(),
  })
  .refine((q) => q.evidence.minTemperatureC < q.evidence.maxTemperatureC, {
    message: 'minTemperatureC must be below maxTemperatureC',
    path: ['evidence', 'maxTemperatureC'],
  })
  .refine((q) => q.evidence.qualifiedOn < q.qualifiedUntil, {
    message: 'qualifiedUntil must be after evidence.qualifiedOn',
    path: ['qualifiedUntil'],
  });
export type ShipperQualificationDecision = z.infer<typeof shipperQualificationSchema>;

/** A field of a qualification decision that makes it unusable, relative to the decision. */
export interface QualificationDecisionProblem {
  path: string[];
  message: string;
}

/**
 * MAT-03: a qualification rests on a study already done and must still have a requalification
 * date ahead; anything else would qualify a configuration nobody tested or nobody may use.
 * Depends on today, so it is checked where the decision is made, not in the schema.
 */
export function shipperQualificationDecisionProblems(
  decision: ShipperQualificationDecision,
  today: string,
): QualificationDecisionProblem[] {
  const problems: QualificationDecisionProblem[] = [];
  if (decision.evidence.qualifiedOn > today) {
    problems.push({
      path: ['evidence', 'qualifiedOn'],
      message: `the qualification study is dated ${decision.evidence.qualifiedOn}, after today (${today}) (MAT-03)`,
    });
  }
  if (decision.qualifiedUntil <= today) {
    problems.push({
      path: ['qualifiedUntil'],
      message: `qualifiedUntil ${decision.qualifiedUntil} must lie after today (${today}) (MAT-03)`,
    });
  }
  return problems;
}

/** The service's own check at recording time: the same problems as a 400 naming each field. */
export function assertShipperQualificationDecision(
  decision: ShipperQualificationDecision,
  today: string,
): void {
  const problems = shipperQualificationDecisionProblems(decision, today);
  if (problems.length === 0) return;
  throw new DomainError(
    'VALIDATION_FAILED',
    `the qualification of ${decision.shipperId} cannot be recorded: ${problems.map((p) => p.message).join('; ')}`,
    {
      fieldErrors: problems.map((p) => ({ path: p.path.join('.'), message: p.message })),
    },
  );
}

/** MAT-03: QA withdraws a configuration the register holds, once. */
export function assertShipperWithdrawable(
  carries: ShipperCarries,
  shipperId: string,
  qualification: ShipperQualification | undefined,
): void {
  if (!qualification)
    throw new DomainError('NOT_FOUND', `no ${carries} shipper configuration ${shipperId}`);
  if (qualification.status === 'withdrawn')
    throw new DomainError(
      'MAT-03',
      `shipper ${shipperId}'s qualification is already withdrawn (MAT-03)`,
    );
}

/** What users see of a configuration: whether it may be used today, and if not why. */
export type ShipperQualificationStatus = 'current' | 'lapsed' | 'withdrawn';

export function shipperQualificationStatus(
  qualification: Pick<ShipperQualification, 'status' | 'qualifiedUntil'>,
  today: string,
): ShipperQualificationStatus {
  if (qualification.status === 'withdrawn') return 'withdrawn';
  return qualification.qualifiedUntil < today ? 'lapsed' : 'current';
}
