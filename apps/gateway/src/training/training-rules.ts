import { DomainError, JourneyStep } from '@v2v/contracts';

export interface TrainingRecord {
  operation: string;
  expiresOn: string;
}

/** Steps that hospital staff sign; their refusal names OTH-02 (hospital staff training). */
const HOSPITAL_SIGNED: readonly JourneyStep[] = ['recordCollection', 'recordInfusion'];

/**
 * PER-01 / OTH-02: a GMP operation only while the user holds a current (unexpired) training
 * record and authorization for it. `today` is an ISO date (YYYY-MM-DD).
 */
export function assertTrainedFor(
  user: { username: string; role: string },
  step: JourneyStep,
  records: TrainingRecord[],
  today: string,
): void {
  const current = records.find((r) => r.operation === step && r.expiresOn >= today);
  if (current) return;
  const expired = records.find((r) => r.operation === step);
  const rule = user.role === 'hospital' && HOSPITAL_SIGNED.includes(step) ? 'OTH-02' : 'PER-01';
  throw new DomainError(
    rule,
    expired
      ? `${user.username}'s training for ${step} expired on ${expired.expiresOn} (${rule})`
      : `${user.username} holds no training record and authorization for ${step} (${rule})`,
    { operation: step },
  );
}
