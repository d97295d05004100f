import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { GENESIS_HASH } from '@v2v/integrity';
import type { BenchJourneyLedger } from './trace-ledger';

const S = '"traceability"';

/**
 * The trace bench's own database, made and dropped by the schema owner (who needs CREATEDB: the
 * local cluster's owner role has it, tools/infra/postgres.sh). `name` is the bench's constant.
 */
export class BenchDatabaseRepository {
  constructor(private readonly ownerUrl: string) {}

  /** Drops what a kept run left (KEEP=1), then creates the database empty. */
  async recreate(name: string): Promise<void> {
    await this.run(async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}"`);
    });
  }

  async drop(name: string): Promise<void> {
    await this.run((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }

  private async run(work: (admin: Client) => Promise<unknown>): Promise<void> {
    const admin = new Client({ connectionString: this.ownerUrl });
    await admin.connect();
    try {
      await work(admin);
    } finally {
      await admin.end();
    }
  }
}

/**
 * The trace bench's SQL inside its database: the bulk load of whole journeys' ledgers (as the
 * owner: the service role may not write heads forward by hand), the statistics a long-running
 * ledger would have, and the floor query.
 */
export class TraceBenchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Journeys' links, entries and heads in one transaction, a statement per table (arrays
   * unnested server-side). Heads start at the genesis and move to the last entry, as the chain
   * head guard requires (TRC-01).
   */
  async load(journeys: BenchJourneyLedger[]): Promise<void> {
    const entries = journeys.flatMap((j) => j.entries);
    const column = <K extends keyof (typeof entries)[number]>(key: K) => entries.map((e) => e[key]);
    await this.dataSource.transaction(async (m: EntityManager) => {
      await m.query(
        `INSERT INTO ${S}."donor_patient_link" ("donor_code", "patient_reference", "institution_id", "product_code")
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
        [
          journeys.map((j) => j.link.donorCode),
          journeys.map((j) => j.link.patientReference),
          journeys.map((j) => j.link.institutionId),
          journeys.map((j) => j.link.productCode),
        ],
      );
      await m.query(
        `INSERT INTO ${S}."ledger_entry" ("chain_id", "seq", "event_id", "message_type", "occurred_at", "producer",
           "canonical_content", "content_hash", "prev_hash", "entry_hash")
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::uuid[], $4::text[], $5::timestamptz[], $6::text[],
           $7::text[], $8::text[], $9::text[], $10::text[])`,
        [
          column('chainId'),
          column('seq'),
          column('eventId'),
          column('messageType'),
          column('occurredAt'),
          column('producer'),
          column('canonicalContent'),
          column('contentHash'),
          column('prevHash'),
          column('entryHash'),
        ],
      );
      const chainIds = journeys.map((j) => j.head.chainId);
      await m.query(
        `INSERT INTO ${S}."ledger_chain_head" ("chain_id", "seq", "entry_hash")
         SELECT c, 0, $2::text FROM unnest($1::text[]) AS c`,
        [chainIds, GENESIS_HASH],
      );
      await m.query(
        `UPDATE ${S}."ledger_chain_head" h SET "seq" = v."seq", "entry_hash" = v."entry_hash"
           FROM unnest($1::text[], $2::bigint[], $3::text[]) AS v("chain_id", "seq", "entry_hash")
          WHERE h."chain_id" = v."chain_id"`,
        [chainIds, journeys.map((j) => j.head.seq), journeys.map((j) => j.head.entryHash)],
      );
    });
  }

  /** Vacuumed and analysed, as autovacuum leaves a ledger that has been appended to for long. */
  async settle(): Promise<void> {
    await this.dataSource.query(
      `VACUUM (ANALYZE) ${S}."ledger_entry", ${S}."donor_patient_link", ${S}."ledger_chain_head"`,
    );
  }

  /** How many entries and chains are loaded. */
  async counts(): Promise<{ entries: number; chains: number }> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM ${S}."ledger_entry")::int AS "entries",
              (SELECT count(*) FROM ${S}."ledger_chain_head")::int AS "chains"`,
    );
    return row;
  }

  /**
   * The floor of P3: one indexed SELECT of a donor's chain by its code, the columns the
   * ledger's read takes, on the same table; the number of entries it found.
   */
  async floorChain(donorCode: string): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT "chain_id" AS "chainId", "seq"::int AS "seq", "event_id" AS "eventId", "message_type" AS "messageType",
              "occurred_at" AS "occurredAt", "recorded_at" AS "recordedAt", "producer",
              "canonical_content" AS "canonicalContent", "content_hash" AS "contentHash",
              "prev_hash" AS "prevHash", "entry_hash" AS "entryHash"
         FROM ${S}."ledger_entry" WHERE "chain_id" = $1 ORDER BY "seq"`,
      [donorCode],
    );
    return rows.length;
  }
}
