import type { ReleaseGate, ReleaseGateItem } from '@v2v/contracts';
import { canonicalContent, contentHash } from '@v2v/integrity';

/** How a gate stands, before it is bound to the content it was judged on. */
export type ReleaseGateVerdict = Pick<ReleaseGate, 'status' | 'detail' | 'openRecords'>;

/**
 * The SHA-256 of the canonical content a release gate judged (QA-02), hashed as signed content
 * is, so a release signed over the gates is void once any of that content changes.
 */
export const gateContentHash = (content: unknown): string => contentHash(canonicalContent(content));

/** A release gate as its owning service answers it, bound to the hash of what it judged. */
export function releaseGate(
  answeredBy: ReleaseGate['answeredBy'],
  item: ReleaseGateItem,
  verdict: ReleaseGateVerdict,
  hash: string,
): ReleaseGate {
  return { item, answeredBy, ...verdict, contentHash: hash };
}
