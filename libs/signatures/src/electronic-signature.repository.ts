import { EntityManager } from 'typeorm';
import { DomainError, type ElectronicSignature } from '@v2v/contracts';

/** A service's own register of the signatures it recorded decisions with (append-only). */
export async function insertElectronicSignature(
  manager: EntityManager,
  schema: string,
  signature: ElectronicSignature,
): Promise<void> {
  try {
    await manager.query(
      `INSERT INTO "${schema}"."electronic_signature"
         ("signature_id", "signer", "signer_role", "meaning", "signed_at", "signed_content_hash",
          "record_type", "record_id", "donor_code", "seal")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        signature.signatureId,
        signature.signer.userId,
        signature.signer.role,
        signature.meaning,
        signature.signedAt,
        signature.signedContentHash,
        signature.subject.recordType,
        signature.subject.recordId,
        signature.subject.donorCode ?? null,
        signature.seal,
      ],
    );
  } catch (error) {
    if ((error as { constraint?: string }).constraint === 'PK_electronic_signature') {
      throw new DomainError(
        'CSV-02',
        `signature ${signature.signatureId} has already signed a decision; a signature signs exactly one record (CSV-02)`,
      );
    }
    throw error;
  }
}

export interface RecordedSignatureRow {
  signature_id: string;
  signer: string;
  signer_role: string;
  meaning: string;
  signed_at: Date;
  signed_content_hash: string;
  record_type: string;
  record_id: string;
  donor_code: string | null;
}

/** The signatures recorded for one journey, oldest first. */
export function signaturesOfJourney(
  manager: EntityManager,
  schema: string,
  donorCode: string,
): Promise<RecordedSignatureRow[]> {
  return manager.query(
    `SELECT "signature_id", "signer", "signer_role", "meaning", "signed_at", "signed_content_hash",
            "record_type", "record_id", "donor_code"
       FROM "${schema}"."electronic_signature" WHERE "donor_code" = $1 ORDER BY "signed_at"`,
    [donorCode],
  );
}

/** A journey step's signature as the signatures view shows it, with its validity now. */
export interface JourneySignatureView {
  signatureId: string;
  signer: { userId: string; role: string };
  meaning: string;
  signedAt: string;
  step: string;
  signedContentHash: string;
  valid: boolean;
  voidReason?: string;
}
