import { DataSource } from 'typeorm';
import { isSignedStep } from '@v2v/contracts';
import { StepRecordReader } from '@v2v/messaging';
import {
  JourneySignatureView,
  RecordedSignatureRow,
  signaturesOfJourney,
  signedContentHash,
} from '@v2v/signatures';

/**
 * A service's own reasons a signature whose record is unchanged is void now (e.g. a release
 * voided because what its gates covered changed, CSV-02).
 */
export abstract class SignatureVoidings {
  abstract voidReason(step: string, eventId: string): Promise<string | undefined>;
}

/**
 * The signatures of a journey's signed steps a service recorded, each checked now against its
 * step record as stored today: a record changed after signing shows its signature as void.
 */
export class JourneySignatures {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly records: StepRecordReader,
    private readonly voidings?: SignatureVoidings,
  ) {}

  async list(donorCode: string): Promise<JourneySignatureView[]> {
    const rows = await signaturesOfJourney(this.dataSource.manager, this.schema, donorCode);
    return Promise.all(
      rows.filter((row) => isSignedStep(row.record_type)).map((row) => this.withValidity(row)),
    );
  }

  private async withValidity(row: RecordedSignatureRow): Promise<JourneySignatureView> {
    const signature = {
      signatureId: row.signature_id,
      signer: { userId: row.signer, role: row.signer_role },
      meaning: row.meaning,
      signedAt: row.signed_at.toISOString(),
      step: row.record_type,
      signedContentHash: row.signed_content_hash,
    };
    const record = await this.records.byEventId(row.record_id);
    if (!record) {
      return { ...signature, valid: false, voidReason: 'the signed decision was not recorded' };
    }
    const current = signedContentHash({
      donorCode: record.donorCode,
      step: row.record_type,
      detail: record.detail,
    });
    if (current !== row.signed_content_hash)
      return { ...signature, valid: false, voidReason: 'the signed record changed after signing' };
    const voidReason = await this.voidings?.voidReason(row.record_type, row.record_id);
    return voidReason ? { ...signature, valid: false, voidReason } : { ...signature, valid: true };
  }
}
