import { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceRoleGrantsSql } from '@v2v/database';

const S = 'donor_intake';
const APPEND_ONLY = ['quality_agreement', 'institution_decision', 'institution_notice'];
/** The append-only tables of earlier migrations, which the grants below must keep so. */
const EARLIER_APPEND_ONLY = ['audit_entry', 'temperature_reading', 'deviation_closure'];

/**
 * The institution qualification register (DON-02): QA's signed decisions, the quality
 * agreements they rest on, and which running journeys were told of a change of standing.
 * The institutions seeded before the register get their agreement on record, so every
 * approved institution has one to show.
 */
export class CreateInstitutionQualification1764117200000 implements MigrationInterface {
  name = 'CreateInstitutionQualification1764117200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${S}"."institution"
      ADD COLUMN "next_review_due" date,
      ADD COLUMN "quality_agreement_id" text,
      ADD CONSTRAINT "UQ_institution_facility_code" UNIQUE ("facility_code")`);
    await q.query(`CREATE TABLE "${S}"."quality_agreement" (
      "id" text NOT NULL,
      "institution_id" text NOT NULL,
      "reference" text NOT NULL,
      "terms" jsonb NOT NULL,
      "effective_from" date NOT NULL,
      "expires_on" date NOT NULL,
      "decision_id" text,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_quality_agreement" PRIMARY KEY ("id"),
      CONSTRAINT "FK_quality_agreement_institution" FOREIGN KEY ("institution_id") REFERENCES "${S}"."institution" ("id"),
      CONSTRAINT "CHK_quality_agreement_period" CHECK ("effective_from" < "expires_on")
    )`);
    await q.query(`CREATE TABLE "${S}"."institution_decision" (
      "decision_id" text NOT NULL,
      "institution_id" text NOT NULL,
      "decision" text NOT NULL,
      "from_status" text,
      "to_status" text NOT NULL,
      "reason" text NOT NULL,
      "detail" jsonb NOT NULL,
      "decided_by" text NOT NULL,
      "decided_role" text NOT NULL,
      "signature" jsonb NOT NULL,
      "decided_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_institution_decision" PRIMARY KEY ("decision_id"),
      CONSTRAINT "FK_institution_decision_institution" FOREIGN KEY ("institution_id") REFERENCES "${S}"."institution" ("id")
    )`);
    await q.query(
      `CREATE INDEX "IDX_institution_decision_institution" ON "${S}"."institution_decision" ("institution_id", "decided_at")`,
    );
    await q.query(`CREATE TABLE "${S}"."institution_notice" (
      "decision_id" text NOT NULL,
      "donor_code" text NOT NULL,
      "notified_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_institution_notice" PRIMARY KEY ("decision_id", "donor_code"),
      CONSTRAINT "FK_institution_notice_decision" FOREIGN KEY ("decision_id") REFERENCES "${S}"."institution_decision" ("decision_id")
    )`);
    for (const table of APPEND_ONLY) {
      await q.query(`CREATE TRIGGER "TRG_${table}_append_only" BEFORE UPDATE OR DELETE ON "${S}"."${table}"
        FOR EACH ROW EXECUTE FUNCTION "${S}"."refuse_evidence_change"()`);
    }
    await q.query(`INSERT INTO "${S}"."quality_agreement" ("id", "institution_id", "reference", "terms", "effective_from", "expires_on")
      SELECT i."id" || '/QA-AGR-1', i."id", 'QA-AGR-' || i."facility_code" || '-1',
             jsonb_build_object(
               'duties', 'The institution registers and screens donors, collects, labels, stores and hands over donor material; the manufacturer inspects, releases, manufactures and ships the product back.',
               'collectionMethod', 'As written in the product specification (DON-03).',
               'storageConditions', 'As written in the product specification (DON-03).',
               'qualityStandards', 'The product specification and the NMPA cell-therapy GMP guideline.',
               'receiptProcedure', 'Receipt inspection DON-04 items 1 to 6 at the factory; product receipt at the site as specified.',
               'productUse', 'Autologous use for the registered patient only.'),
             DATE '2025-01-01', i."agreement_expires_on"
        FROM "${S}"."institution" i WHERE i."agreement_expires_on" IS NOT NULL`);
    await q.query(`UPDATE "${S}"."institution" SET "quality_agreement_id" = "id" || '/QA-AGR-1', "next_review_due" = DATE '2027-06-30'
      WHERE "agreement_expires_on" IS NOT NULL`);
    await q.query(`ALTER TABLE "${S}"."institution" ADD CONSTRAINT "FK_institution_quality_agreement"
      FOREIGN KEY ("quality_agreement_id") REFERENCES "${S}"."quality_agreement" ("id")`);
    await q.query(serviceRoleGrantsSql(S, [...EARLIER_APPEND_ONLY, ...APPEND_ONLY]));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "${S}"."institution" DROP CONSTRAINT "FK_institution_quality_agreement"`,
    );
    await q.query(`DROP TABLE "${S}"."institution_notice"`);
    await q.query(`DROP TABLE "${S}"."institution_decision"`);
    await q.query(`DROP TABLE "${S}"."quality_agreement"`);
    await q.query(`ALTER TABLE "${S}"."institution"
      DROP CONSTRAINT "UQ_institution_facility_code",
      DROP COLUMN "quality_agreement_id",
      DROP COLUMN "next_review_due"`);
  }
}
