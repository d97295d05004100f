/**
 * The trigger that keeps a table's rows as written, whoever asks (the schema owner included):
 * `refuse` names the operations refused row by row (deletes may be another guard's, such as
 * the retention guard), `truncate` refuses TRUNCATE too. The trigger function raises
 * `message` with insufficient_privilege.
 */
export function appendOnlyTriggerSql(input: {
  schema: string;
  table: string;
  functionName: string;
  message: string;
  refuse: 'UPDATE' | 'UPDATE OR DELETE';
  truncate?: boolean;
}): string[] {
  const { schema, table, functionName } = input;
  const fn = `"${schema}"."${functionName}"()`;
  return [
    `CREATE FUNCTION ${fn} RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION '${input.message.replace(/'/g, "''")}' USING ERRCODE = 'insufficient_privilege';
        END $$`,
    `CREATE TRIGGER "TRG_${table}_append_only" BEFORE ${input.refuse} ON "${schema}"."${table}"
        FOR EACH ROW EXECUTE FUNCTION ${fn}`,
    ...(input.truncate
      ? [
          `CREATE TRIGGER "TRG_${table}_no_truncate" BEFORE TRUNCATE ON "${schema}"."${table}"
        FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`,
        ]
      : []),
  ];
}

export function dropAppendOnlyTriggerSql(schema: string, table: string, functionName: string) {
  return [
    `DROP TRIGGER IF EXISTS "TRG_${table}_no_truncate" ON "${schema}"."${table}"`,
    `DROP TRIGGER "TRG_${table}_append_only" ON "${schema}"."${table}"`,
    `DROP FUNCTION "${schema}"."${functionName}"()`,
  ];
}
