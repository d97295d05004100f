import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'production';
const TABLES = ['em_deviation_closure', 'batch_deviation_closure'];

/**
 * CSV-01, GEN-02: a closure of an excursion's (PRD-05) or the batch record's (QA-02.3) deviation
 * keeps the event id it was recorded under, so the retry of a closure whose answer was lost is
 * answered with it instead of refused as already closed. Nullable: closures recorded before
 * have none; unique where set: one closure per event id.
 */
export class RecordDeviationClosureEventIds1765002531000 implements MigrationInterface {
  name = 'RecordDeviationClosureEventIds1765002531000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await q.query(`ALTER TABLE "${S}"."${table}"
        ADD COLUMN "event_id" uuid,
        ADD CONSTRAINT "UQ_${table}_event" UNIQUE ("event_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await q.query(`ALTER TABLE "${S}"."${table}"
        DROP CONSTRAINT "UQ_${table}_event",
        DROP COLUMN "event_id"`);
  }
}
