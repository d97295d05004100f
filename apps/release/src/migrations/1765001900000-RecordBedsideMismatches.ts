import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'release';
const E = `"${S}"."product_emergency"`;

/**
 * QA-04, TRC-03: a bedside check whose scan does not match (the label is not the journey's
 * donor code, or the patient is not the order's) is an emergency on the product like a late QC
 * result: recorded once per refused attempt (its step's event id) with both clinicians' scans,
 * in the same append-only table, open until QA closes it; the infusion waits for that.
 */
export class RecordBedsideMismatches1765001900000 implements MigrationInterface {
  name = 'RecordBedsideMismatches1765001900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${E}
      ALTER COLUMN "test_code" DROP NOT NULL,
      ALTER COLUMN "qc_result_id" DROP NOT NULL,
      ALTER COLUMN "release_record_id" DROP NOT NULL,
      ADD COLUMN "bedside_scans" jsonb,
      DROP CONSTRAINT "CHK_product_emergency_kind"`);
    await q.query(`ALTER TABLE ${E}
      ADD CONSTRAINT "CHK_product_emergency_kind"
        CHECK ("kind" IN ('qc-result-after-release', 'bedside-mismatch')),
      ADD CONSTRAINT "CHK_product_emergency_source" CHECK (
        ("kind" = 'qc-result-after-release' AND "test_code" IS NOT NULL
          AND "qc_result_id" IS NOT NULL AND "release_record_id" IS NOT NULL
          AND "bedside_scans" IS NULL)
        OR ("kind" = 'bedside-mismatch' AND "qc_result_id" IS NULL
          AND "jsonb_typeof"("bedside_scans") = 'array'))`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_product_emergency_bedside_attempt" ON ${E} ("step_event_id")
        WHERE "kind" = 'bedside-mismatch'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "${S}"."UQ_product_emergency_bedside_attempt"`);
    // Refused while a bedside mismatch is on record: the old shape cannot hold it.
    await q.query(`ALTER TABLE ${E}
      DROP CONSTRAINT "CHK_product_emergency_source",
      DROP CONSTRAINT "CHK_product_emergency_kind"`);
    await q.query(`ALTER TABLE ${E}
      ADD CONSTRAINT "CHK_product_emergency_kind" CHECK ("kind" IN ('qc-result-after-release')),
      DROP COLUMN "bedside_scans",
      ALTER COLUMN "test_code" SET NOT NULL,
      ALTER COLUMN "qc_result_id" SET NOT NULL,
      ALTER COLUMN "release_record_id" SET NOT NULL`);
  }
}
