import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope } from '@v2v/contracts';
import { ChainHead, StoredEntry } from '@v2v/integrity';
import { emptyChainHead, LedgerEntry, nextLedgerEntry } from './ledger-entry';

const S = '"traceability"';

export interface DonorPatientLink {
  donorCode: string;
  patientReference: string;
  institutionId: string;
  productCode: string;
}

export type StoredLedgerEntry = LedgerEntry & { recordedAt: string };

/** The only place with the ledger's SQL. Reads take a manager to run inside a snapshot. */
@Injectable()
export class LedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends an event to its chain inside the caller's transaction. The head row is created if
   * missing, then locked, so two appends to one chain are serialized and `(chain, seq)` never
   * forks.
   */
  async append(manager: EntityManager, chainId: string, envelope: EventEnvelope): Promise<number> {
    const empty = emptyChainHead(chainId);
    // One statement creates the head if missing and locks it either way (the unchanged write
    // takes the row lock), answering the head to chain onto. The head moves in a statement of its
    // own, after the entry: its guard checks that the entry it moves to exists.
    const [head] = await manager.query(
      `INSERT INTO ${S}."ledger_chain_head" ("chain_id", "seq", "entry_hash") VALUES ($1, $2, $3)
       ON CONFLICT ("chain_id") DO UPDATE SET "chain_id" = EXCLUDED."chain_id"
       RETURNING "seq"::int AS "seq", "entry_hash" AS "entryHash"`,
      [chainId, empty.seq, empty.entryHash],
    );
    const e = nextLedgerEntry({ chainId, seq: head.seq, entryHash: head.entryHash }, envelope);
    await manager.query(
      `INSERT INTO ${S}."ledger_entry" ("chain_id", "seq", "event_id", "message_type", "occurred_at", "producer",
         "canonical_content", "content_hash", "prev_hash", "entry_hash")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        e.chainId,
        e.seq,
        e.eventId,
        e.messageType,
        e.occurredAt,
        e.producer,
        e.canonicalContent,
        e.contentHash,
        e.prevHash,
        e.entryHash,
      ],
    );
    await manager.query(
      `UPDATE ${S}."ledger_chain_head" SET "seq" = $2, "entry_hash" = $3 WHERE "chain_id" = $1`,
      [chainId, e.seq, e.entryHash],
    );
    return e.seq;
  }

  /** The first registration of a donor code wins; the ledger keeps every event either way. */
  async link(manager: EntityManager, link: DonorPatientLink): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."donor_patient_link" ("donor_code", "patient_reference", "institution_id", "product_code")
       VALUES ($1, $2, $3, $4) ON CONFLICT ("donor_code") DO NOTHING`,
      [link.donorCode, link.patientReference, link.institutionId, link.productCode],
    );
  }

  /**
   * Runs reads in one REPEATABLE READ, read-only transaction: one consistent view of every chain.
   */
  snapshot<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return work(manager);
    });
  }

  async findLink(
    donorCode: string,
    manager = this.dataSource.manager,
  ): Promise<DonorPatientLink | undefined> {
    const rows = await manager.query(
      `SELECT "donor_code" AS "donorCode", "patient_reference" AS "patientReference",
              "institution_id" AS "institutionId", "product_code" AS "productCode"
         FROM ${S}."donor_patient_link" WHERE "donor_code" = $1`,
      [donorCode],
    );
    return rows[0];
  }

  async donorCodesOfPatient(
    patientReference: string,
    manager = this.dataSource.manager,
  ): Promise<string[]> {
    const rows: Array<{ donor_code: string }> = await manager.query(
      `SELECT "donor_code" FROM ${S}."donor_patient_link" WHERE "patient_reference" = $1 ORDER BY "linked_at", "donor_code"`,
      [patientReference],
    );
    return rows.map((r) => r.donor_code);
  }

  async chain(chainId: string, manager = this.dataSource.manager): Promise<StoredLedgerEntry[]> {
    const rows: Array<StoredLedgerEntry & { occurredAt: Date; recordedAt: Date }> =
      await manager.query(
        `SELECT "chain_id" AS "chainId", "seq"::int AS "seq", "event_id" AS "eventId", "message_type" AS "messageType",
                "occurred_at" AS "occurredAt", "recorded_at" AS "recordedAt", "producer",
                "canonical_content" AS "canonicalContent", "content_hash" AS "contentHash",
                "prev_hash" AS "prevHash", "entry_hash" AS "entryHash"
           FROM ${S}."ledger_entry" WHERE "chain_id" = $1 ORDER BY "seq"`,
        [chainId],
      );
    return rows.map((r) => ({
      ...r,
      occurredAt: r.occurredAt.toISOString(),
      recordedAt: r.recordedAt.toISOString(),
    }));
  }

  /**
   * Several chains in one query, with only what verify recomputes: verify reads the ledger in
   * pages of chains (one query per chain was a fifth of the scan rate), and parsing the two
   * timestamps of every entry into dates cost it as much as its hashing.
   */
  async chainLinks(
    chainIds: string[],
    manager = this.dataSource.manager,
  ): Promise<Map<string, StoredEntry[]>> {
    const rows: StoredEntry[] = await manager.query(
      `SELECT "chain_id" AS "chainId", "seq"::int AS "seq", "canonical_content" AS "canonicalContent",
              "content_hash" AS "contentHash", "prev_hash" AS "prevHash", "entry_hash" AS "entryHash"
         FROM ${S}."ledger_entry" WHERE "chain_id" = ANY($1) ORDER BY "chain_id", "seq"`,
      [chainIds],
    );
    const byChain = new Map<string, StoredEntry[]>();
    for (const r of rows) {
      const chain = byChain.get(r.chainId);
      if (chain) chain.push(r);
      else byChain.set(r.chainId, [r]);
    }
    return byChain;
  }

  /**
   * Every chain that has a head or an entry (a chain whose head row went missing is still checked).
   */
  async chainIds(manager = this.dataSource.manager): Promise<string[]> {
    const rows: Array<{ chain_id: string }> = await manager.query(
      `SELECT "chain_id" FROM ${S}."ledger_chain_head" UNION SELECT DISTINCT "chain_id" FROM ${S}."ledger_entry" ORDER BY 1`,
    );
    return rows.map((r) => r.chain_id);
  }

  /** One chain's head row; undefined when it has none. */
  async head(manager: EntityManager, chainId: string): Promise<ChainHead | undefined> {
    const rows: ChainHead[] = await manager.query(
      `SELECT "chain_id" AS "chainId", "seq"::int AS "seq", "entry_hash" AS "entryHash"
         FROM ${S}."ledger_chain_head" WHERE "chain_id" = $1`,
      [chainId],
    );
    return rows[0];
  }

  async heads(manager = this.dataSource.manager): Promise<ChainHead[]> {
    return manager.query(
      `SELECT "chain_id" AS "chainId", "seq"::int AS "seq", "entry_hash" AS "entryHash"
         FROM ${S}."ledger_chain_head" ORDER BY "chain_id"`,
    );
  }
}
