import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'release';
const E = `"${S}"."product_emergency"`;

/**
 * QA-04: a shipment's temperature excursion beyond the budget its specification holds from
 * stability data is an emergency on the product like a bedside mismatch: recorded once per
 * custody leg (its deviation id as `step_event_id`) with the minutes out of range, the worst
 * reading and the budget it passed, in the same append-only table, open until QA closes it;
 * the infusion waits for that.
 */
export class RecordExcursionEmergencies1765002420000 implements MigrationInterface {
  name = 'RecordExcursionEmergencies1765002420000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${E}
      ADD COLUMN "excursion" jsonb,
      DROP CONSTRAINT "CHK_product_emergency_source",
      DROP CONSTRAINT "CHK_product_emergency_kind"`);
    await q.query(`ALTER TABLE ${E}
      ADD CONSTRAINT "CHK_product_emergency_kind" CHECK ("kind" IN
        ('qc-result-after-release', 'bedside-mismatch', 'temperature-excursion')),
      ADD CONSTRAINT "CHK_product_emergency_source" CHECK (
        ("kind" = 'qc-result-after-release' AND "test_code" IS NOT NULL
          AND "qc_result_id" IS NOT NULL AND "release_record_id" IS NOT NULL
          AND "bedside_scans" IS NULL AND "excursion" IS NULL)
        OR ("kind" = 'bedside-mismatch' AND "qc_result_id" IS NULL
          AND "jsonb_typeof"("bedside_scans") = 'array' AND "excursion" IS NULL)
        OR ("kind" = 'temperature-excursion' AND "qc_result_id" IS NULL
          AND "bedside_scans" IS NULL AND "jsonb_typeof"("excursion") = 'object'))`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_product_emergency_excursion_leg" ON ${E} ("step_event_id")
        WHERE "kind" = 'temperature-excursion'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "${S}"."UQ_product_emergency_excursion_leg"`);
    // Refused while an excursion emergency is on record: the old shape cannot hold it.
    await q.query(`ALTER TABLE ${E}
      DROP CONSTRAINT "CHK_product_emergency_source",
      DROP CONSTRAINT "CHK_product_emergency_kind"`);
    await q.query(`ALTER TABLE ${E}
      ADD CONSTRAINT "CHK_product_emergency_kind"
        CHECK ("kind" IN ('qc-result-after-release', 'bedside-mismatch')),
      ADD CONSTRAINT "CHK_product_emergency_source" CHECK (
        ("kind" = 'qc-result-after-release' AND "test_code" IS NOT NULL
          AND "qc_result_id" IS NOT NULL AND "release_record_id" IS NOT NULL
          AND "bedside_scans" IS NULL)
        OR ("kind" = 'bedside-mismatch' AND "qc_result_id" IS NULL
          AND "jsonb_typeof"("bedside_scans") = 'array')),
      DROP COLUMN "excursion"`);
  }
}
