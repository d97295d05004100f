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
    `CREATE FUNCTION "${schema}"."refuse_refusal_record_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'refusal records are evidence and cannot be edited or deleted: % on %.% is refused (CSV-01)', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`,
    `CREATE TRIGGER "TRG_refusal_record_append_only" BEFORE UPDATE OR DELETE ON "${schema}"."refusal_record"
      FOR EACH ROW EXECUTE FUNCTION "${schema}"."refuse_refusal_record_change"()`,
    `CREATE TRIGGER "TRG_refusal_record_no_truncate" BEFORE TRUNCATE ON "${schema}"."refusal_record"
      FOR EACH STATEMENT EXECUTE FUNCTION "${schema}"."refuse_refusal_record_change"()`,
  ];
}

export function dropRefusalRecordTableSql(schema: string): string[] {
  return [
    `DROP TABLE "${schema}"."refusal_record"`,
    `DROP FUNCTION "${schema}"."refuse_refusal_record_change"()`,
  ];
}
