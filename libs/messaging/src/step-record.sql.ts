/**
 * DDL for `step_record`: what a service recorded for each journey step it owns, keyed by
 * the step's event id so a retried activity writes nothing new.
 */
export function createStepRecordTableSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}"."step_record" (
      "id" uuid NOT NULL,
      "event_id" text NOT NULL,
      "donor_code" text NOT NULL,
      "journey_id" text NOT NULL,
      "record_type" text NOT NULL,
      "actor_user_id" text NOT NULL,
      "actor_role" text NOT NULL,
      "occurred_at" timestamptz NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "summary" text NOT NULL,
      "detail" jsonb NOT NULL,
      CONSTRAINT "PK_${schema}_step_record" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_${schema}_step_record_event" UNIQUE ("event_id")
    )`,
    `CREATE INDEX "IDX_${schema}_step_record_donor" ON "${schema}"."step_record" ("donor_code", "occurred_at")`,
  ];
}

export function dropStepRecordTableSql(schema: string): string[] {
  return [`DROP TABLE "${schema}"."step_record"`];
}

/**
 * CSV-04: a journey step is recorded once, whatever event id its retries carry. A record's
 * identity is its journey step (donor code, step, cycle, repeat: see `StepOccurrence`); the
 * payload hash tells a retry of the same request from a different one. Rows written before this
 * (and deviations, which are keyed by their deviation id) leave the step columns empty.
 */
export function addStepIdentitySql(schema: string): string[] {
  return [
    `ALTER TABLE "${schema}"."step_record"
       ADD COLUMN "step" text,
       ADD COLUMN "step_cycle" integer,
       ADD COLUMN "step_repeat" integer,
       ADD COLUMN "payload_hash" text,
       ADD CONSTRAINT "CHK_${schema}_step_record_identity" CHECK (
         ("step" IS NULL AND "step_cycle" IS NULL AND "step_repeat" IS NULL)
         OR ("step" IS NOT NULL AND "step_cycle" >= 0 AND "step_repeat" >= 0
             AND "payload_hash" IS NOT NULL))`,
    `CREATE UNIQUE INDEX "UQ_${schema}_step_record_step" ON "${schema}"."step_record"
       ("donor_code", "step", "step_cycle", "step_repeat") WHERE "step" IS NOT NULL`,
  ];
}

export function dropStepIdentitySql(schema: string): string[] {
  return [
    `DROP INDEX "${schema}"."UQ_${schema}_step_record_step"`,
    `ALTER TABLE "${schema}"."step_record"
       DROP CONSTRAINT "CHK_${schema}_step_record_identity",
       DROP COLUMN "payload_hash", DROP COLUMN "step_repeat", DROP COLUMN "step_cycle",
       DROP COLUMN "step"`,
  ];
}
