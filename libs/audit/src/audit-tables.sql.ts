/**
 * DDL of a service's audit trail (CSV-01). One hash chain per journey (or per record when
 * the record belongs to no journey), its head row-locked on append; triggers refuse any
 * UPDATE, DELETE or TRUNCATE, whoever asks.
 */
export function createAuditTablesSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}"."audit_entry" (
      "chain_id" text NOT NULL,
      "seq" bigint NOT NULL,
      "record_type" text NOT NULL,
      "record_id" text NOT NULL,
      "journey_id" text,
      "action" text NOT NULL,
      "actor_user_id" text NOT NULL,
      "actor_role" text NOT NULL,
      "at" timestamptz NOT NULL,
      "reason" text,
      "canonical_content" text NOT NULL,
      "content_hash" char(64) NOT NULL,
      "prev_hash" char(64) NOT NULL,
      "entry_hash" char(64) NOT NULL,
      CONSTRAINT "PK_${schema}_audit_entry" PRIMARY KEY ("chain_id", "seq"),
      CONSTRAINT "CHK_${schema}_audit_action" CHECK ("action" IN ('create', 'update')),
      CONSTRAINT "CHK_${schema}_audit_reason" CHECK ("action" = 'create' OR "reason" IS NOT NULL)
    )`,
    `CREATE INDEX "IDX_${schema}_audit_record" ON "${schema}"."audit_entry" ("record_type", "record_id")`,
    `CREATE INDEX "IDX_${schema}_audit_journey" ON "${schema}"."audit_entry" ("journey_id", "at")`,
    `CREATE TABLE "${schema}"."audit_chain_head" (
      "chain_id" text NOT NULL,
      "seq" bigint NOT NULL,
      "entry_hash" char(64) NOT NULL,
      CONSTRAINT "PK_${schema}_audit_chain_head" PRIMARY KEY ("chain_id")
    )`,
    `CREATE FUNCTION "${schema}"."refuse_audit_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail cannot be edited or deleted: % on %.% is refused (CSV-01)', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`,
    `CREATE TRIGGER "TRG_audit_entry_append_only" BEFORE UPDATE OR DELETE ON "${schema}"."audit_entry"
      FOR EACH ROW EXECUTE FUNCTION "${schema}"."refuse_audit_change"()`,
    `CREATE TRIGGER "TRG_audit_entry_no_truncate" BEFORE TRUNCATE ON "${schema}"."audit_entry"
      FOR EACH STATEMENT EXECUTE FUNCTION "${schema}"."refuse_audit_change"()`,
  ];
}

export function dropAuditTablesSql(schema: string): string[] {
  return [
    `DROP TABLE "${schema}"."audit_chain_head"`,
    `DROP TABLE "${schema}"."audit_entry"`,
    `DROP FUNCTION "${schema}"."refuse_audit_change"()`,
  ];
}
