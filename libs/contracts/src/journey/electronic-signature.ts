import { z } from 'zod';
import { type Actor, actorSchema, type Role } from './actor';

/**
 * The journey's decisions that need an electronic signature (CSV-02) by the qualified person
 * (PER-03) — release and rejection of material and batches, a failed batch's disposition and
 * its re-manufacture — and the meaning each signature carries.
 */
export const SIGNED_STEPS = {
  releaseMaterial: 'released',
  rejectMaterial: 'rejected',
  releaseBatch: 'released',
  rejectBatch: 'rejected',
  rejectFailedBatch: 'rejected',
  remanufactureBatch: 'approved',
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

/** The record a signature was made for: a journey step (its event id) or another GMP record. */
export interface SignatureSubject {
  recordType: string;
  recordId: string;
  /** The journey's donor unique code, where the record belongs to a journey. */
  donorCode?: string;
}

/** What is recorded and travels with the decision; never the password. */
export interface ElectronicSignature {
  signatureId: string;
  signer: Actor;
  meaning: SignatureMeaning;
  signedAt: string;
  /** SHA-256 of the canonical signed content: a later change of the record voids the signature. */
  signedContentHash: string;
  subject: SignatureSubject;
  /**
   * The gateway's Ed25519 seal over every other field (base64), made only after the signer
   * re-entered their password: the owning service verifies it, so a signature written into a
   * Temporal update or an internal call by anyone else is refused (CSV-02).
   */
  seal: string;
}

export type UnsealedSignature = Omit<ElectronicSignature, 'seal'>;

/** A signature as the gateway passes it to the service that records the decision. */
export const electronicSignatureSchema = z.strictObject({
  signatureId: z.uuid(),
  signer: actorSchema,
  meaning: z.string().min(1),
  signedAt: z.iso.datetime({ offset: true }),
  signedContentHash: z.string().regex(/^[0-9a-f]{64}$/),
  subject: z.strictObject({
    recordType: z.string().min(1).max(100),
    recordId: z.string().min(1).max(200),
    donorCode: z.string().min(1).max(20).optional(),
  }),
  seal: z.base64().min(1).max(200),
}) satisfies z.ZodType<ElectronicSignature>;

/**
 * PER-03: every signed decision today is the qualified person's (质量受权人) — release and
 * rejection of material and batches, and QA's record decisions that rest on the same authority.
 */
export const SIGNER_ROLE = 'qa-qp' satisfies Role;
