import { z } from 'zod';
import { DomainError } from '../errors/domain-error';
import { type Actor, actorSchema } from './actor';

/**
 * The release decisions that need an electronic signature (CSV-02) by the qualified person
 * (PER-03), and the meaning each signature carries.
 */
export const SIGNED_STEPS = {
  releaseMaterial: 'released',
  rejectMaterial: 'rejected',
  releaseBatch: 'released',
  rejectBatch: 'rejected',
} as const;
export type SignedStep = keyof typeof SIGNED_STEPS;

/**
 * What a signature means: a release decision's meaning, or the outcome of another signed
 * GMP decision (an institution's qualification, a published specification, a material
 * disposition, a key-material lot release).
 */
export type SignatureMeaning =
  (typeof SIGNED_STEPS)[SignedStep] | 'approved' | 'published' | 'dispositioned' | (string & {});

export function isSignedStep(step: string): step is SignedStep {
  return step in SIGNED_STEPS;
}

/** What the signer sends: their password again, at the moment of signing. */
export const signatureRequestSchema = z.strictObject({ password: z.string().min(1).max(200) });

/** What is recorded and travels with the decision; never the password. */
export interface ElectronicSignature {
  signatureId: string;
  signer: Actor;
  meaning: SignatureMeaning;
  signedAt: string;
  /** SHA-256 of the canonical signed content: a later change of the record voids the signature. */
  signedContentHash: string;
}

/** A recorded signature as the gateway passes it to the service that records the decision. */
export const electronicSignatureSchema = z.strictObject({
  signatureId: z.uuid(),
  signer: actorSchema,
  meaning: z.string().min(1),
  signedAt: z.iso.datetime({ offset: true }),
  signedContentHash: z.string().regex(/^[0-9a-f]{64}$/),
}) satisfies z.ZodType<ElectronicSignature>;

/**
 * A service records a decision only with the signature made for it: the meaning the signer
 * gave and the signer's identity must be the decision's, or a signature could be replayed
 * onto another decision.
 */
export function assertSignatureFor(
  signature: Pick<ElectronicSignature, 'meaning' | 'signer'>,
  meaning: string,
  decidedBy: Pick<Actor, 'userId'>,
): void {
  if (signature.meaning !== meaning || signature.signer.userId !== decidedBy.userId) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `the signature does not match the decision: it means '${signature.meaning}' by ${signature.signer.userId}, the decision is '${meaning}' by ${decidedBy.userId}`,
    );
  }
}
