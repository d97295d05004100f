import { sqlMigration } from '@v2v/database';
import { addOutboxTraceparentSql, dropOutboxTraceparentSql } from './outbox-traceparent.sql';

/** Every service with an outbox: its rows carry the trace that wrote them (nullable). */
export function outboxTraceparentMigration(schema: string, name: string) {
  return sqlMigration(name, addOutboxTraceparentSql(schema), dropOutboxTraceparentSql(schema));
}
