import { sqlMigration } from '@v2v/database';
import { orderOutboxBatchIndexSql, unorderOutboxBatchIndexSql } from './outbox-batch-index.sql';

/** Every service with an outbox: the relay's batches read through an index in their order. */
export function outboxBatchIndexMigration(schema: string, name: string) {
  return sqlMigration(name, orderOutboxBatchIndexSql(schema), unorderOutboxBatchIndexSql(schema));
}
