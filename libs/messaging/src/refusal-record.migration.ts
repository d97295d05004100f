import { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceDatabaseRole } from '@v2v/database';
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
      const role = serviceDatabaseRole();
      await q.query(`DO $grants$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
          EXECUTE 'GRANT SELECT, INSERT ON "${schema}"."refusal_record" TO "${role}"';
          EXECUTE 'GRANT USAGE ON SEQUENCE "${schema}"."refusal_record_id_seq" TO "${role}"';
        END IF;
      END $grants$`);
    }

    async down(q: QueryRunner): Promise<void> {
      for (const sql of dropRefusalRecordTableSql(schema)) await q.query(sql);
    }
  };
}
