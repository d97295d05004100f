import type { BatchDeviationNotice, BatchLabel } from '@v2v/contracts';
import { DomainError } from '@v2v/contracts';
import { canonicalContent, contentHash } from '@v2v/integrity';
import type { BatchStepRow } from '../batch-record';

/** The batch itself as its review covers it. */
export interface ReviewedBatch {
  batchNumber: string;
  donorCode: string;
  journeyId: string;
  productCode: string;
  processVersion: number | null;
  status: string;
  totalCellCount: number | null;
  startedAt: string;
  completedAt: string | null;
}

/** Everything a review of the batch record covers. */
export interface ReviewableRecord {
  batch: ReviewedBatch;
  steps: BatchStepRow[];
  labels: BatchLabel[];
  deviations: BatchDeviationNotice[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * QA-02.2: the canonical content of a batch record, in an order of its own (steps by index,
 * start before completion; labels by id; deviations by time, then id) so that however the rows
 * were read, the same record always hashes the same, and any appended row changes the hash.
 */
export function batchRecordContent(record: ReviewableRecord): string {
  const kindOrder = (kind: BatchStepRow['kind']) => (kind === 'start' ? 0 : 1);
  return canonicalContent({
    batch: record.batch,
    steps: [...record.steps].sort(
      (a, b) => a.stepIndex - b.stepIndex || kindOrder(a.kind) - kindOrder(b.kind),
    ),
    labels: [...record.labels].sort((a, b) => byText(a.labelId, b.labelId)),
    deviations: [...record.deviations].sort(
      (a, b) => byText(a.raisedAt, b.raisedAt) || byText(a.deviationId, b.deviationId),
    ),
  });
}

/** QA-02.2: what a review signs of the record, and what its validity is recomputed from. */
export const batchRecordHash = (record: ReviewableRecord): string =>
  contentHash(batchRecordContent(record));

/**
 * QA-02 (item QA-02.2): a batch record is reviewed only once it is complete: the batch not
 * rejected, production completed, and every step of its process definition completed. Every
 * gap is named in one refusal, so QA sees all that is missing at once.
 */
export function requireBatchRecordComplete(
  record: ReviewableRecord,
  processStepIds: readonly string[] | null,
): void {
  const { batch } = record;
  const problems: string[] = [];
  if (batch.status === 'rejected') problems.push(`batch ${batch.batchNumber} was rejected`);
  else if (batch.status !== 'completed')
    problems.push(`production of batch ${batch.batchNumber} is not completed (${batch.status})`);
  const completed = new Set(
    record.steps.filter((s) => s.kind === 'completion').map((s) => s.stepId),
  );
  if (!processStepIds)
    problems.push(`batch ${batch.batchNumber} has no process definition to check its steps by`);
  processStepIds?.forEach((stepId, i) => {
    if (!completed.has(stepId))
      problems.push(`step ${stepId} (${i + 1} of ${processStepIds.length}) is not completed`);
  });
  if (problems.length)
    throw new DomainError(
      'QA-02',
      `the batch record of ${batch.batchNumber} is not complete: ${problems.join('; ')} (QA-02.2)`,
      { item: 'QA-02.2', problems },
    );
}

/** A recorded review as validity needs it. */
export interface SignedReview {
  recordHash: string;
  deviations: BatchDeviationNotice[];
}

/**
 * QA-02.2: why a review no longer holds, or null while the record still hashes to what was
 * signed. The batch record is append-only, so a change is a row appended after the review; a
 * deviation raised since is named, anything else is reported as the changed hash.
 */
export function reviewVoidReason(
  review: SignedReview,
  current: ReviewableRecord,
  currentHash: string,
): string | null {
  if (currentHash === review.recordHash) return null;
  const reviewed = new Set(review.deviations.map((d) => d.deviationId));
  const raised = current.deviations.filter((d) => !reviewed.has(d.deviationId));
  if (raised.length)
    return `the batch record changed after the review: ${raised
      .map((d) => `deviation ${d.rule} on ${d.stepId} raised (${d.message})`)
      .join('; ')}`;
  const hashes = `it hashed ${review.recordHash}, now ${currentHash}`;
  return `the batch record changed after the review: ${hashes}`;
}

/** QA-02 (item QA-02.2): the release gate's check that a valid review is on record. */
export function requireValidReview(
  batchNumber: string,
  standing: { valid: boolean; voidReason: string | null } | undefined,
): void {
  if (!standing)
    throw new DomainError(
      'QA-02',
      `the batch record of ${batchNumber} has not been reviewed by QA (QA-02.2)`,
      { item: 'QA-02.2' },
    );
  if (!standing.valid)
    throw new DomainError(
      'QA-02',
      `QA's review of the batch record of ${batchNumber} is void: ${standing.voidReason} (QA-02.2)`,
      { item: 'QA-02.2' },
    );
}
