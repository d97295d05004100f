import { DomainError, type ReleaseGate } from '@v2v/contracts';

/**
 * QA-02 (item QA-02.1): the qualified person releases only a batch whose QC gate is settled
 * (qcReleaseGate: every result needed before release within specification, no investigation
 * open, none confirmed OOS); the release use case asks it in its transaction, so a refused
 * release leaves no signature.
 */
export function assertBatchReleasable(qcGate: ReleaseGate): void {
  if (qcGate.status !== 'settled')
    throw new DomainError('QA-02', `the batch is not releasable: ${qcGate.detail} (QA-02.1)`, {
      item: 'QA-02.1',
      status: qcGate.status,
      openRecords: qcGate.openRecords,
    });
}
