import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  appendOnlyTriggerSql,
  dropAppendOnlyTriggerSql,
  insertOnlyGrantsSql,
  tableGrantsSql,
} from '@v2v/database';

const S = 'production';
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const VALIDATION_STATUSES = list([
  'validated',
  'concurrent-validation',
  'not-validated',
  'withdrawn',
]);
const RUNNABLE = list(['validated', 'concurrent-validation']);

/**
 * Process definitions per product specification version (PRD-01, immutable once published),
 * their validation decisions (PRD-03, append-only: the latest row counts) and the production
 * calendar of room bookings (PRD-04). Column names of `room_booking` are read by environmental
 * monitoring; keep them.
 */
export class CreateProcessesAndCalendar1765000200000 implements MigrationInterface {
  name = 'CreateProcessesAndCalendar1765000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."process_definition" (
      "product_code" text NOT NULL,
      "process_version" integer NOT NULL,
      "specification_version" integer NOT NULL,
      "name" text NOT NULL,
      "content" jsonb NOT NULL,
      "cell_count_parameter" text NOT NULL,
      "event_id" text NOT NULL,
      "published_by" text NOT NULL,
      "published_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_process_definition" PRIMARY KEY ("product_code", "process_version"),
      CONSTRAINT "UQ_process_definition_specification" UNIQUE ("product_code", "specification_version"),
      CONSTRAINT "UQ_process_definition_event" UNIQUE ("event_id"),
      CONSTRAINT "FK_process_definition_specification" FOREIGN KEY ("product_code", "specification_version")
        REFERENCES "${S}"."product_specification" ("product_code", "version"),
      CONSTRAINT "CHK_process_definition_version" CHECK ("process_version" >= 1),
      CONSTRAINT "CHK_process_definition_steps" CHECK (jsonb_array_length("content"->'steps') >= 1)
    )`);
    for (const sql of appendOnlyTriggerSql({
      schema: S,
      table: 'process_definition',
      functionName: 'refuse_process_definition_change',
      message: 'a published process definition cannot change; publish a new version (PRD-01)',
      refuse: 'UPDATE OR DELETE',
      truncate: true,
    }))
      await q.query(sql);

    await q.query(`CREATE TABLE "${S}"."process_validation" (
      "validation_id" uuid NOT NULL,
      "product_code" text NOT NULL,
      "process_version" integer NOT NULL,
      "status" text NOT NULL,
      "max_concurrent_lines_in_area" integer,
      "max_concurrent_isolators_in_room" integer,
      "operators" integer,
      "report_reference" text NOT NULL,
      "rationale" text,
      "event_id" text NOT NULL,
      "decided_by" text NOT NULL,
      "decided_by_role" text NOT NULL,
      "decided_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "signature" jsonb NOT NULL,
      CONSTRAINT "PK_process_validation" PRIMARY KEY ("validation_id"),
      CONSTRAINT "UQ_process_validation_event" UNIQUE ("event_id"),
      CONSTRAINT "FK_process_validation_definition" FOREIGN KEY ("product_code", "process_version")
        REFERENCES "${S}"."process_definition" ("product_code", "process_version"),
      CONSTRAINT "CHK_process_validation_status" CHECK ("status" IN (${VALIDATION_STATUSES})),
      -- §9(3)2: a version that may run carries the worst case it was validated for.
      CONSTRAINT "CHK_process_validation_worst_case" CHECK (
        ("status" IN (${RUNNABLE})) = ("max_concurrent_lines_in_area" IS NOT NULL)
        AND ("max_concurrent_lines_in_area" IS NULL) = ("max_concurrent_isolators_in_room" IS NULL)
        AND ("max_concurrent_lines_in_area" IS NULL) = ("operators" IS NULL)),
      -- §9(3)1: concurrent validation with patient material records why.
      CONSTRAINT "CHK_process_validation_rationale" CHECK (
        "status" <> 'concurrent-validation' OR btrim(COALESCE("rationale", '')) <> '')
    )`);
    await q.query(
      `CREATE INDEX "IDX_process_validation_version" ON "${S}"."process_validation" ("product_code", "process_version", "decided_at")`,
    );
    for (const sql of appendOnlyTriggerSql({
      schema: S,
      table: 'process_validation',
      functionName: 'refuse_process_validation_change',
      message:
        'a process validation decision is recorded once; record a new decision instead (PRD-03)',
      refuse: 'UPDATE OR DELETE',
      truncate: true,
    }))
      await q.query(sql);

    await q.query(`CREATE TABLE "${S}"."room_booking" (
      "booking_id" uuid NOT NULL,
      "donor_code" text NOT NULL,
      "product_code" text NOT NULL,
      "process_version" integer NOT NULL,
      "step_id" text NOT NULL,
      "batch_kind" text NOT NULL,
      "validation_standing" text NOT NULL,
      "room_code" text NOT NULL,
      "area_code" text NOT NULL,
      "equipment_code" text,
      "equipment_class" text,
      "incubator_compartment" integer,
      "line_code" text,
      "operation_type" text NOT NULL,
      "cell_culture" boolean NOT NULL,
      "positive_material" boolean NOT NULL,
      "starts_at" timestamptz NOT NULL,
      "ends_at" timestamptz NOT NULL,
      "status" text NOT NULL DEFAULT 'booked',
      "line_clearance_at" timestamptz,
      "line_clearance_by" text,
      "line_clearance_note" text,
      "cancelled_at" timestamptz,
      "cancelled_by" text,
      "cancellation_reason" text,
      "booked_by" text NOT NULL,
      "booked_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "event_id" text NOT NULL,
      CONSTRAINT "PK_room_booking" PRIMARY KEY ("booking_id"),
      CONSTRAINT "UQ_room_booking_event" UNIQUE ("event_id"),
      CONSTRAINT "FK_room_booking_room" FOREIGN KEY ("room_code") REFERENCES "${S}"."room" ("room_code"),
      CONSTRAINT "FK_room_booking_area" FOREIGN KEY ("area_code") REFERENCES "${S}"."production_area" ("area_code"),
      CONSTRAINT "FK_room_booking_equipment" FOREIGN KEY ("equipment_code") REFERENCES "${S}"."equipment" ("equipment_code"),
      CONSTRAINT "FK_room_booking_line" FOREIGN KEY ("line_code") REFERENCES "${S}"."production_line" ("line_code"),
      CONSTRAINT "FK_room_booking_definition" FOREIGN KEY ("product_code", "process_version")
        REFERENCES "${S}"."process_definition" ("product_code", "process_version"),
      CONSTRAINT "CHK_room_booking_times" CHECK ("ends_at" > "starts_at"),
      CONSTRAINT "CHK_room_booking_status" CHECK ("status" IN ('booked', 'cancelled', 'completed')),
      CONSTRAINT "CHK_room_booking_kind" CHECK ("batch_kind" IN ('commercial', 'process-validation')),
      CONSTRAINT "CHK_room_booking_standing" CHECK ("validation_standing" IN (${VALIDATION_STATUSES}, 'none')),
      CONSTRAINT "CHK_room_booking_operation" CHECK ("operation_type" IN ('open', 'closed')),
      CONSTRAINT "CHK_room_booking_compartment" CHECK (COALESCE("incubator_compartment" >= 1, true)),
      CONSTRAINT "CHK_room_booking_clearance" CHECK (("line_clearance_at" IS NULL) = ("line_clearance_by" IS NULL)),
      CONSTRAINT "CHK_room_booking_cancellation" CHECK (
        ("status" = 'cancelled') = ("cancelled_at" IS NOT NULL)
        AND ("cancelled_at" IS NULL) = ("cancelled_by" IS NULL)
        AND ("cancelled_at" IS NULL) = ("cancellation_reason" IS NULL)),
      -- PRD-03: a commercial batch is booked only on a version that may run.
      CONSTRAINT "CHK_room_booking_commercial_validated" CHECK (
        "batch_kind" <> 'commercial' OR "validation_standing" IN (${RUNNABLE}))
    )`);
    // An area's bookings overlapping [from, to): area_code, ends_at > from, starts_at < to.
    await q.query(
      `CREATE INDEX "IDX_room_booking_area_time" ON "${S}"."room_booking" ("area_code", "ends_at", "starts_at")`,
    );
    await q.query(
      `CREATE INDEX "IDX_room_booking_room_time" ON "${S}"."room_booking" ("room_code", "ends_at")`,
    );
    await q.query(tableGrantsSql(S, ['room_booking']));
    await q.query(insertOnlyGrantsSql(S, 'process_definition'));
    await q.query(insertOnlyGrantsSql(S, 'process_validation'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."room_booking"`);
    for (const sql of dropAppendOnlyTriggerSql(
      S,
      'process_validation',
      'refuse_process_validation_change',
    ))
      await q.query(sql);
    await q.query(`DROP TABLE "${S}"."process_validation"`);
    for (const sql of dropAppendOnlyTriggerSql(
      S,
      'process_definition',
      'refuse_process_definition_change',
    ))
      await q.query(sql);
    await q.query(`DROP TABLE "${S}"."process_definition"`);
  }
}
