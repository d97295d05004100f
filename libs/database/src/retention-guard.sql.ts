/**
 * QA-03 in the database: a trigger that refuses DELETE of a covered row while its retention
 * runs, whoever asks. `retainedUntil` is an SQL expression over OLD (NULL = kept: unknown end).
 * The application checks the same rule first (libs/contracts retention-policy) to answer 409.
 */
export function createRetentionGuardSql(
  schema: string,
  table: string,
  retainedUntil: string,
  what: string,
): string[] {
  const fn = `"${schema}"."retain_${table}"`;
  return [
    `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE until timestamptz := ${retainedUntil};
      BEGIN
        IF until IS NULL OR until > clock_timestamp() THEN
          RAISE EXCEPTION 'QA-03: % must be retained until %; delete refused', '${what}', COALESCE(until::text, 'an end of retention that is not yet known')
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN OLD;
      END $$`,
    `CREATE TRIGGER "TRG_${table}_retention" BEFORE DELETE ON "${schema}"."${table}" FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
  ];
}

export function dropRetentionGuardSql(schema: string, table: string): string[] {
  return [
    `DROP TRIGGER "TRG_${table}_retention" ON "${schema}"."${table}"`,
    `DROP FUNCTION "${schema}"."retain_${table}"()`,
  ];
}
