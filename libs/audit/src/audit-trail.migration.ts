import { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditTablesSql, dropAuditTablesSql } from './audit-tables.sql';

/** The migration that gives a service's schema its audit trail; each service names it once. */
export function auditTrailMigration(schema: string, name: string) {
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      for (const sql of createAuditTablesSql(schema)) await q.query(sql);
    }

    async down(q: QueryRunner): Promise<void> {
      for (const sql of dropAuditTablesSql(schema)) await q.query(sql);
    }
  };
}
