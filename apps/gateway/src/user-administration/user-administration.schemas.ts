import { GMP_OPERATION_NAMES, GmpOperation, ROLES, trainingAssessmentSchema } from '@v2v/contracts';
import { z } from 'zod';

const username = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{2,63}$/,
    'lower-case letters, digits, dot, underscore and hyphen; 3–64 characters',
  );
const institutionId = z.string().regex(/^INST-[A-Z0-9-]{1,32}$/, 'must look like INST-001');
const password = z.string().min(1).max(200);
/** Why: every change of an existing account or record carries one (CSV-01). */
const reason = z.string().trim().min(1).max(500);

/** A hospital account belongs to exactly one institution; no other account belongs to one. */
function institutionOfRole(
  value: { role: string; institutionId?: string },
  ctx: z.RefinementCtx,
): void {
  if (value.role === 'hospital' && !value.institutionId)
    ctx.addIssue({
      code: 'custom',
      path: ['institutionId'],
      message: 'required for a hospital account',
    });
  if (value.role !== 'hospital' && value.institutionId)
    ctx.addIssue({
      code: 'custom',
      path: ['institutionId'],
      message: 'only hospital accounts belong to an institution',
    });
}

export const createUserBody = z
  .strictObject({
    username,
    displayName: z.string().trim().min(1).max(200),
    role: z.enum(ROLES),
    institutionId: institutionId.optional(),
    /** Given to the person out of band; the account must change it at its first login. */
    temporaryPassword: password,
  })
  .superRefine(institutionOfRole);

export const changeRoleBody = z
  .strictObject({ role: z.enum(ROLES), institutionId: institutionId.optional(), reason })
  .superRefine(institutionOfRole);

export const accountStatusBody = z.strictObject({ reason });

export const resetPasswordBody = z.strictObject({ temporaryPassword: password, reason });

export const recordTrainingBody = z
  .strictObject({
    operation: z.enum(GMP_OPERATION_NAMES as [GmpOperation, ...GmpOperation[]]),
    validFrom: z.iso.date(),
    validUntil: z.iso.date(),
    /** OTH-02: required on a hospital user's record for a hospital-signed step, else absent. */
    assessment: trainingAssessmentSchema.optional(),
  })
  .refine((r) => r.validUntil >= r.validFrom, {
    path: ['validUntil'],
    message: 'must not be before validFrom',
  });

export const withdrawTrainingBody = z.strictObject({ reason });
