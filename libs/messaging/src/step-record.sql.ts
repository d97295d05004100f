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
