import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql } from '@v2v/database';

/**
 * DDL for `refusal_record`: every step activity a service refused (PRD-06, TRC-03, CSV-03),
 * kept in the schema where the refused record would have been written. Append-only: a
 * trigger refuses any UPDATE, DELETE or TRUNCATE. One row per step event and activity, so a
 * retried attempt of the same refused step is not recorded twice.
 */
export function createRefusalRecordTableSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}"."refusal_record" (
      "id" bigserial NOT NULL,
      "at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "activity" text NOT NULL,
      "donor_code" text,
      "journey_id" text,
      "event_id" text,
      "actor_user_id" text,
      "actor_role" text,
      "code" text NOT NULL,
      "message" text NOT NULL,
      "details" jsonb NOT NULL,
      CONSTRAINT "PK_${schema}_refusal_record" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_${schema}_refusal_record_event" UNIQUE ("event_id", "activity")
    )`,
    `CREATE INDEX "IDX_${schema}_refusal_record_donor" ON "${schema}"."refusal_record" ("donor_code", "at")`,
    ...appendOnlyTriggerSql({
      schema,
      table: 'refusal_record',
      functionName: 'refuse_refusal_record_change',
      message: 'refusal records are evidence and cannot be edited or deleted (CSV-01)',
      refuse: 'UPDATE OR DELETE',
      truncate: true,
    }),
  ];
}

export function dropRefusalRecordTableSql(schema: string): string[] {
  return [
    ...dropAppendOnlyTriggerSql(schema, 'refusal_record', 'refuse_refusal_record_change'),
    `DROP TABLE "${schema}"."refusal_record"`,
  ];
}
