import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope } from '@v2v/contracts';
import { canonicalContent, contentHash, entryHash, GENESIS_HASH, StoredEntry } from '@v2v/integrity';

const S = '"traceability"';

export interface DonorPatientLink {
  donorCode: string;
  patientReference: string;
  institutionId: string;
  productCode: string;
}

/** The only place with the ledger's SQL. */
@Injectable()
export class LedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends an event to its chain inside the caller's transaction. The head row is locked
   * first, so two appends to one chain are serialized and `(chain, seq)` never forks.
   */
  async append(manager: EntityManager, chainId: string, envelope: EventEnvelope): Promise<number> {
    await manager.query(
      `INSERT INTO ${S}."ledger_chain_head" ("chain_id", "seq", "entry_hash") VALUES ($1, 0, $2)
       ON CONFLICT ("chain_id") DO NOTHING`,
      [chainId, GENESIS_HASH],
    );
    const [head] = await manager.query(
      `SELECT "seq", "entry_hash" FROM ${S}."ledger_chain_head" WHERE "chain_id" = $1 FOR UPDATE`,
      [chainId],
    );
    const seq = Number(head.seq) + 1;
    const canonical = canonicalContent(envelope);
    const hashes = { contentHash: contentHash(canonical), prevHash: head.entry_hash as string };
    const hash = entryHash({ chainId, seq, ...hashes });
    await manager.query(
      `INSERT INTO ${S}."ledger_entry" ("chain_id", "seq", "event_id", "message_type", "occurred_at", "producer",
         "canonical_content", "content_hash", "prev_hash", "entry_hash")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [chainId, seq, envelope.id, envelope.messageType, envelope.occurredAt, envelope.metadata.producer,
        canonical, hashes.contentHash, hashes.prevHash, hash],
    );
    await manager.query(`UPDATE ${S}."ledger_chain_head" SET "seq" = $2, "entry_hash" = $3 WHERE "chain_id" = $1`, [chainId, seq, hash]);
    return seq;
  }

  async link(manager: EntityManager, link: DonorPatientLink): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."donor_patient_link" ("donor_code", "patient_reference", "institution_id", "product_code")
       VALUES ($1, $2, $3, $4) ON CONFLICT ("donor_code") DO NOTHING`,
      [link.donorCode, link.patientReference, link.institutionId, link.productCode],
    );
  }

  async findLink(donorCode: string): Promise<DonorPatientLink | undefined> {
    const rows = await this.dataSource.query(
      `SELECT "donor_code" AS "donorCode", "patient_reference" AS "patientReference",
              "institution_id" AS "institutionId", "product_code" AS "productCode"
         FROM ${S}."donor_patient_link" WHERE "donor_code" = $1`,
      [donorCode],
    );
    return rows[0];
  }

  async donorCodesOfPatient(patientReference: string): Promise<string[]> {
    const rows: Array<{ donor_code: string }> = await this.dataSource.query(
      `SELECT "donor_code" FROM ${S}."donor_patient_link" WHERE "patient_reference" = $1 ORDER BY "linked_at", "donor_code"`,
      [patientReference],
    );
    return rows.map((r) => r.donor_code);
  }

  async chain(chainId: string): Promise<Array<StoredEntry & { eventId: string; messageType: string; occurredAt: string; recordedAt: string; producer: string }>> {
    const rows = await this.dataSource.query(
      `SELECT "chain_id" AS "chainId", "seq"::int AS "seq", "event_id" AS "eventId", "message_type" AS "messageType",
              "occurred_at" AS "occurredAt", "recorded_at" AS "recordedAt", "producer",
              "canonical_content" AS "canonicalContent", "content_hash" AS "contentHash",
              "prev_hash" AS "prevHash", "entry_hash" AS "entryHash"
         FROM ${S}."ledger_entry" WHERE "chain_id" = $1 ORDER BY "seq"`,
      [chainId],
    );
    return rows.map((r: { occurredAt: Date; recordedAt: Date }) => ({
      ...r,
      occurredAt: r.occurredAt.toISOString(),
      recordedAt: r.recordedAt.toISOString(),
    }));
  }

  async chainIds(): Promise<string[]> {
    const rows: Array<{ chain_id: string }> = await this.dataSource.query(
      `SELECT "chain_id" FROM ${S}."ledger_chain_head" ORDER BY "chain_id"`,
    );
    return rows.map((r) => r.chain_id);
  }

  async heads(): Promise<Array<{ chainId: string; seq: number; entryHash: string }>> {
    return this.dataSource.query(
      `SELECT "chain_id" AS "chainId", "seq"::int AS "seq", "entry_hash" AS "entryHash"
         FROM ${S}."ledger_chain_head" ORDER BY "chain_id"`,
    );
  }
}
