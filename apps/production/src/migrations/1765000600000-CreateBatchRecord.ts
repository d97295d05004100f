import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql, insertOnlyGrantsSql } from '@v2v/database';

const S = 'production';
const DEVIATION_RULES = `'PRD-01', 'PRD-07', 'PRD-08', 'GEN-01'`;

const APPEND_ONLY = [
  {
    table: 'batch_step_record',
    functionName: 'refuse_batch_step_record_change',
    message: 'a batch record step is recorded once; record a deviation instead (PRD-01)',
  },
  {
    table: 'batch_label',
    functionName: 'refuse_batch_label_change',
    message: 'a generated batch label cannot change (PRD-06)',
  },
  {
    table: 'batch_deviation',
    functionName: 'refuse_batch_deviation_change',
    message: 'a batch record deviation is recorded once (GEN-01)',
  },
  {
    table: 'personnel_decontamination',
    functionName: 'refuse_personnel_decontamination_change',
    message: 'a decontamination is recorded once (PER-02)',
  },
] as const;

/**
 * The electronic batch record (§9(7)–(11), PRD-01..08, PER-02, GEN-01): one append-only row per
 * step start and per completion, the labels the system generated for a step (their confirmation
 * scans are in the completion row's payload), the deviations the record raised (once per batch,
 * step, rule and message, so a retried activity raises nothing new) and personnel
 * decontaminations. A booking's actual end frees its room (`room_booking.completed_at`); the
 * batch carries the process version it runs on; a seeded process validation, like a seeded
 * key-material lot, carries no signature.
 */
export class CreateBatchRecord1765000600000 implements MigrationInterface {
  name = 'CreateBatchRecord1765000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${S}"."batch" ADD COLUMN "process_version" integer`);
    await q.query(`ALTER TABLE "${S}"."batch" ADD CONSTRAINT "FK_batch_process_definition"
      FOREIGN KEY ("product_code", "process_version")
      REFERENCES "${S}"."process_definition" ("product_code", "process_version")`);
    await q.query(`ALTER TABLE "${S}"."room_booking" ADD COLUMN "completed_at" timestamptz`);
    await q.query(`ALTER TABLE "${S}"."process_validation" ALTER COLUMN "signature" DROP NOT NULL`);
    await q.query(`ALTER TABLE "${S}"."process_validation" ADD CONSTRAINT "CHK_process_validation_signature"
      CHECK ("signature" IS NOT NULL OR "decided_by" = 'seed')`);

    await q.query(`CREATE TABLE "${S}"."batch_step_record" (
      "record_id" uuid NOT NULL,
      "event_id" text NOT NULL,
      "batch_number" text NOT NULL,
      "donor_code" text NOT NULL,
      "journey_id" text NOT NULL,
      "step_id" text NOT NULL,
      "step_index" integer NOT NULL,
      "kind" text NOT NULL,
      "booking_id" uuid NOT NULL,
      "room_code" text NOT NULL,
      "area_code" text NOT NULL,
      "equipment_code" text,
      "line_code" text,
      "shift_code" text NOT NULL,
      "positive_material" boolean NOT NULL,
      "operators" text[] NOT NULL,
      "started_at" timestamptz NOT NULL,
      "ended_at" timestamptz,
      "summary" text NOT NULL,
      "payload" jsonb NOT NULL,
      "total_cell_count" bigint,
      "recorded_by" text NOT NULL,
      "recorded_by_role" text NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_batch_step_record" PRIMARY KEY ("record_id"),
      CONSTRAINT "UQ_batch_step_record_event" UNIQUE ("event_id"),
      CONSTRAINT "UQ_batch_step_record_step" UNIQUE ("batch_number", "step_index", "kind"),
      CONSTRAINT "FK_batch_step_record_batch" FOREIGN KEY ("batch_number") REFERENCES "${S}"."batch" ("batch_number"),
      CONSTRAINT "FK_batch_step_record_booking" FOREIGN KEY ("booking_id") REFERENCES "${S}"."room_booking" ("booking_id"),
      CONSTRAINT "FK_batch_step_record_area" FOREIGN KEY ("area_code") REFERENCES "${S}"."production_area" ("area_code"),
      CONSTRAINT "CHK_batch_step_record_kind" CHECK ("kind" IN ('start', 'completion')),
      CONSTRAINT "CHK_batch_step_record_index" CHECK ("step_index" >= 0),
      -- The actor is the first operator; a completion carries its end, a start does not.
      CONSTRAINT "CHK_batch_step_record_operators" CHECK (
        cardinality("operators") >= 1 AND "operators"[1] = "recorded_by"),
      CONSTRAINT "CHK_batch_step_record_end" CHECK (
        ("kind" = 'completion') = ("ended_at" IS NOT NULL) AND COALESCE("ended_at" >= "started_at", true)),
      -- PRD-01: the batch size, recorded by the last step's completion, is a count of cells.
      CONSTRAINT "CHK_batch_step_record_cell_count" CHECK (
        "total_cell_count" IS NULL OR ("kind" = 'completion' AND "total_cell_count" > 0))
    )`);
    // PER-02: a person's last completed steps, newest first.
    await q.query(
      `CREATE INDEX "IDX_batch_step_record_operators" ON "${S}"."batch_step_record" USING gin ("operators")`,
    );
    await q.query(`CREATE TABLE "${S}"."batch_label" (
      "label_id" text NOT NULL,
      "batch_number" text NOT NULL,
      "step_id" text NOT NULL,
      "step_index" integer NOT NULL,
      "container" text NOT NULL,
      "content" text NOT NULL,
      "generated_at" timestamptz NOT NULL,
      "start_record_id" uuid NOT NULL,
      CONSTRAINT "PK_batch_label" PRIMARY KEY ("label_id"),
      CONSTRAINT "UQ_batch_label_content" UNIQUE ("content"),
      CONSTRAINT "FK_batch_label_start" FOREIGN KEY ("start_record_id") REFERENCES "${S}"."batch_step_record" ("record_id")
    )`);
    await q.query(
      `CREATE INDEX "IDX_batch_label_batch" ON "${S}"."batch_label" ("batch_number", "step_index")`,
    );
    await q.query(`CREATE TABLE "${S}"."batch_deviation" (
      "deviation_id" uuid NOT NULL,
      "batch_number" text NOT NULL,
      "donor_code" text NOT NULL,
      "step_id" text NOT NULL,
      "rule" text NOT NULL,
      "message" text NOT NULL,
      "raised_at" timestamptz NOT NULL,
      "event_id" text NOT NULL,
      CONSTRAINT "PK_batch_deviation" PRIMARY KEY ("deviation_id"),
      CONSTRAINT "UQ_batch_deviation_once" UNIQUE ("batch_number", "step_id", "rule", "message"),
      CONSTRAINT "FK_batch_deviation_batch" FOREIGN KEY ("batch_number") REFERENCES "${S}"."batch" ("batch_number"),
      CONSTRAINT "CHK_batch_deviation_rule" CHECK ("rule" IN (${DEVIATION_RULES}))
    )`);
    await q.query(`CREATE TABLE "${S}"."personnel_decontamination" (
      "decontamination_id" uuid NOT NULL,
      "event_id" text NOT NULL,
      "person" text NOT NULL,
      "area_code" text NOT NULL,
      "decontaminated_at" timestamptz NOT NULL,
      "method" text NOT NULL,
      "recorded_by" text NOT NULL,
      "recorded_by_role" text NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_personnel_decontamination" PRIMARY KEY ("decontamination_id"),
      CONSTRAINT "UQ_personnel_decontamination_event" UNIQUE ("event_id"),
      CONSTRAINT "FK_personnel_decontamination_area" FOREIGN KEY ("area_code") REFERENCES "${S}"."production_area" ("area_code"),
      CONSTRAINT "CHK_personnel_decontamination_method" CHECK (btrim("method") <> '')
    )`);
    await q.query(
      `CREATE INDEX "IDX_personnel_decontamination_person" ON "${S}"."personnel_decontamination" ("person", "area_code", "decontaminated_at")`,
    );
    for (const t of APPEND_ONLY) {
      for (const sql of appendOnlyTriggerSql({
        schema: S,
        ...t,
        refuse: 'UPDATE OR DELETE',
        truncate: true,
      }))
        await q.query(sql);
      await q.query(insertOnlyGrantsSql(S, t.table));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...APPEND_ONLY].reverse()) {
      for (const sql of dropAppendOnlyTriggerSql(S, t.table, t.functionName)) await q.query(sql);
      await q.query(`DROP TABLE "${S}"."${t.table}"`);
    }
    await q.query(
      `ALTER TABLE "${S}"."process_validation" DROP CONSTRAINT "CHK_process_validation_signature"`,
    );
    await q.query(`ALTER TABLE "${S}"."process_validation" ALTER COLUMN "signature" SET NOT NULL`);
    await q.query(`ALTER TABLE "${S}"."room_booking" DROP COLUMN "completed_at"`);
    await q.query(`ALTER TABLE "${S}"."batch" DROP COLUMN "process_version"`);
  }
}
