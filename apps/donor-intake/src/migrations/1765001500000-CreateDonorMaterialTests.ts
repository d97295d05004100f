import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql, insertOnlyGrantsSql } from '@v2v/database';

const S = 'donor_intake';
const TABLES = [
  ['donor_material_test_plan', 'refuse_material_test_plan_change', 'kept as judged'],
  ['donor_material_test_result', 'refuse_material_test_result_change', 'a correction is a new row'],
  ['donor_material_release_tests', 'refuse_material_release_tests_change', 'kept with the release'],
  ['donor_material_impact_assessment', 'refuse_material_impact_change', 'a signed record'],
] as const;

/**
 * The donor material's own tests (§7(1), DON-06, QA-02.5): the tests of the journey's pinned
 * specification, kept at receipt; QC's raw results judged by the system (a correction is a new
 * row naming the one it replaces, with its reason); which tests were still pending when QA
 * released the material to production (the "used before its tests completed" fact of §10(2));
 * and QA's signed impact assessment with the results it covered. Nothing is updated or
 * deleted, by the service role (SELECT and INSERT only) or by the schema owner (triggers).
 */
export class CreateDonorMaterialTests1765001500000 implements MigrationInterface {
  name = 'CreateDonorMaterialTests1765001500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."donor_material_test_plan" (
      "donor_code" text NOT NULL,
      "product_code" text NOT NULL,
      "specification_version" integer NOT NULL,
      "tests" jsonb NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_donor_material_test_plan" PRIMARY KEY ("donor_code"),
      CONSTRAINT "CHK_donor_material_test_plan_tests" CHECK (jsonb_typeof("tests") = 'array')
    )`);
    await q.query(`CREATE TABLE "${S}"."donor_material_test_result" (
      "result_id" uuid NOT NULL,
      "donor_code" text NOT NULL,
      "test_code" text NOT NULL,
      "value_numeric" numeric,
      "value_text" text,
      "unit" text,
      "method" text NOT NULL,
      "tested_at" timestamptz NOT NULL,
      "verdict" text NOT NULL,
      "correction_of" uuid,
      "correction_reason" text,
      "recorded_by" text NOT NULL,
      "recorded_by_role" text NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_donor_material_test_result" PRIMARY KEY ("result_id"),
      -- A result is judged against a kept plan: none is recorded before the material's receipt.
      CONSTRAINT "FK_donor_material_test_result_plan" FOREIGN KEY ("donor_code") REFERENCES "${S}"."donor_material_test_plan" ("donor_code"),
      CONSTRAINT "FK_donor_material_test_result_correction" FOREIGN KEY ("correction_of") REFERENCES "${S}"."donor_material_test_result" ("result_id"),
      CONSTRAINT "CHK_donor_material_test_result_verdict" CHECK ("verdict" IN ('within-specification', 'out-of-specification')),
      CONSTRAINT "CHK_donor_material_test_result_value" CHECK (("value_numeric" IS NULL) <> ("value_text" IS NULL)
        AND ("value_numeric" IS NULL OR "unit" IS NOT NULL)),
      CONSTRAINT "CHK_donor_material_test_result_method" CHECK (btrim("method") <> ''),
      CONSTRAINT "CHK_donor_material_test_result_role" CHECK ("recorded_by_role" = 'qc'),
      CONSTRAINT "CHK_donor_material_test_result_correction" CHECK (
        ("correction_of" IS NULL) = ("correction_reason" IS NULL)
        AND COALESCE(btrim("correction_reason") <> '', true))
    )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_donor_material_test_result_corrected_once"
      ON "${S}"."donor_material_test_result" ("correction_of") WHERE "correction_of" IS NOT NULL`);
    await q.query(`CREATE INDEX "IDX_donor_material_test_result_donor"
      ON "${S}"."donor_material_test_result" ("donor_code", "recorded_at")`);
    await q.query(`CREATE TABLE "${S}"."donor_material_release_tests" (
      "release_event_id" text NOT NULL,
      "donor_code" text NOT NULL,
      "pending_tests" jsonb NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_donor_material_release_tests" PRIMARY KEY ("release_event_id"),
      CONSTRAINT "FK_donor_material_release_tests_plan" FOREIGN KEY ("donor_code") REFERENCES "${S}"."donor_material_test_plan" ("donor_code"),
      CONSTRAINT "CHK_donor_material_release_tests_pending" CHECK (jsonb_typeof("pending_tests") = 'array')
    )`);
    await q.query(`CREATE INDEX "IDX_donor_material_release_tests_donor"
      ON "${S}"."donor_material_release_tests" ("donor_code", "recorded_at")`);
    await q.query(`CREATE TABLE "${S}"."donor_material_impact_assessment" (
      "assessment_id" uuid NOT NULL,
      "donor_code" text NOT NULL,
      "test_codes" jsonb NOT NULL,
      "covered_result_ids" jsonb NOT NULL,
      "rationale" text NOT NULL,
      "conclusion" text NOT NULL,
      "signature_id" uuid NOT NULL,
      "assessed_by" text NOT NULL,
      "assessed_by_role" text NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_donor_material_impact_assessment" PRIMARY KEY ("assessment_id"),
      CONSTRAINT "UQ_donor_material_impact_assessment_signature" UNIQUE ("signature_id"),
      CONSTRAINT "FK_donor_material_impact_assessment_plan" FOREIGN KEY ("donor_code") REFERENCES "${S}"."donor_material_test_plan" ("donor_code"),
      CONSTRAINT "FK_donor_material_impact_assessment_signature" FOREIGN KEY ("signature_id") REFERENCES "${S}"."electronic_signature" ("signature_id"),
      CONSTRAINT "CHK_donor_material_impact_assessment_tests" CHECK (jsonb_typeof("test_codes") = 'array'
        AND jsonb_array_length("test_codes") > 0 AND jsonb_typeof("covered_result_ids") = 'array'),
      CONSTRAINT "CHK_donor_material_impact_assessment_conclusion" CHECK ("conclusion" IN ('no-impact', 'product-affected')),
      CONSTRAINT "CHK_donor_material_impact_assessment_rationale" CHECK (btrim("rationale") <> ''),
      CONSTRAINT "CHK_donor_material_impact_assessment_role" CHECK ("assessed_by_role" = 'qa-qp')
    )`);
    await q.query(`CREATE INDEX "IDX_donor_material_impact_assessment_donor"
      ON "${S}"."donor_material_impact_assessment" ("donor_code", "recorded_at")`);
    for (const [table, functionName, why] of TABLES) {
      for (const sql of appendOnlyTriggerSql({
        schema: S,
        table,
        functionName,
        message: `${table} is append-only: ${why} (QA-02.5)`,
        refuse: 'UPDATE OR DELETE',
        truncate: true,
      }))
        await q.query(sql);
      await q.query(insertOnlyGrantsSql(S, table));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, functionName] of [...TABLES].reverse()) {
      for (const sql of dropAppendOnlyTriggerSql(S, table, functionName)) await q.query(sql);
      await q.query(`DROP TABLE "${S}"."${table}"`);
    }
  }
}
