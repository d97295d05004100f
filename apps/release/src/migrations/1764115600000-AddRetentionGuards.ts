import { MigrationInterface, QueryRunner } from 'typeorm';
import { createRetentionGuardSql, dropRetentionGuardSql } from '@v2v/database';

const S = 'release';

/** QA-03: QC results and release, shipment and infusion records are kept 30 years. */
export class AddRetentionGuards1764115600000 implements MigrationInterface {
  name = 'AddRetentionGuards1764115600000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of [
      ...createRetentionGuardSql(
        S,
        'qc_result',
        `OLD."recorded_at" + interval '30 years'`,
        'a QC result',
      ),
      ...createRetentionGuardSql(
        S,
        'step_record',
        `OLD."recorded_at" + interval '30 years'`,
        'a release or use record',
      ),
    ])
      await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of [
      ...dropRetentionGuardSql(S, 'step_record'),
      ...dropRetentionGuardSql(S, 'qc_result'),
    ])
      await q.query(sql);
  }
}
