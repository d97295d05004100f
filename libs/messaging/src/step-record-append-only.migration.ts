import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql, revokeUpdateSql } from '@v2v/database';

/**
 * CSV-01, CSV-02: a step record is what a journey step decided (a release decision carries its
 * signature): once written it is never changed. The service role loses UPDATE on it, and a
 * trigger refuses an UPDATE whoever asks; deletes stay with the retention guard (QA-03).
 */
export function stepRecordAppendOnlyMigration(schema: string, name: string) {
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      const trigger = appendOnlyTriggerSql({
        schema,
        table: 'step_record',
        functionName: 'refuse_step_record_change',
        message: 'step records are decisions on record and cannot be changed (CSV-01)',
        refuse: 'UPDATE',
      });
      for (const sql of trigger) await q.query(sql);
      await q.query(revokeUpdateSql(schema, 'step_record'));
    }

    async down(q: QueryRunner): Promise<void> {
      for (const sql of dropAppendOnlyTriggerSql(
        schema,
        'step_record',
        'refuse_step_record_change',
      ))
        await q.query(sql);
    }
  };
}
