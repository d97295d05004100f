/**
 * CSV-01 in the database: a change of a GMP record is valid only with its audit entry written in
 * the same transaction. A constraint trigger, deferred to the commit (the use cases write the
 * record, then its audit entry), refuses the transaction otherwise, whoever changed the row — so
 * an UPDATE sent straight to the database by the service role does not commit.
 * `audit_entry.tx_id` is the writing transaction's id (`auditTransactionIdSql`).
 */
export function auditedChangesOnlySql(
  schema: string,
  table: string,
  audit: { recordType: string; recordIdColumn: string },
): string[] {
  const fn = `"${schema}"."audited_${table}"`;
  return [
    `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM "${schema}"."audit_entry"
                        WHERE "record_type" = '${audit.recordType}'
                          AND "record_id" = NEW."${audit.recordIdColumn}"::text
                          AND "tx_id" = pg_current_xact_id()) THEN
          RAISE EXCEPTION 'CSV-01: % % changed without its audit entry in the same transaction', '${audit.recordType}', NEW."${audit.recordIdColumn}"
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NULL;
      END $$`,
    `CREATE CONSTRAINT TRIGGER "TRG_${table}_audited" AFTER UPDATE ON "${schema}"."${table}"
       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
  ];
}

export function dropAuditedChangesOnlySql(schema: string, table: string): string[] {
  return [
    `DROP TRIGGER "TRG_${table}_audited" ON "${schema}"."${table}"`,
    `DROP FUNCTION "${schema}"."audited_${table}"()`,
  ];
}

/** Each audit entry names the transaction that wrote it, for `auditedChangesOnlySql`. */
export function auditTransactionIdSql(schema: string): string {
  return `ALTER TABLE "${schema}"."audit_entry" ADD COLUMN "tx_id" xid8 NOT NULL DEFAULT pg_current_xact_id()`;
}

/**
 * QA-03: a retention-relevant date may be set and moved later, never cleared or moved earlier,
 * so no one shortens a record's retention to delete it.
 */
export function retentionDateForwardOnlySql(
  schema: string,
  table: string,
  column: string,
): string[] {
  const fn = `"${schema}"."forward_${table}_${column}"`;
  return [
    `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD."${column}" IS NOT NULL
           AND (NEW."${column}" IS NULL OR NEW."${column}" < OLD."${column}") THEN
          RAISE EXCEPTION 'QA-03: %.${column} may not move back from % (to %): it decides how long the record is kept', '${table}', OLD."${column}", COALESCE(NEW."${column}"::text, 'nothing')
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`,
    `CREATE TRIGGER "TRG_${table}_${column}_forward" BEFORE UPDATE OF "${column}" ON "${schema}"."${table}"
       FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
  ];
}

export function dropRetentionDateForwardOnlySql(
  schema: string,
  table: string,
  column: string,
): string[] {
  return [
    `DROP TRIGGER "TRG_${table}_${column}_forward" ON "${schema}"."${table}"`,
    `DROP FUNCTION "${schema}"."forward_${table}_${column}"()`,
  ];
}
