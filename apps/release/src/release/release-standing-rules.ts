import { DomainError, ReleaseGateStanding } from '@v2v/contracts';
import { canonicalContent, contentHash } from '@v2v/integrity';

/**
 * QA-02, where the release is written: a release is recorded only over the gates the journey
 * evaluated just before it, all settled. An activity scheduled some other way (a forged update
 * that skipped the journey's gate, a hand-made activity) carries no standing and is refused.
 */
export function requireReleaseGatesSettled(
  standing: ReleaseGateStanding | undefined,
): ReleaseGateStanding {
  if (!standing)
    throw new DomainError(
      'QA-02',
      'a release is recorded only over the release gates the journey evaluated, and none came with it (QA-02)',
    );
  const open = standing.gates.filter(
    (g) => g.status !== 'settled' && g.status !== 'not-applicable',
  );
  if (!standing.releasable || open.length)
    throw new DomainError(
      'QA-02',
      `batch ${standing.batchNumber} cannot be released while its gates are open: ${open.map((g) => `${g.item} ${g.detail}`).join('; ')} (QA-02)`,
      { gates: standing.gates },
    );
  return standing;
}

/** CSV-02: what the release covers, one hash over the gates' content hashes in item order. */
export function coveredHashOf(standing: ReleaseGateStanding): string {
  return contentHash(canonicalContent(standing.gates.map((g) => [g.item, g.contentHash])));
}

/** QA-02, CSV-02: a release found void since it was recorded does not let the product ship. */
export function requireReleaseNotVoid(voiding: { reason: string } | undefined): void {
  if (voiding)
    throw new DomainError(
      'QA-02',
      `the release is void: ${voiding.reason}; the qualified person must release again before shipment (QA-02)`,
    );
}
