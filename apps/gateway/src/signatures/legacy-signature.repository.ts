import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A signature the gateway kept itself, before the owning services recorded them. */
export interface LegacySignatureRow {
  signature_id: string;
  signer: string;
  signer_role: string;
  meaning: string;
  signed_at: Date;
  step: 'releaseMaterial' | 'rejectMaterial' | 'releaseBatch' | 'rejectBatch';
  event_id: string;
  signed_content_hash: string;
}

/** `gateway.electronic_signature`: read-only, the signatures of older journeys. */
@Injectable()
export class LegacySignatureRepository {
  constructor(private readonly dataSource: DataSource) {}

  ofJourney(donorCode: string): Promise<LegacySignatureRow[]> {
    return this.dataSource.query(
      `SELECT * FROM "gateway"."electronic_signature" WHERE "donor_code" = $1 ORDER BY "signed_at"`,
      [donorCode],
    );
  }
}
