import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  auditedChangesOnlySql,
  auditTransactionIdSql,
  dropAuditedChangesOnlySql,
  dropRetentionDateForwardOnlySql,
  retentionDateForwardOnlySql,
} from '@v2v/database';

const S = 'production';

/**
 * CSV-01 and QA-03 on the batch, the one GMP record the service role may UPDATE: a change
 * commits only with its audit entry in the same transaction, and the product's expiry (which
 * decides how long the batch record is kept) never moves back or is cleared.
 */
export class GuardBatchChanges1765000940000 implements MigrationInterface {
  name = 'GuardBatchChanges1765000940000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(auditTransactionIdSql(S));
    for (const sql of [
      ...auditedChangesOnlySql(S, 'batch', { recordType: 'batch', recordIdColumn: 'batch_number' }),
      ...retentionDateForwardOnlySql(S, 'batch', 'product_expires_on'),
    ])
      await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of [
      ...dropRetentionDateForwardOnlySql(S, 'batch', 'product_expires_on'),
      ...dropAuditedChangesOnlySql(S, 'batch'),
    ])
      await q.query(sql);
    await q.query(`ALTER TABLE "${S}"."audit_entry" DROP COLUMN "tx_id"`);
  }
}
