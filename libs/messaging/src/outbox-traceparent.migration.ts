import { MigrationInterface, QueryRunner } from 'typeorm';
import { addOutboxTraceparentSql, dropOutboxTraceparentSql } from './outbox-traceparent.sql';

/** Every service with an outbox: its rows carry the trace that wrote them (nullable). */
export function outboxTraceparentMigration(schema: string, name: string) {
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      for (const sql of addOutboxTraceparentSql(schema)) await q.query(sql);
    }

    async down(q: QueryRunner): Promise<void> {
      for (const sql of dropOutboxTraceparentSql(schema)) await q.query(sql);
    }
  };
}
