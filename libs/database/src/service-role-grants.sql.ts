import { serviceDatabaseRole } from './database-config';

/**
 * The services' database role gets what it needs in a schema and nothing more: no ALTER (it
 * owns nothing, so it cannot switch a trigger off) and, on the append-only tables, only
 * SELECT and INSERT. Skipped when the role does not exist (one external user for all).
 */
export function serviceRoleGrantsSql(
  schema: string,
  appendOnlyTables: string[],
  role = serviceDatabaseRole(),
): string {
  const statements = [
    `GRANT USAGE ON SCHEMA "${schema}" TO "${role}"`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "${schema}" TO "${role}"`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "${schema}" TO "${role}"`,
    ...appendOnlyTables.map(
      (t) => `REVOKE UPDATE, DELETE, TRUNCATE ON "${schema}"."${t}" FROM "${role}"`,
    ),
  ];
  return forServiceRoleSql(statements, role);
}

/**
 * An append-only table of a later migration: the service role may read and insert (and use
 * the id sequence), nothing else. The grants of the schema's other tables are left alone.
 */
export function insertOnlyGrantsSql(
  schema: string,
  table: string,
  options: { sequence?: string } = {},
  role = serviceDatabaseRole(),
): string {
  return forServiceRoleSql(
    [
      `GRANT SELECT, INSERT ON "${schema}"."${table}" TO "${role}"`,
      ...(options.sequence
        ? [`GRANT USAGE ON SEQUENCE "${schema}"."${options.sequence}" TO "${role}"`]
        : []),
    ],
    role,
  );
}

/**
 * The tables of a later migration that the service may read and write: named one by one, so the
 * schema's append-only tables keep their narrower grants.
 */
export function tableGrantsSql(
  schema: string,
  tables: string[],
  options: { sequences?: string[] } = {},
  role = serviceDatabaseRole(),
): string {
  return forServiceRoleSql(
    [
      ...tables.map(
        (t) => `GRANT SELECT, INSERT, UPDATE, DELETE ON "${schema}"."${t}" TO "${role}"`,
      ),
      ...(options.sequences ?? []).map(
        (seq) => `GRANT USAGE, SELECT ON SEQUENCE "${schema}"."${seq}" TO "${role}"`,
      ),
    ],
    role,
  );
}

/** Takes UPDATE on a table from the service role (what was written stays as written). */
export function revokeUpdateSql(schema: string, table: string, role = serviceDatabaseRole()) {
  return forServiceRoleSql([`REVOKE UPDATE ON "${schema}"."${table}" FROM "${role}"`], role);
}

/**
 * Takes DELETE and TRUNCATE on a table from the service role: a record whose status changes
 * (each change audited) but whose rows stay on record.
 */
export function revokeDeleteSql(schema: string, table: string, role = serviceDatabaseRole()) {
  return forServiceRoleSql(
    [`REVOKE DELETE, TRUNCATE ON "${schema}"."${table}" FROM "${role}"`],
    role,
  );
}

/** Runs the statements for the service role, skipped when that role does not exist. */
function forServiceRoleSql(statements: string[], role: string): string {
  return `DO $grants$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
      ${statements.map((s) => `EXECUTE '${s.replace(/'/g, "''")}';`).join('\n      ')}
    END IF;
  END $grants$`;
}
