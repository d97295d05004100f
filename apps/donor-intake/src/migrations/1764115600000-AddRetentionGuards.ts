import { MigrationInterface, QueryRunner } from 'typeorm';
import { createRetentionGuardSql, dropRetentionGuardSql } from '@v2v/database';

const S = 'donor_intake';

/** QA-03: donors and custody step records are traceability records, kept 30 years. */
export class AddRetentionGuards1764115600000 implements MigrationInterface {
  name = 'AddRetentionGuards1764115600000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of [
      ...createRetentionGuardSql(
        S,
        'donor',
        `OLD."registered_at" + interval '30 years'`,
        'a donor record',
      ),
      ...createRetentionGuardSql(
        S,
        'step_record',
        `OLD."recorded_at" + interval '30 years'`,
        'a custody record',
      ),
    ])
      await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of [
      ...dropRetentionGuardSql(S, 'step_record'),
      ...dropRetentionGuardSql(S, 'donor'),
    ])
      await q.query(sql);
  }
}
