import { KeyObject, sign, verify } from 'node:crypto';
import type { ElectronicSignature, UnsealedSignature } from '@v2v/contracts';
import { canonicalContent } from '@v2v/integrity';

/** The bytes a seal covers: every field of the signature but the seal, in canonical form. */
function sealedBytes(signature: UnsealedSignature): Buffer {
  const { signatureId, signer, meaning, signedAt, signedContentHash, subject } = signature;
  return Buffer.from(
    canonicalContent({ signatureId, signer, meaning, signedAt, signedContentHash, subject }),
    'utf8',
  );
}

/** The gateway seals a signature once the signer's password was re-entered (CSV-02). */
export function sealSignature(
  signature: UnsealedSignature,
  privateKey: KeyObject,
): ElectronicSignature {
  const seal = sign(null, sealedBytes(signature), privateKey).toString('base64');
  return { ...signature, seal };
}

/** Whether the gateway made this signature exactly as it stands (Ed25519, no field changed). */
export function hasValidSeal(signature: ElectronicSignature, publicKey: KeyObject): boolean {
  const { seal, ...unsealed } = signature;
  try {
    return verify(null, sealedBytes(unsealed), publicKey, Buffer.from(seal, 'base64'));
  } catch {
    return false;
  }
}
