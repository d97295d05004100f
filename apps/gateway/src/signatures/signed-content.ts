import { canonicalContent, contentHash } from '@v2v/integrity';

/**
 * What a release decision's signature is bound to: the donor code, the decision and its
 * recorded content (without the signature itself). Computed the same way at signing and at
 * every later check, so a change of the record shows as a different hash.
 */
export function signedContentHash(content: {
  donorCode: string;
  step: string;
  detail: Record<string, unknown>;
}): string {
  const { signature: _signature, ...detail } = content.detail;
  void _signature;
  return contentHash(
    canonicalContent({ donorCode: content.donorCode, step: content.step, detail }),
  );
}

/** What a signed decision on a record (not a journey step) is bound to. */
export function signedRecordHash(content: {
  recordType: string;
  recordId: string;
  detail: Record<string, unknown>;
}): string {
  const { signature: _signature, ...detail } = content.detail;
  void _signature;
  return contentHash(
    canonicalContent({ recordType: content.recordType, recordId: content.recordId, detail }),
  );
}
