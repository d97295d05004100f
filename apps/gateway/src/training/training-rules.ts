import { DomainError, GmpOperation, JourneyStep } from '@v2v/contracts';

/**
 * A record that authorizes its operation from `trainedOn` to `expiresOn` (ISO dates, inclusive).
 */
export interface TrainingRecord {
  operation: string;
  trainedOn: string;
  expiresOn: string;
}

/** Steps that hospital staff sign; their refusal names OTH-02 (hospital staff training). */
const HOSPITAL_SIGNED: readonly GmpOperation[] = [
  'recordCollection',
  'recordInfusion',
] satisfies JourneyStep[];

/**
 * PER-01 / OTH-02: a GMP operation only while the user holds a current training record and
 * authorization for it: valid from its training date until its expiry. Withdrawn records are
 * not passed in. `today` is an ISO date (YYYY-MM-DD).
 */
export function assertTrainedFor(
  user: { username: string; role: string },
  step: GmpOperation,
  records: TrainingRecord[],
  today: string,
): void {
  const forStep = records.filter((r) => r.operation === step);
  if (forStep.some((r) => r.trainedOn <= today && r.expiresOn >= today)) return;
  const rule = user.role === 'hospital' && HOSPITAL_SIGNED.includes(step) ? 'OTH-02' : 'PER-01';
  const expired = forStep.find((r) => r.expiresOn < today);
  const future = forStep.find((r) => r.trainedOn > today);
  throw new DomainError(
    rule,
    expired
      ? `${user.username}'s training for ${step} expired on ${expired.expiresOn} (${rule})`
      : future
        ? `${user.username}'s training for ${step} is valid only from ${future.trainedOn} (${rule})`
        : `${user.username} holds no training record and authorization for ${step} (${rule})`,
    { operation: step },
  );
}
