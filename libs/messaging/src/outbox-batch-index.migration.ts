import { MigrationInterface, QueryRunner } from 'typeorm';
import { orderOutboxBatchIndexSql, unorderOutboxBatchIndexSql } from './outbox-batch-index.sql';

/** Every service with an outbox: the relay's batches read through an index in their order. */
export function outboxBatchIndexMigration(schema: string, name: string) {
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      for (const sql of orderOutboxBatchIndexSql(schema)) await q.query(sql);
    }

    async down(q: QueryRunner): Promise<void> {
      for (const sql of unorderOutboxBatchIndexSql(schema)) await q.query(sql);
    }
  };
}
