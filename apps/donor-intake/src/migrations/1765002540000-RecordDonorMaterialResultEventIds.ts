import { MigrationInterface, QueryRunner } from 'typeorm';

const R = '"donor_intake"."donor_material_test_result"';

/**
 * CSV-01, GEN-02: each result keeps the event id of the request that recorded it and its
 * place in that request, so the retry of results whose answer was lost is answered with them
 * instead of recording them twice. Nullable: results recorded before have none; unique where
 * set: one result per place of one request.
 */
export class RecordDonorMaterialResultEventIds1765002540000 implements MigrationInterface {
  name = 'RecordDonorMaterialResultEventIds1765002540000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${R}
      ADD COLUMN "event_id" uuid,
      ADD COLUMN "event_position" smallint,
      ADD CONSTRAINT "CHK_donor_material_test_result_event"
        CHECK (("event_id" IS NULL) = ("event_position" IS NULL)),
      ADD CONSTRAINT "UQ_donor_material_test_result_event" UNIQUE ("event_id", "event_position")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${R}
      DROP CONSTRAINT "UQ_donor_material_test_result_event",
      DROP CONSTRAINT "CHK_donor_material_test_result_event",
      DROP COLUMN "event_position",
      DROP COLUMN "event_id"`);
  }
}
