import { MigrationInterface, QueryRunner } from 'typeorm';
import { chainHeadGuardSql, dropChainHeadGuardSql } from '@v2v/database';
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

/** CSV-01: audit chain heads only move forward, to an existing entry (`chainHeadGuardSql`). */
export function auditHeadGuardMigration(schema: string, name: string) {
  const tables = {
    schema,
    headTable: 'audit_chain_head',
    entryTable: 'audit_entry',
    functionName: 'guard_audit_chain_head',
    rule: 'CSV-01',
  };
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      for (const sql of chainHeadGuardSql(tables)) await q.query(sql);
    }

    async down(q: QueryRunner): Promise<void> {
      for (const sql of dropChainHeadGuardSql(tables)) await q.query(sql);
    }
  };
}
