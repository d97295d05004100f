import type { DataSource } from 'typeorm';
import {
  addOutboxSetAsideSql,
  addOutboxTraceparentSql,
  createOutboxTableSql,
  orderOutboxBatchIndexSql,
  outboxBatchSql,
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
      ...orderOutboxBatchIndexSql(this.schema),
    ])
      await this.owner.query(sql);
  }

  async emptyOutbox(): Promise<void> {
    await this.owner.query(`TRUNCATE "${this.schema}"."outbox"`);
  }

  /**
   * Fresh statistics for the filled outbox, as autovacuum's analyse gives a table that grew this
   * much: planned on the emptied table's, the batch query took a bitmap scan of the whole table
   * (20–35 ms a batch) where its index answers in about 0.2 ms.
   */
  async analyse(): Promise<void> {
    await this.owner.query(`ANALYZE "${this.schema}"."outbox"`);
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

  /**
   * The relay's batch query as PostgreSQL runs it now (EXPLAIN ANALYZE, rolled back so no row
   * stays locked): its time, the plan's first node and the buffers it touched.
   */
  async explainBatch(batchSize: number): Promise<{ ms: number; plan: string; buffers: number }> {
    const runner = this.owner.createQueryRunner();
    await runner.startTransaction();
    try {
      const [row] = await runner.query(
        `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${outboxBatchSql(this.schema)}`,
        [batchSize],
      );
      const explained = row['QUERY PLAN'][0];
      return {
        ms: explained['Execution Time'],
        plan: nodeNames(explained.Plan).join(' ← '),
        buffers: explained.Plan['Shared Hit Blocks'] + explained.Plan['Shared Read Blocks'],
      };
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  async dropScratchOutbox(): Promise<void> {
    await this.owner.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
  }
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** A plan's nodes from the top down the first child: Limit ← LockRows ← Index Scan (IDX_…). */
function nodeNames(node: PlanNode | undefined): string[] {
  if (!node) return [];
  const name = node['Index Name']
    ? `${node['Node Type']} (${node['Index Name']})`
    : node['Node Type'];
  return [name, ...nodeNames(node.Plans?.[0])];
}
