import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'release';
const E = `"${S}"."product_emergency"`;
const SITE_KINDS = `'damaged-packaging', 'damaged-bag', 'lost-label', 'illegible-label',
  'wrong-label', 'temperature-excursion-in-use', 'other'`;

/**
 * QA-04, TRC-03: emergencies found at the treatment site, in the same append-only table: by the
 * receipt inspection (in the receipt's transaction, its event id) or reported by the hospital
 * after the receipt (once per event id), with when it was found and who found it.
 */
export class RecordSiteEmergencies1765002400000 implements MigrationInterface {
  name = 'RecordSiteEmergencies1765002400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${E}
      ADD COLUMN "site_source" text,
      ADD COLUMN "found_at" timestamptz,
      ADD COLUMN "found_by" text,
      DROP CONSTRAINT "CHK_product_emergency_kind",
      DROP CONSTRAINT "CHK_product_emergency_source"`);
    await q.query(`ALTER TABLE ${E}
      ADD CONSTRAINT "CHK_product_emergency_kind" CHECK ("kind" IN
        ('qc-result-after-release', 'bedside-mismatch', ${SITE_KINDS})),
      ADD CONSTRAINT "CHK_product_emergency_source" CHECK (
        ("kind" = 'qc-result-after-release' AND "test_code" IS NOT NULL
          AND "qc_result_id" IS NOT NULL AND "release_record_id" IS NOT NULL
          AND "bedside_scans" IS NULL AND "site_source" IS NULL)
        OR ("kind" = 'bedside-mismatch' AND "qc_result_id" IS NULL
          AND "jsonb_typeof"("bedside_scans") = 'array' AND "site_source" IS NULL)
        OR ("kind" IN (${SITE_KINDS}) AND "qc_result_id" IS NULL AND "bedside_scans" IS NULL
          AND "found_at" IS NOT NULL AND "found_by" IS NOT NULL
          AND ("site_source" = 'report'
            OR ("site_source" = 'receipt' AND "kind" NOT IN
              ('temperature-excursion-in-use', 'other')))))`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_product_emergency_site_report" ON ${E} ("step_event_id")
        WHERE "site_source" = 'report'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "${S}"."UQ_product_emergency_site_report"`);
    // Refused while a site emergency is on record: the old shape cannot hold it.
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
      DROP COLUMN "found_by",
      DROP COLUMN "found_at",
      DROP COLUMN "site_source"`);
  }
}
