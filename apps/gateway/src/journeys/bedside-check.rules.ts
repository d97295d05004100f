import { DomainError, type Role } from '@v2v/contracts';
import { assertTrainedFor, type TrainingRecord } from '../training/training-rules';

/** The second clinician's account as the gateway knows it. */
export interface ClinicianAccount {
  username: string;
  role: Role;
  institutionId: string | null;
  disabled: boolean;
}

/**
 * OTH-02 (§12(2)): the bedside check's second clinician is an active hospital user of the
 * recording user's institution, trained for the infusion today. An unknown account and another
 * institution's are refused alike, so the answer tells nothing of other institutions' staff.
 */
export function requireSecondClinician(
  recordedBy: { username: string; institutionId: string | null },
  second: { username: string; account: ClinicianAccount | undefined },
  records: TrainingRecord[],
  today: string,
): void {
  const { account } = second;
  if (
    !account ||
    account.disabled ||
    account.role !== 'hospital' ||
    account.institutionId !== recordedBy.institutionId
  )
    throw new DomainError(
      'OTH-02',
      `${second.username} is not an active clinician of ${recordedBy.institutionId}: the bedside check's second verification is by one (OTH-02)`,
      { clinician: second.username },
    );
  assertTrainedFor(account, 'recordInfusion', records, today);
}
