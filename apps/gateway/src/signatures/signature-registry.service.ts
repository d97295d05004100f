import { Injectable } from '@nestjs/common';
import { DomainError } from '@v2v/contracts';
import { JourneySignatureView, signedContentHash } from '@v2v/signatures';
import { GmpServicesClient } from '../internal/gmp-services.client';
import { LegacySignatureRepository, LegacySignatureRow } from './legacy-signature.repository';

const OWNER = {
  releaseMaterial: 'donorIntake',
  rejectMaterial: 'donorIntake',
  releaseBatch: 'release',
  rejectBatch: 'release',
} as const;

/**
 * The services that record signed journey steps, each keeping its own signatures (production:
 * a failed batch's rejection and its re-manufacture).
 */
const SIGNING_SERVICES = ['donorIntake', 'production', 'release'] as const;

/**
 * A journey's electronic signatures, each with its validity checked now against the signed
 * record as it is stored today: a record changed after signing shows its signature as void.
 * Each owning service keeps the signatures it recorded its decisions with; the gateway's own
 * table holds only signatures made before services recorded them (older journeys).
 */
@Injectable()
export class SignatureRegistry {
  constructor(
    private readonly legacy: LegacySignatureRepository,
    private readonly services: GmpServicesClient,
  ) {}

  /** `donorCode` is canonical. */
  async list(donorCode: string) {
    const rows = await this.legacy.ofJourney(donorCode);
    const lists = await Promise.all([
      ...rows.map((row) => this.withValidity(donorCode, row).then((s) => [s])),
      ...SIGNING_SERVICES.map((service) => this.services.journeySignatures(service, donorCode)),
    ]);
    return (lists.flat() as JourneySignatureView[]).sort((a, b) =>
      a.signedAt.localeCompare(b.signedAt),
    );
  }

  private async withValidity(donorCode: string, row: LegacySignatureRow) {
    const signature = {
      signatureId: row.signature_id,
      signer: { userId: row.signer, role: row.signer_role },
      meaning: row.meaning,
      signedAt: row.signed_at.toISOString(),
      step: row.step,
      signedContentHash: row.signed_content_hash,
    };
    try {
      const record = await this.services.stepRecord(OWNER[row.step], row.event_id);
      const current = signedContentHash({ donorCode, step: row.step, detail: record.detail });
      return current === row.signed_content_hash
        ? { ...signature, valid: true }
        : { ...signature, valid: false, voidReason: 'the signed record changed after signing' };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') {
        return { ...signature, valid: false, voidReason: 'the signed decision was not recorded' };
      }
      throw error;
    }
  }
}
