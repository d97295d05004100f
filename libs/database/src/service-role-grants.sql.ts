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
  return `DO $grants$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
      ${statements.map((s) => `EXECUTE '${s.replace(/'/g, "''")}';`).join('\n      ')}
    END IF;
  END $grants$`;
}
