import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql, insertOnlyGrantsSql } from '@v2v/database';

const S = 'donor_intake';
const LEGS = `('transport-to-factory', 'shipment-to-site')`;

/**
 * GEN-01, CSV-04: which data logger each opened custody leg watches (one row per leg workflow,
 * written when the leg opens) and the readings that contradict a stored one (same code, leg,
 * logger and time, another temperature), kept beside it instead of dropped. Both append-only:
 * a binding and a flagged conflict are records, never rewritten.
 */
export class BindLoggersToCustodyLegs1765001300000 implements MigrationInterface {
  name = 'BindLoggersToCustodyLegs1765001300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."custody_leg_logger" (
      "leg_workflow_id" text NOT NULL,
      "journey_id" text NOT NULL,
      "donor_code" text NOT NULL,
      "leg" text NOT NULL,
      "logger_id" text,
      "started_at" timestamptz NOT NULL,
      "min_temperature_c" numeric(6,2),
      "max_temperature_c" numeric(6,2),
      "bound_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_custody_leg_logger" PRIMARY KEY ("leg_workflow_id"),
      CONSTRAINT "CHK_custody_leg_logger_leg" CHECK ("leg" IN ${LEGS}),
      CONSTRAINT "CHK_custody_leg_logger_range" CHECK (("min_temperature_c" IS NULL) = ("max_temperature_c" IS NULL) AND ("min_temperature_c" IS NULL OR "min_temperature_c" <= "max_temperature_c"))
    )`);
    await q.query(
      `CREATE INDEX "IDX_custody_leg_logger_leg" ON "${S}"."custody_leg_logger" ("donor_code", "leg", "bound_at")`,
    );
    await q.query(`CREATE TABLE "${S}"."temperature_reading_conflict" (
      "id" bigserial NOT NULL,
      "reading_id" text NOT NULL,
      "donor_code" text NOT NULL,
      "leg" text NOT NULL,
      "logger_id" text NOT NULL,
      "measured_at" timestamptz NOT NULL,
      "temperature_c" numeric(6,2) NOT NULL,
      "event_id" text NOT NULL,
      "uploaded_by" text,
      "flagged_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_temperature_reading_conflict" PRIMARY KEY ("id"),
      CONSTRAINT "FK_temperature_reading_conflict_reading" FOREIGN KEY ("reading_id") REFERENCES "${S}"."temperature_reading" ("reading_id"),
      CONSTRAINT "UQ_temperature_reading_conflict_value" UNIQUE ("reading_id", "temperature_c"),
      CONSTRAINT "CHK_temperature_reading_conflict_leg" CHECK ("leg" IN ${LEGS})
    )`);
    await q.query(
      `CREATE INDEX "IDX_temperature_reading_conflict_leg" ON "${S}"."temperature_reading_conflict" ("donor_code", "leg", "measured_at")`,
    );
    for (const [table, functionName, message] of [
      [
        'custody_leg_logger',
        'refuse_custody_leg_logger_change',
        'a custody leg is bound to its data logger once and never rebound (GEN-01)',
      ],
      [
        'temperature_reading_conflict',
        'refuse_temperature_reading_conflict_change',
        'a flagged conflicting reading is kept as recorded (GEN-01)',
      ],
    ]) {
      for (const sql of appendOnlyTriggerSql({
        schema: S,
        table,
        functionName,
        message,
        refuse: 'UPDATE OR DELETE',
        truncate: true,
      }))
        await q.query(sql);
    }
    await q.query(insertOnlyGrantsSql(S, 'custody_leg_logger'));
    await q.query(
      insertOnlyGrantsSql(S, 'temperature_reading_conflict', {
        sequence: 'temperature_reading_conflict_id_seq',
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, functionName] of [
      ['temperature_reading_conflict', 'refuse_temperature_reading_conflict_change'],
      ['custody_leg_logger', 'refuse_custody_leg_logger_change'],
    ]) {
      for (const sql of dropAppendOnlyTriggerSql(S, table, functionName)) await q.query(sql);
      await q.query(`DROP TABLE "${S}"."${table}"`);
    }
  }
}
