import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql, insertOnlyGrantsSql } from '@v2v/database';

const S = 'release';
const EMERGENCY_FUNCTION = 'refuse_product_emergency_change';
const CLOSURE_FUNCTION = 'refuse_product_emergency_closure_change';

/**
 * QA-04: an emergency raised on a released product (a QC result out of specification after its
 * conditional release), with the result and the investigation it opened, and QA's signed closure.
 * Both are recorded once and never changed or deleted; an emergency is open until its closure.
 */
export class CreateProductEmergencies1765001800000 implements MigrationInterface {
  name = 'CreateProductEmergencies1765001800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."product_emergency" (
      "emergency_id" uuid NOT NULL,
      "donor_code" text NOT NULL,
      "journey_id" text NOT NULL,
      "kind" text NOT NULL,
      "test_code" text NOT NULL,
      "qc_result_id" bigint NOT NULL,
      "investigation_id" uuid,
      "release_record_id" uuid NOT NULL,
      "description" text NOT NULL,
      "raised_at" timestamptz NOT NULL,
      "step_event_id" text NOT NULL,
      CONSTRAINT "PK_product_emergency" PRIMARY KEY ("emergency_id"),
      CONSTRAINT "UQ_product_emergency_result" UNIQUE ("qc_result_id"),
      CONSTRAINT "FK_product_emergency_result" FOREIGN KEY ("qc_result_id")
        REFERENCES "${S}"."qc_result" ("id"),
      CONSTRAINT "FK_product_emergency_investigation" FOREIGN KEY ("investigation_id")
        REFERENCES "${S}"."oos_investigation" ("investigation_id"),
      CONSTRAINT "FK_product_emergency_release" FOREIGN KEY ("release_record_id")
        REFERENCES "${S}"."step_record" ("id"),
      CONSTRAINT "CHK_product_emergency_kind" CHECK ("kind" IN ('qc-result-after-release')),
      CONSTRAINT "CHK_product_emergency_description" CHECK (btrim("description") <> '')
    )`);
    await q.query(
      `CREATE INDEX "IDX_product_emergency_donor" ON "${S}"."product_emergency" ("donor_code", "raised_at")`,
    );
    await q.query(`CREATE TABLE "${S}"."product_emergency_closure" (
      "emergency_id" uuid NOT NULL,
      "donor_code" text NOT NULL,
      "investigation" text NOT NULL,
      "root_cause" text NOT NULL,
      "corrective_action" text NOT NULL,
      "signature_id" uuid NOT NULL,
      "closed_by" text NOT NULL,
      "closed_by_role" text NOT NULL,
      "closed_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_product_emergency_closure" PRIMARY KEY ("emergency_id"),
      CONSTRAINT "FK_product_emergency_closure" FOREIGN KEY ("emergency_id")
        REFERENCES "${S}"."product_emergency" ("emergency_id")
    )`);
    for (const [table, functionName, message] of [
      ['product_emergency', EMERGENCY_FUNCTION, 'an emergency is recorded once and never changed'],
      ['product_emergency_closure', CLOSURE_FUNCTION, 'a closed emergency stays closed'],
    ]) {
      for (const sql of appendOnlyTriggerSql({
        schema: S,
        table,
        functionName,
        message: `${message} (QA-04)`,
        refuse: 'UPDATE OR DELETE',
        truncate: true,
      }))
        await q.query(sql);
      await q.query(insertOnlyGrantsSql(S, table));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, fn] of [
      ['product_emergency_closure', CLOSURE_FUNCTION],
      ['product_emergency', EMERGENCY_FUNCTION],
    ]) {
      for (const sql of dropAppendOnlyTriggerSql(S, table, fn)) await q.query(sql);
      await q.query(`DROP TABLE "${S}"."${table}"`);
    }
  }
}
