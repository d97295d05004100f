import { DomainError } from '../errors/domain-error';

/**
 * QA-03: batch records are kept at least until product expiry + 5 years; traceability
 * records (donor, key material, donor–patient links, custody records) at least 30 years.
 * The same periods are enforced again by database triggers (libs/database retention guard).
 */
export const RETENTION = {
  traceabilityYears: 30,
  batchRecordYearsAfterExpiry: 5,
} as const;

function addYears(date: Date, years: number): Date {
  const result = new Date(date);
  result.setUTCFullYear(result.getUTCFullYear() + years);
  return result;
}

export function traceabilityRetainedUntil(createdAt: Date): Date {
  return addYears(createdAt, RETENTION.traceabilityYears);
}

/** Unknown expiry (not yet set) means the batch record is kept: nothing to compute from. */
export function batchRecordRetainedUntil(productExpiry: Date | null): Date | null {
  return productExpiry ? addYears(productExpiry, RETENTION.batchRecordYearsAfterExpiry) : null;
}

export function assertRetentionElapsed(
  record: string,
  retainedUntil: Date | null,
  now: Date,
): void {
  if (retainedUntil === null || retainedUntil > now) {
    throw new DomainError(
      'QA-03',
      `${record} must be retained until ${retainedUntil ? retainedUntil.toISOString().slice(0, 10) : 'its product expiry + 5 years (expiry not yet set)'}; deleting it is refused (QA-03)`,
      { retainedUntil: retainedUntil?.toISOString() ?? null },
    );
  }
}
