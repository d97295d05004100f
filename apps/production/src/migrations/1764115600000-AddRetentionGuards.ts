import { MigrationInterface, QueryRunner } from 'typeorm';
import { createRetentionGuardSql, dropRetentionGuardSql } from '@v2v/database';

const S = 'production';

/**
 * QA-03: a batch record is kept until product expiry + 5 years; while the expiry is not set
 * (it comes with release and shelf life) the record cannot be deleted at all.
 */
export class AddRetentionGuards1764115600000 implements MigrationInterface {
  name = 'AddRetentionGuards1764115600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${S}"."batch" ADD COLUMN "product_expires_on" date`);
    for (const sql of [
      ...createRetentionGuardSql(
        S,
        'batch',
        `OLD."product_expires_on" + interval '5 years'`,
        'a batch record',
      ),
      ...createRetentionGuardSql(
        S,
        'step_record',
        `OLD."recorded_at" + interval '30 years'`,
        'a batch record step',
      ),
    ])
      await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of [
      ...dropRetentionGuardSql(S, 'step_record'),
      ...dropRetentionGuardSql(S, 'batch'),
    ])
      await q.query(sql);
    await q.query(`ALTER TABLE "${S}"."batch" DROP COLUMN "product_expires_on"`);
  }
}
