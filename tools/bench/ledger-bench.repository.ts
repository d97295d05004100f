import type { DataSource } from 'typeorm';

const SCRATCH = 'bench_scratch';

/**
 * The ledger benchmark's own SQL, run as the schema owner: a scratch copy of the ledger entry
 * table (same columns, constraints and indexes, no triggers: those fire on UPDATE and DELETE
 * only) that the plain-INSERT floor writes into, a sequential scan of the real ledger, and
 * the scratch schema's removal.
 */
export class LedgerBenchRepository {
  constructor(private readonly owner: DataSource) {}

  async createScratchTable(): Promise<void> {
    await this.owner.query(`DROP SCHEMA IF EXISTS "${SCRATCH}" CASCADE`);
    await this.owner.query(`CREATE SCHEMA "${SCRATCH}"`);
    await this.owner.query(
      `CREATE TABLE "${SCRATCH}"."plain_entry" (LIKE "traceability"."ledger_entry" INCLUDING ALL)`,
    );
  }

  /** One row of the ledger's shape, in its own transaction (the floor of P5). */
  async insertPlain(row: unknown[]): Promise<void> {
    await this.owner.query(
      `INSERT INTO "${SCRATCH}"."plain_entry" ("chain_id", "seq", "event_id", "message_type", "occurred_at",
         "producer", "canonical_content", "content_hash", "prev_hash", "entry_hash")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      row,
    );
  }

  /** Every stored entry's canonical content, in chain order (the scan floor of P6). */
  async ledgerEntries(): Promise<number> {
    const [row] = await this.owner.query(
      `SELECT count(*)::int AS "entries" FROM "traceability"."ledger_entry"`,
    );
    return row.entries;
  }

  async scanLedger(): Promise<{ entries: number; bytes: number; contents: string[] }> {
    const rows: Array<{ canonical_content: string }> = await this.owner.query(
      `SELECT "canonical_content" FROM "traceability"."ledger_entry" ORDER BY "chain_id", "seq"`,
    );
    const contents = rows.map((r) => r.canonical_content);
    return {
      entries: rows.length,
      bytes: contents.reduce((n, c) => n + Buffer.byteLength(c), 0),
      contents,
    };
  }

  async dropScratch(): Promise<void> {
    await this.owner.query(`DROP SCHEMA IF EXISTS "${SCRATCH}" CASCADE`);
  }
}
