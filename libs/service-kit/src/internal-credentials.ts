/**
 * The credential callers of a service's internal API present (the gateway today): a shared
 * secret of at least 32 bytes per deployment. The development token is known to everyone, so
 * it is refused outside development and test, as the development JWT secret is.
 */
const DEV_TOKEN = 'local-development-internal-service-token-0001';
const LOCAL = new Set(['development', 'test']);
const MIN_BYTES = 32;

/** Read and checked at boot by every app that calls or serves an internal API (fails closed). */
export function internalServiceToken(env: NodeJS.ProcessEnv = process.env): string {
  const token = env.INTERNAL_SERVICE_TOKEN;
  if (LOCAL.has(env.NODE_ENV ?? '')) return token ?? DEV_TOKEN;
  if (!token) {
    throw new Error(
      'INTERNAL_SERVICE_TOKEN must be set outside NODE_ENV=development|test: the credential of internal calls (docs/security.md)',
    );
  }
  if (token === DEV_TOKEN) {
    throw new Error(
      'INTERNAL_SERVICE_TOKEN is the development token, refused outside development|test',
    );
  }
  if (Buffer.byteLength(token, 'utf8') < MIN_BYTES) {
    throw new Error(`INTERNAL_SERVICE_TOKEN must be at least ${MIN_BYTES} bytes`);
  }
  return token;
}

/** The header an internal caller sends. */
export function internalCallHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
