/** Local embedded default: the cluster `npm run infra:up` starts (tools/infra). */
export const DEFAULT_DATABASE_URL = 'postgres://v2v:v2v@127.0.0.1:55432/v2v';

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}
