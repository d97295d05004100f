import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  appendOnlyTriggerSql,
  dropAppendOnlyTriggerSql,
  insertOnlyGrantsSql,
  revokeDeleteSql,
  serviceDatabaseRole,
} from '@v2v/database';

const S = 'release';
const NEW_TABLES = [
  ['qc_test_plan', 'refuse_qc_test_plan_change', 'the test plan of a journey is kept as judged'],
  ['oos_investigation', 'refuse_oos_investigation_change', 'an OOS investigation is never changed'],
  [
    'oos_investigation_event',
    'refuse_oos_investigation_event_change',
    'a phase of an OOS investigation is recorded once and never changed or deleted',
  ],
] as const;

/**
 * QA-02.1 (§10(2)): raw QC results judged by the system against the test plan of the journey's
 * specification, corrections as new rows with their reason, and OOS investigations with their
 * phases. The old columns stay, nullable, for the rows recorded before; a row is either old or
 * complete. Nothing is updated or deleted, by the service role or by the schema owner
 * (deletion stays refused by the QA-03 retention guard).
 */
export class JudgeQcResults1765001000000 implements MigrationInterface {
  name = 'JudgeQcResults1765001000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."qc_test_plan" (
      "donor_code" text NOT NULL,
      "product_code" text NOT NULL,
      "specification_version" integer NOT NULL,
      "plan" jsonb NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_qc_test_plan" PRIMARY KEY ("donor_code"),
      CONSTRAINT "CHK_qc_test_plan_array" CHECK (jsonb_typeof("plan") = 'array')
    )`);
    await q.query(`ALTER TABLE "${S}"."qc_result"
      ALTER COLUMN "test" DROP NOT NULL,
      ALTER COLUMN "value" DROP NOT NULL,
      ALTER COLUMN "within_specification" DROP NOT NULL,
      ADD COLUMN "test_code" text,
      ADD COLUMN "value_numeric" numeric,
      ADD COLUMN "value_text" text,
      ADD COLUMN "unit" text,
      ADD COLUMN "method" text,
      ADD COLUMN "instrument_id" text,
      ADD COLUMN "sample_id" text,
      ADD COLUMN "tested_at" timestamptz,
      ADD COLUMN "verdict" text,
      ADD COLUMN "correction_of" bigint,
      ADD COLUMN "correction_reason" text,
      ADD COLUMN "retest_under" uuid,
      ADD COLUMN "step_event_id" text,
      ADD COLUMN "recorded_by_role" text,
      ADD CONSTRAINT "FK_qc_result_correction" FOREIGN KEY ("correction_of") REFERENCES "${S}"."qc_result" ("id"),
      ADD CONSTRAINT "CHK_qc_result_form" CHECK (
        ("test_code" IS NULL AND "test" IS NOT NULL AND "value" IS NOT NULL
          AND "within_specification" IS NOT NULL)
        OR ("test_code" IS NOT NULL AND "test" IS NULL AND "within_specification" IS NULL
          AND "verdict" IN ('within-specification', 'out-of-specification')
          AND ("value_numeric" IS NULL) <> ("value_text" IS NULL)
          AND ("value_numeric" IS NULL OR "unit" IS NOT NULL)
          AND "method" IS NOT NULL AND "instrument_id" IS NOT NULL AND "sample_id" IS NOT NULL
          AND "tested_at" IS NOT NULL AND "step_event_id" IS NOT NULL
          AND "recorded_by_role" IS NOT NULL)),
      ADD CONSTRAINT "CHK_qc_result_correction" CHECK (
        ("correction_of" IS NULL) = ("correction_reason" IS NULL)
        AND COALESCE("correction_of" <> "id", true)
        AND COALESCE(btrim("correction_reason") <> '', true))`);
    await q.query(`CREATE UNIQUE INDEX "UQ_qc_result_corrected_once" ON "${S}"."qc_result" ("correction_of")
      WHERE "correction_of" IS NOT NULL`);
    await q.query(`CREATE TABLE "${S}"."oos_investigation" (
      "investigation_id" uuid NOT NULL,
      "donor_code" text NOT NULL,
      "test_code" text NOT NULL,
      "result_id" bigint NOT NULL,
      "opened_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_oos_investigation" PRIMARY KEY ("investigation_id"),
      CONSTRAINT "UQ_oos_investigation_result" UNIQUE ("result_id"),
      CONSTRAINT "FK_oos_investigation_result" FOREIGN KEY ("result_id") REFERENCES "${S}"."qc_result" ("id")
    )`);
    await q.query(
      `CREATE INDEX "IDX_oos_investigation_donor" ON "${S}"."oos_investigation" ("donor_code", "opened_at")`,
    );
    await q.query(`ALTER TABLE "${S}"."qc_result"
      ADD CONSTRAINT "FK_qc_result_retest" FOREIGN KEY ("retest_under") REFERENCES "${S}"."oos_investigation" ("investigation_id")`);
    await q.query(`CREATE TABLE "${S}"."oos_investigation_event" (
      "event_id" uuid NOT NULL,
      "investigation_id" uuid NOT NULL,
      "phase" text NOT NULL,
      "assignable_cause" boolean,
      "findings" text NOT NULL,
      "outcome" text,
      "disposition" text,
      "signature_id" uuid,
      "recorded_by" text NOT NULL,
      "recorded_by_role" text NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_oos_investigation_event" PRIMARY KEY ("event_id"),
      -- Each phase once per investigation: the order is the use cases', the once is the table's.
      CONSTRAINT "UQ_oos_investigation_phase" UNIQUE ("investigation_id", "phase"),
      CONSTRAINT "FK_oos_investigation_event_investigation" FOREIGN KEY ("investigation_id") REFERENCES "${S}"."oos_investigation" ("investigation_id"),
      CONSTRAINT "FK_oos_investigation_event_signature" FOREIGN KEY ("signature_id") REFERENCES "${S}"."electronic_signature" ("signature_id"),
      CONSTRAINT "CHK_oos_investigation_event_phase" CHECK (
        ("phase" = 'laboratory-conclusion' AND "assignable_cause" IS NOT NULL AND "outcome" IS NULL
          AND "signature_id" IS NULL AND "recorded_by_role" = 'qc')
        OR ("phase" = 'process-conclusion' AND "assignable_cause" IS NULL AND "outcome" IS NULL
          AND "signature_id" IS NULL AND "recorded_by_role" = 'qa-qp')
        OR ("phase" = 'outcome' AND "outcome" IN ('invalidated', 'oos-confirmed')
          AND "signature_id" IS NOT NULL AND "recorded_by_role" = 'qa-qp'
          AND ("outcome" <> 'oos-confirmed' OR btrim(COALESCE("disposition", '')) <> ''))),
      CONSTRAINT "CHK_oos_investigation_event_findings" CHECK (btrim("findings") <> '')
    )`);
    for (const [table, functionName, message] of NEW_TABLES) {
      for (const sql of appendOnlyTriggerSql({
        schema: S,
        table,
        functionName,
        message: `${message} (QA-02.1)`,
        refuse: 'UPDATE OR DELETE',
        truncate: true,
      }))
        await q.query(sql);
      await q.query(insertOnlyGrantsSql(S, table));
    }
    for (const sql of appendOnlyTriggerSql({
      schema: S,
      table: 'qc_result',
      functionName: 'refuse_qc_result_change',
      message:
        'a QC result is never changed; a correction is a new result with its reason (QA-02.1)',
      refuse: 'UPDATE',
      truncate: true,
    }))
      await q.query(sql);
    await q.query(revokeDeleteSql(S, 'qc_result'));
  }

  async down(q: QueryRunner): Promise<void> {
    const role = serviceDatabaseRole();
    await q.query(`DO $g$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
        EXECUTE 'GRANT DELETE, TRUNCATE ON "${S}"."qc_result" TO "${role}"';
      END IF;
    END $g$`);
    for (const sql of dropAppendOnlyTriggerSql(S, 'qc_result', 'refuse_qc_result_change'))
      await q.query(sql);
    await q.query(`ALTER TABLE "${S}"."qc_result" DROP CONSTRAINT "FK_qc_result_retest"`);
    for (const [table, functionName] of [...NEW_TABLES].reverse()) {
      for (const sql of dropAppendOnlyTriggerSql(S, table, functionName)) await q.query(sql);
      await q.query(`DROP TABLE "${S}"."${table}"`);
    }
    await q.query(`DROP INDEX "${S}"."UQ_qc_result_corrected_once"`);
    await q.query(`ALTER TABLE "${S}"."qc_result"
      DROP CONSTRAINT "CHK_qc_result_correction", DROP CONSTRAINT "CHK_qc_result_form",
      DROP CONSTRAINT "FK_qc_result_correction",
      DROP COLUMN "recorded_by_role", DROP COLUMN "step_event_id", DROP COLUMN "retest_under",
      DROP COLUMN "correction_reason", DROP COLUMN "correction_of", DROP COLUMN "verdict",
      DROP COLUMN "tested_at", DROP COLUMN "sample_id", DROP COLUMN "instrument_id",
      DROP COLUMN "method", DROP COLUMN "unit", DROP COLUMN "value_text",
      DROP COLUMN "value_numeric", DROP COLUMN "test_code"`);
  }
}
