import type { DataSource } from 'typeorm';
import {
  addOutboxSetAsideSql,
  addOutboxTraceparentSql,
  createOutboxTableSql,
} from '@v2v/messaging';

export interface RawMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * The outbox benchmark's own SQL, run as the schema owner: a scratch schema whose outbox has
 * the services' DDL (the same table, index and set-aside columns), emptied between rounds and
 * dropped at the end.
 */
export class OutboxBenchRepository {
  constructor(
    private readonly owner: DataSource,
    private readonly schema: string,
  ) {}

  async createScratchOutbox(): Promise<void> {
    await this.owner.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
    await this.owner.query(`CREATE SCHEMA "${this.schema}"`);
    for (const sql of [
      ...createOutboxTableSql(this.schema),
      ...addOutboxSetAsideSql(this.schema),
      ...addOutboxTraceparentSql(this.schema),
    ])
      await this.owner.query(sql);
  }

  async emptyOutbox(): Promise<void> {
    await this.owner.query(`TRUNCATE "${this.schema}"."outbox"`);
  }

  /** The rows as the relay sends them (key, envelope, headers), in outbox order. */
  async messages(): Promise<RawMessage[]> {
    const rows: Array<{
      id: string;
      message_key: string;
      message_type: string;
      envelope: unknown;
    }> = await this.owner.query(
      `SELECT "id", "message_key", "message_type", "envelope" FROM "${this.schema}"."outbox"
          ORDER BY "created_at", "id"`,
    );
    return rows.map((r) => ({
      key: r.message_key,
      value: JSON.stringify(r.envelope),
      headers: { 'event-id': r.id, 'message-type': r.message_type },
    }));
  }

  async unpublished(): Promise<number> {
    const [row] = await this.owner.query(
      `SELECT count(*)::int AS n FROM "${this.schema}"."outbox" WHERE "published_at" IS NULL`,
    );
    return row.n;
  }

  async dropScratchOutbox(): Promise<void> {
    await this.owner.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
  }
}
