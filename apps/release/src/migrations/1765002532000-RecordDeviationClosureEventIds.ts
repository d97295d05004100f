import { MigrationInterface, QueryRunner } from 'typeorm';

const C = '"release"."product_emergency_closure"';

/**
 * CSV-01, GEN-02: QA's closure of an emergency on the product (QA-04) keeps the event id it was
 * recorded under, so the retry of a closure whose answer was lost is answered with it instead
 * of refused as already closed. Nullable: closures recorded before have none; unique where
 * set: one closure per event id.
 */
export class RecordDeviationClosureEventIds1765002532000 implements MigrationInterface {
  name = 'RecordDeviationClosureEventIds1765002532000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${C}
      ADD COLUMN "event_id" uuid,
      ADD CONSTRAINT "UQ_product_emergency_closure_event" UNIQUE ("event_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${C}
      DROP CONSTRAINT "UQ_product_emergency_closure_event",
      DROP COLUMN "event_id"`);
  }
}
