import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type SignatureMeaning,
  SIGNED_STEPS,
  type SignedStep,
  type UnsealedSignature,
} from '@v2v/contracts';
import { canonicalContent, contentHash } from '@v2v/integrity';

/**
 * What a journey step's signature is bound to: the donor code, the step and its recorded
 * content (without the signature itself). Computed the same way by the gateway at signing, by
 * the owning service before it records the decision, and at every later check, so a change of
 * the record shows as a different hash.
 */
export function signedContentHash(content: {
  donorCode: string;
  step: string;
  detail: Record<string, unknown>;
}): string {
  return contentHash(
    canonicalContent({
      donorCode: content.donorCode,
      step: content.step,
      detail: withoutSignature(content.detail),
    }),
  );
}

/** What a signed decision on a record (not a journey step) is bound to. */
export function signedRecordHash(content: {
  recordType: string;
  recordId: string;
  detail: Record<string, unknown>;
}): string {
  return contentHash(
    canonicalContent({
      recordType: content.recordType,
      recordId: content.recordId,
      detail: withoutSignature(content.detail),
    }),
  );
}

/**
 * What the signer signed of a recorded detail: not the signature itself, nor the release gates
 * the journey evaluated and the owning service records beside a release (the gateway never saw
 * them; the release is bound to them by its voiding, CSV-02, see docs/quality.md).
 */
function withoutSignature(detail: Record<string, unknown>): Record<string, unknown> {
  const { signature: _signature, releaseGates: _releaseGates, ...rest } = detail;
  void _signature;
  void _releaseGates;
  return rest;
}

/** What is signed: a journey step's decision, or a decision on another GMP record. */
export type SignedContent =
  | { step: SignedStep; donorCode: string; eventId: string; detail: Record<string, unknown> }
  | {
      meaning: SignatureMeaning;
      recordType: string;
      recordId: string;
      donorCode?: string;
      detail: Record<string, unknown>;
    };

/** The signature of `content` by `signer`, ready to be sealed: meaning, subject and hash. */
export function signatureOf(
  content: SignedContent,
  signer: Actor,
  signedAt = new Date(),
): UnsealedSignature {
  const common = { signatureId: randomUUID(), signer, signedAt: signedAt.toISOString() };
  if ('step' in content) {
    const { step, donorCode, eventId, detail } = content;
    return {
      ...common,
      meaning: SIGNED_STEPS[step],
      subject: { recordType: step, recordId: eventId, donorCode },
      signedContentHash: signedContentHash({ donorCode, step, detail }),
    };
  }
  const { meaning, recordType, recordId, donorCode, detail } = content;
  return {
    ...common,
    meaning,
    subject: { recordType, recordId, ...(donorCode ? { donorCode } : {}) },
    signedContentHash: signedRecordHash({ recordType, recordId, detail }),
  };
}
