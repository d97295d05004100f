import { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceRoleGrantsSql } from '@v2v/database';
import { createRefusalRecordTableSql, dropRefusalRecordTableSql } from './refusal-record.sql';

/**
 * The migration that gives a service's schema its `refusal_record` table; each service with
 * step activities names it once. `appendOnly` lists the schema's earlier append-only tables,
 * which the grants must keep so.
 */
export function refusalRecordMigration(schema: string, appendOnly: string[], name: string) {
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      for (const sql of createRefusalRecordTableSql(schema)) await q.query(sql);
      await q.query(serviceRoleGrantsSql(schema, [...appendOnly, 'refusal_record']));
    }

    async down(q: QueryRunner): Promise<void> {
      for (const sql of dropRefusalRecordTableSql(schema)) await q.query(sql);
    }
  };
}
