import { DomainError } from '@v2v/contracts';

export interface QcResultRow {
  test: string;
  withinSpecification: boolean;
}

/**
 * QA-02 (basic form): a batch is released only with QC results on record and every one
 * within specification. Batch-record review, deviations and chain-of-identity checks join
 * this rule in the release issue.
 */
export function assertBatchReleasable(results: QcResultRow[]): void {
  if (results.length === 0) {
    throw new DomainError('QA-02', 'no QC result is on record for this batch (QA-02)');
  }
  const failing = results.filter((r) => !r.withinSpecification).map((r) => r.test);
  if (failing.length > 0) {
    throw new DomainError(
      'QA-02',
      `QC results out of specification: ${failing.join(', ')} (QA-02)`,
      {
        failing,
      },
    );
  }
}

/** The bedside check: the patient about to be infused is the journey's patient. */
export function assertSamePatient(expected: string, confirmed: string): void {
  if (expected !== confirmed) {
    throw new DomainError(
      'IDENTITY_MISMATCH',
      'the patient reference confirmed at the bedside is not the patient this product was made for',
    );
  }
}
