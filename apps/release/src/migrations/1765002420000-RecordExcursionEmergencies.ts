import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'release';
const E = `"${S}"."product_emergency"`;
const SITE_KINDS = `'damaged-packaging', 'damaged-bag', 'lost-label', 'illegible-label',
  'wrong-label', 'temperature-excursion-in-use', 'other'`;

/**
 * The sources as RecordSiteEmergencies1765002400000 left them; with `noExcursion`, each older
 * kind also carries no excursion.
 */
const SOURCES_BEFORE_EXCURSIONS = (noExcursion: boolean) => {
  const none = noExcursion ? ' AND "excursion" IS NULL' : '';
  return `("kind" = 'qc-result-after-release' AND "test_code" IS NOT NULL
      AND "qc_result_id" IS NOT NULL AND "release_record_id" IS NOT NULL
      AND "bedside_scans" IS NULL AND "site_source" IS NULL${none})
    OR ("kind" = 'bedside-mismatch' AND "qc_result_id" IS NULL
      AND "jsonb_typeof"("bedside_scans") = 'array' AND "site_source" IS NULL${none})
    OR ("kind" IN (${SITE_KINDS}) AND "qc_result_id" IS NULL AND "bedside_scans" IS NULL
      AND "found_at" IS NOT NULL AND "found_by" IS NOT NULL${none}
      AND ("site_source" = 'report'
        OR ("site_source" = 'receipt' AND "kind" NOT IN
          ('temperature-excursion-in-use', 'other'))))`;
};

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
        ('qc-result-after-release', 'bedside-mismatch', ${SITE_KINDS}, 'temperature-excursion')),
      ADD CONSTRAINT "CHK_product_emergency_source" CHECK (${SOURCES_BEFORE_EXCURSIONS(true)}
        OR ("kind" = 'temperature-excursion' AND "qc_result_id" IS NULL
          AND "bedside_scans" IS NULL AND "site_source" IS NULL
          AND "jsonb_typeof"("excursion") = 'object'))`);
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
      ADD CONSTRAINT "CHK_product_emergency_kind" CHECK ("kind" IN
        ('qc-result-after-release', 'bedside-mismatch', ${SITE_KINDS})),
      ADD CONSTRAINT "CHK_product_emergency_source" CHECK (${SOURCES_BEFORE_EXCURSIONS(false)}),
      DROP COLUMN "excursion"`);
  }
}
