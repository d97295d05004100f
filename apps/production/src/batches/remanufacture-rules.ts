import { DomainError, MATERIAL_DISPOSITIONS } from '@v2v/contracts';

export type BatchDisposition = (typeof MATERIAL_DISPOSITIONS)[number];

/** A batch of a donor code, as the failure branch reads it. */
export interface DonorBatch {
  batchNumber: string;
  status: string;
  startedAt: string;
}

/** A portion of donor material set aside at a production start, and its use if it was used. */
export interface RetainedPortion {
  retainedId: string;
  donorCode: string;
  /** The batch whose start set it aside. */
  batchNumber: string;
  volumeMl: number;
  container: string;
  storageLocation: string;
  setAsideAt: string;
  /** The re-manufacture decision that used it. */
  usedBy?: { eventId: string; usedAt: string };
}

/**
 * MAT-04 applies to product too: a failed batch is rejected only with its disposition. The
 * gateway's schema requires it; a Temporal update or internal call that skipped the gateway is
 * refused here as well, before anything is written.
 */
export function requireBatchDisposition(disposition: unknown): BatchDisposition {
  if (MATERIAL_DISPOSITIONS.includes(disposition as BatchDisposition)) {
    return disposition as BatchDisposition;
  }
  throw new DomainError(
    'MAT-04',
    `a failed batch is rejected with its disposition: destroy, return or quarantine, not ${JSON.stringify(disposition ?? null)} (MAT-04)`,
    { disposition: disposition ?? null },
  );
}

/**
 * A re-manufacture is decided on the donor's latest batch, and only once it is rejected: a
 * batch still in production or completed is not a failed batch.
 */
export function requireRejectedLatestBatch(
  donorCode: string,
  batches: readonly DonorBatch[],
): DonorBatch {
  const latest = [...batches].sort((a, b) => a.startedAt.localeCompare(b.startedAt)).at(-1);
  if (!latest) {
    throw new DomainError('NOT_FOUND', `no batch for donor code ${donorCode}: nothing to re-make`);
  }
  if (latest.status !== 'rejected') {
    throw new DomainError(
      'NOT_FOUND',
      `no rejected batch to re-manufacture for donor code ${donorCode}: its latest batch ${latest.batchNumber} is ${latest.status}`,
      { batchNumber: latest.batchNumber, status: latest.status },
    );
  }
  return latest;
}

/**
 * A failed batch is re-made only from donor material set aside for this donor code and not yet
 * used (the oldest such portion first); otherwise the journey goes back to recollection. The
 * refusal says why: nothing was set aside, or which decision already used each portion.
 */
export function requireUnusedRetainedPortion(
  donorCode: string,
  portions: readonly RetainedPortion[],
): RetainedPortion {
  const unused = portions
    .filter((p) => !p.usedBy)
    .sort((a, b) => a.setAsideAt.localeCompare(b.setAsideAt));
  if (unused.length) return unused[0];
  if (!portions.length) {
    throw new DomainError(
      'NO_RETAINED_MATERIAL',
      `no donor material of ${donorCode} was set aside at a production start: the batch cannot be re-made, only recollected (NO_RETAINED_MATERIAL)`,
      { donorCode },
    );
  }
  const uses = portions.map(
    (p) =>
      `the portion set aside from batch ${p.batchNumber} was used by the re-manufacture decision ${p.usedBy?.eventId}`,
  );
  throw new DomainError(
    'NO_RETAINED_MATERIAL',
    `the retained donor material of ${donorCode} is used up: ${uses.join('; ')} (NO_RETAINED_MATERIAL)`,
    { donorCode, usedBy: portions.map((p) => p.usedBy?.eventId) },
  );
}
