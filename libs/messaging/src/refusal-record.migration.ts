import { MigrationInterface, QueryRunner } from 'typeorm';
import { insertOnlyGrantsSql } from '@v2v/database';
import { createRefusalRecordTableSql, dropRefusalRecordTableSql } from './refusal-record.sql';

/**
 * The migration that gives a service's schema its `refusal_record` table; each service with
 * step activities names it once. The service role gets SELECT and INSERT on it (and its id
 * sequence) and nothing else; the grants of the schema's other tables are left as they are.
 */
export function refusalRecordMigration(schema: string, name: string) {
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      for (const sql of createRefusalRecordTableSql(schema)) await q.query(sql);
      await q.query(
        insertOnlyGrantsSql(schema, 'refusal_record', { sequence: 'refusal_record_id_seq' }),
      );
    }

    async down(q: QueryRunner): Promise<void> {
      for (const sql of dropRefusalRecordTableSql(schema)) await q.query(sql);
    }
  };
}
