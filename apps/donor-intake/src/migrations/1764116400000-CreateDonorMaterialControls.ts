import { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceRoleGrantsSql } from '@v2v/database';

const S = 'donor_intake';
const APPEND_ONLY = ['temperature_reading', 'deviation_closure'];

/**
 * Donor material controls: storage units with their segregation (FAC-03), data-logger
 * temperature readings per custody leg (GEN-01, DON-04.2) and deviation closures (DON-06.4).
 * Readings and closures are evidence: append-only.
 */
export class CreateDonorMaterialControls1764116400000 implements MigrationInterface {
  name = 'CreateDonorMaterialControls1764116400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."storage_unit" (
      "id" text NOT NULL,
      "description" text NOT NULL,
      "segregation" text NOT NULL,
      CONSTRAINT "PK_storage_unit" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_storage_unit_segregation" CHECK ("segregation" IN ('general', 'positive-dedicated'))
    )`);
    await q.query(`INSERT INTO "${S}"."storage_unit" ("id", "description", "segregation") VALUES
      ('COLD-01', 'Incoming material refrigerator 2-8 °C, room B102', 'general'),
      ('COLD-02', 'Incoming material refrigerator 2-8 °C, room B102', 'general'),
      ('COLD-POS-01', 'Dedicated refrigerator for known-positive material, labelled BIOHAZARD, room B104', 'positive-dedicated')`);
    await q.query(`CREATE TABLE "${S}"."temperature_reading" (
      "reading_id" text NOT NULL,
      "donor_code" text NOT NULL,
      "leg" text NOT NULL,
      "logger_id" text NOT NULL,
      "measured_at" timestamptz NOT NULL,
      "temperature_c" numeric(6,2) NOT NULL,
      "stored_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_temperature_reading" PRIMARY KEY ("reading_id"),
      CONSTRAINT "CHK_temperature_reading_leg" CHECK ("leg" IN ('transport-to-factory', 'shipment-to-site'))
    )`);
    await q.query(
      `CREATE INDEX "IDX_temperature_reading_leg" ON "${S}"."temperature_reading" ("donor_code", "leg", "measured_at")`,
    );
    await q.query(`CREATE TABLE "${S}"."deviation_closure" (
      "deviation_id" text NOT NULL,
      "donor_code" text NOT NULL,
      "investigation" text NOT NULL,
      "root_cause" text NOT NULL,
      "corrective_action" text NOT NULL,
      "closed_by" text NOT NULL,
      "closed_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "signature" jsonb NOT NULL,
      CONSTRAINT "PK_deviation_closure" PRIMARY KEY ("deviation_id")
    )`);
    await q.query(`CREATE FUNCTION "${S}"."refuse_evidence_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are evidence and cannot be edited or deleted (CSV-01)', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of APPEND_ONLY) {
      await q.query(`CREATE TRIGGER "TRG_${table}_append_only" BEFORE UPDATE OR DELETE ON "${S}"."${table}"
        FOR EACH ROW EXECUTE FUNCTION "${S}"."refuse_evidence_change"()`);
    }
    await q.query(serviceRoleGrantsSql(S, ['audit_entry', ...APPEND_ONLY]));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."deviation_closure"`);
    await q.query(`DROP TABLE "${S}"."temperature_reading"`);
    await q.query(`DROP FUNCTION "${S}"."refuse_evidence_change"()`);
    await q.query(`DROP TABLE "${S}"."storage_unit"`);
  }
}
