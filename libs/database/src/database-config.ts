/**
 * Local embedded defaults: the cluster `npm run infra:up` starts (tools/infra). Services
 * connect as `v2v_app`, which holds only the grants the migrations give it; migrations run
 * as the owner `v2v`.
 */
export const DEFAULT_DATABASE_URL = 'postgres://v2v_app:v2v_app@127.0.0.1:55432/v2v';
export const DEFAULT_MIGRATION_DATABASE_URL = 'postgres://v2v:v2v@127.0.0.1:55432/v2v';

/** The services' connection. */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

/**
 * The schema owner's connection, for migrations (and tests that create throwaway schemas).
 * With only DATABASE_URL set (one external user for everything), that one is used.
 */
export function migrationDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL ?? DEFAULT_MIGRATION_DATABASE_URL;
}

/** The role the services connect as, which the migrations grant to. */
export function serviceDatabaseRole(env: NodeJS.ProcessEnv = process.env): string {
  return env.V2V_SERVICE_DB_ROLE ?? 'v2v_app';
}
