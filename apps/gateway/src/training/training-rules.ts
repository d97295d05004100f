import { DomainError, GmpOperation, JourneyStep, TrainingAssessment } from '@v2v/contracts';

/**
 * A record that authorizes its operation from `trainedOn` to `expiresOn` (ISO dates, inclusive).
 * `assessment` is null on records that carry none (other roles' records, older ones).
 */
export interface TrainingRecord {
  operation: string;
  trainedOn: string;
  expiresOn: string;
  assessment?: Pick<TrainingAssessment, 'result'> | null;
}

/** Steps that hospital staff sign; their refusal names OTH-02 (hospital staff training). */
export const HOSPITAL_SIGNED: readonly GmpOperation[] = [
  'recordCollection',
  'recordInfusion',
] satisfies JourneyStep[];

/** OTH-02 governs a hospital user's training for a step the hospital signs. */
export function isHospitalSigned(role: string, operation: string): boolean {
  return role === 'hospital' && (HOSPITAL_SIGNED as readonly string[]).includes(operation);
}

/**
 * PER-01 / OTH-02: a GMP operation only while the user holds a current training record and
 * authorization for it: valid from its training date until its expiry. Withdrawn records are
 * not passed in. OTH-02: for a step the hospital signs, the record authorizes only with a
 * passed assessment (training alone does not show the clinician can do it). `today` is an ISO
 * date (YYYY-MM-DD).
 */
export function assertTrainedFor(
  user: { username: string; role: string },
  step: GmpOperation,
  records: TrainingRecord[],
  today: string,
): void {
  const assessed = isHospitalSigned(user.role, step);
  const forStep = records.filter((r) => r.operation === step);
  const current = forStep.filter((r) => r.trainedOn <= today && r.expiresOn >= today);
  if (current.some((r) => !assessed || r.assessment?.result === 'passed')) return;
  const rule = assessed ? 'OTH-02' : 'PER-01';
  const expired = forStep.find((r) => r.expiresOn < today);
  const future = forStep.find((r) => r.trainedOn > today);
  throw new DomainError(
    rule,
    current.length > 0
      ? `${user.username}'s training for ${step} has no passed assessment (${rule})`
      : expired
        ? `${user.username}'s training for ${step} expired on ${expired.expiresOn} (${rule})`
        : future
          ? `${user.username}'s training for ${step} is valid only from ${future.trainedOn} (${rule})`
          : `${user.username} holds no training record and authorization for ${step} (${rule})`,
    { operation: step },
  );
}

/**
 * OTH-02: what is wrong with the assessment of a training record about to be recorded, as
 * field errors (empty when nothing is). A hospital user's record for a hospital-signed step
 * needs a passed assessment by another user, on a day from the training date to today; other
 * records carry none.
 */
export function assessmentProblems(
  record: {
    username: string;
    role: string;
    operation: string;
    validFrom: string;
    assessment?: TrainingAssessment;
  },
  today: string,
): Array<{ path: string; message: string }> {
  const { assessment } = record;
  if (!isHospitalSigned(record.role, record.operation))
    return assessment
      ? [{ path: 'assessment', message: 'only a hospital-signed step carries one (OTH-02)' }]
      : [];
  if (!assessment)
    return [{ path: 'assessment', message: `required for ${record.operation} (OTH-02)` }];
  const problems: Array<{ path: string; message: string }> = [];
  if (assessment.result !== 'passed')
    problems.push({
      path: 'assessment.result',
      message: 'a failed assessment does not authorize the step (OTH-02)',
    });
  if (assessment.assessor === record.username)
    problems.push({
      path: 'assessment.assessor',
      message: 'another user than the one assessed (OTH-02)',
    });
  if (assessment.assessedOn > today)
    problems.push({ path: 'assessment.assessedOn', message: 'must not be after today (OTH-02)' });
  if (assessment.assessedOn < record.validFrom)
    problems.push({
      path: 'assessment.assessedOn',
      message: 'must not be before validFrom, the training date (OTH-02)',
    });
  return problems;
}
