import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  appendOnlyTriggerSql,
  dropAppendOnlyTriggerSql,
  insertOnlyGrantsSql,
  tableGrantsSql,
} from '@v2v/database';

const S = 'production';
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const PURPOSES = list(['cell-product', 'vector', 'positive-material']);
const GRADES = list(['A-in-B', 'local-A-in-C', 'C', 'D']);
const CLASSES = list(['isolator', 'closed-system', 'biosafety-cabinet', 'incubator', 'general']);
const CODE = (column: string) => `"${column}" ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'`;

/**
 * The factory floor (§6, FAC-01, FAC-02): production areas with their purpose, air-handling
 * system and pressure regime; rooms with their cleanroom grade; equipment with its class, an
 * integrity-check schedule for isolators and closed systems, and an incubator's separation;
 * the append-only record of integrity checks; production lines (per area) and shifts, which
 * media fills (PRD-02) and the production calendar (PRD-04) refer to. Rows are managed, and
 * every change audited, by the facility use cases; the constraints hold whatever the client.
 */
export class CreateFacility1765000000000 implements MigrationInterface {
  name = 'CreateFacility1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."production_area" (
      "area_code" text NOT NULL,
      "name" text NOT NULL,
      "purpose" text NOT NULL,
      "air_handling_system" text NOT NULL,
      "pressure_regime" text NOT NULL,
      "active" boolean NOT NULL DEFAULT true,
      "created_by" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "updated_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_production_area" PRIMARY KEY ("area_code"),
      CONSTRAINT "CHK_production_area_code" CHECK (${CODE('area_code')}),
      CONSTRAINT "CHK_production_area_purpose" CHECK ("purpose" IN (${PURPOSES})),
      CONSTRAINT "CHK_production_area_pressure" CHECK ("pressure_regime" IN ('positive', 'negative')),
      -- §6(2): where positive material is exposed the area is at relative negative pressure.
      CONSTRAINT "CHK_production_area_positive_negative" CHECK ("purpose" <> 'positive-material' OR "pressure_regime" = 'negative'),
      CONSTRAINT "CHK_production_area_ahu" CHECK (btrim("air_handling_system") <> '')
    )`);
    await q.query(`CREATE TABLE "${S}"."room" (
      "room_code" text NOT NULL,
      "area_code" text NOT NULL,
      "name" text NOT NULL,
      "grade" text NOT NULL,
      "active" boolean NOT NULL DEFAULT true,
      "created_by" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "updated_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_room" PRIMARY KEY ("room_code"),
      CONSTRAINT "CHK_room_code" CHECK (${CODE('room_code')}),
      CONSTRAINT "FK_room_area" FOREIGN KEY ("area_code") REFERENCES "${S}"."production_area" ("area_code"),
      CONSTRAINT "CHK_room_grade" CHECK ("grade" IN (${GRADES}))
    )`);
    await q.query(`CREATE INDEX "IDX_room_area" ON "${S}"."room" ("area_code")`);
    await q.query(`CREATE TABLE "${S}"."equipment" (
      "equipment_code" text NOT NULL,
      "room_code" text NOT NULL,
      "name" text NOT NULL,
      "equipment_class" text NOT NULL,
      "integrity_check_interval_days" integer,
      "incubator_separation" text,
      "compartments" integer,
      "active" boolean NOT NULL DEFAULT true,
      "created_by" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "updated_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_equipment" PRIMARY KEY ("equipment_code"),
      CONSTRAINT "CHK_equipment_code" CHECK (${CODE('equipment_code')}),
      CONSTRAINT "FK_equipment_room" FOREIGN KEY ("room_code") REFERENCES "${S}"."room" ("room_code"),
      CONSTRAINT "CHK_equipment_class" CHECK ("equipment_class" IN (${CLASSES})),
      -- FAC-01: isolators and closed systems, and only they, carry an integrity-check schedule.
      CONSTRAINT "CHK_equipment_integrity_schedule" CHECK (
        ("equipment_class" IN ('isolator', 'closed-system')) = ("integrity_check_interval_days" IS NOT NULL)
        AND COALESCE("integrity_check_interval_days" BETWEEN 1 AND 366, true)),
      -- §9(5)6: an incubator is shared or split into physically separated compartments.
      CONSTRAINT "CHK_equipment_incubator" CHECK (
        ("equipment_class" = 'incubator') = ("incubator_separation" IS NOT NULL)
        AND COALESCE("incubator_separation" IN ('shared', 'compartmented'), true)
        AND (("incubator_separation" = 'compartmented') = COALESCE("compartments" >= 2, false))
        AND COALESCE("compartments" <= 64, true))
    )`);
    await q.query(`CREATE INDEX "IDX_equipment_room" ON "${S}"."equipment" ("room_code")`);
    await q.query(`CREATE TABLE "${S}"."equipment_integrity_check" (
      "check_id" uuid NOT NULL,
      "event_id" text NOT NULL,
      "equipment_code" text NOT NULL,
      "checked_at" timestamptz NOT NULL,
      "result" text NOT NULL,
      "method" text NOT NULL,
      "note" text,
      "checked_by" text NOT NULL,
      "checked_by_role" text NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_equipment_integrity_check" PRIMARY KEY ("check_id"),
      CONSTRAINT "UQ_equipment_integrity_check_event" UNIQUE ("event_id"),
      CONSTRAINT "FK_equipment_integrity_check_equipment" FOREIGN KEY ("equipment_code") REFERENCES "${S}"."equipment" ("equipment_code"),
      CONSTRAINT "CHK_equipment_integrity_check_result" CHECK ("result" IN ('pass', 'fail')),
      CONSTRAINT "CHK_equipment_integrity_check_method" CHECK (btrim("method") <> '')
    )`);
    await q.query(
      `CREATE INDEX "IDX_equipment_integrity_check_equipment" ON "${S}"."equipment_integrity_check" ("equipment_code", "checked_at")`,
    );
    for (const sql of appendOnlyTriggerSql({
      schema: S,
      table: 'equipment_integrity_check',
      functionName: 'refuse_integrity_check_change',
      message:
        'an equipment integrity check is recorded once and never changed or deleted (FAC-01)',
      refuse: 'UPDATE OR DELETE',
      truncate: true,
    }))
      await q.query(sql);
    await q.query(`CREATE TABLE "${S}"."production_line" (
      "line_code" text NOT NULL,
      "area_code" text NOT NULL,
      "name" text NOT NULL,
      "active" boolean NOT NULL DEFAULT true,
      "created_by" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "updated_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_production_line" PRIMARY KEY ("line_code"),
      CONSTRAINT "CHK_production_line_code" CHECK (${CODE('line_code')}),
      CONSTRAINT "FK_production_line_area" FOREIGN KEY ("area_code") REFERENCES "${S}"."production_area" ("area_code")
    )`);
    await q.query(`CREATE TABLE "${S}"."production_shift" (
      "shift_code" text NOT NULL,
      "name" text NOT NULL,
      "starts_at" time NOT NULL,
      "ends_at" time NOT NULL,
      "active" boolean NOT NULL DEFAULT true,
      "created_by" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "updated_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_production_shift" PRIMARY KEY ("shift_code"),
      CONSTRAINT "CHK_production_shift_code" CHECK (${CODE('shift_code')}),
      -- A night shift ends the next day, so only an empty shift is refused.
      CONSTRAINT "CHK_production_shift_hours" CHECK ("starts_at" <> "ends_at")
    )`);
    await q.query(
      tableGrantsSql(S, [
        'production_area',
        'room',
        'equipment',
        'production_line',
        'production_shift',
      ]),
    );
    await q.query(insertOnlyGrantsSql(S, 'equipment_integrity_check'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."production_shift"`);
    await q.query(`DROP TABLE "${S}"."production_line"`);
    for (const sql of dropAppendOnlyTriggerSql(
      S,
      'equipment_integrity_check',
      'refuse_integrity_check_change',
    ))
      await q.query(sql);
    await q.query(`DROP TABLE "${S}"."equipment_integrity_check"`);
    await q.query(`DROP TABLE "${S}"."equipment"`);
    await q.query(`DROP TABLE "${S}"."room"`);
    await q.query(`DROP TABLE "${S}"."production_area"`);
  }
}
