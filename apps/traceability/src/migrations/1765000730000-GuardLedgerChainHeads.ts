import { MigrationInterface, QueryRunner } from 'typeorm';
import { chainHeadGuardSql, dropChainHeadGuardSql } from '@v2v/database';

const TABLES = {
  schema: 'traceability',
  headTable: 'ledger_chain_head',
  entryTable: 'ledger_entry',
  functionName: 'guard_ledger_chain_head',
  rule: 'TRC-01',
};

/**
 * TRC-01, CSV-01: a ledger chain's head moves forward only, to an existing entry, and is never
 * deleted, so cutting a chain's tail and rewriting its head takes switching a trigger off.
 */
export class GuardLedgerChainHeads1765000730000 implements MigrationInterface {
  name = 'GuardLedgerChainHeads1765000730000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of chainHeadGuardSql(TABLES)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropChainHeadGuardSql(TABLES)) await q.query(sql);
  }
}
