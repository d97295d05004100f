const DEV_SECRET = 'local-development-only-secret-change-me';
const LOCAL_ENVIRONMENTS = ['development', 'test'];
/** HS256 keys shorter than the hash output (32 bytes) weaken it (RFC 7518 §3.2). */
const MIN_SECRET_BYTES = 32;

/**
 * JWT settings, read once at boot. Fails closed: only on a developer's machine or in the tests
 * (`NODE_ENV=development|test`) may the gateway run on the published development secret;
 * anywhere else — `NODE_ENV` unset included — it refuses to start without a secret of its own
 * of at least 32 bytes.
 */
export function authConfig(env: NodeJS.ProcessEnv) {
  const local = LOCAL_ENVIRONMENTS.includes(env.NODE_ENV ?? '');
  const secret = env.JWT_SECRET ?? (local ? DEV_SECRET : undefined);
  if (!local) {
    const where = `NODE_ENV=${env.NODE_ENV ?? '(unset)'}`;
    if (!secret) throw new Error(`JWT_SECRET must be set (${where})`);
    if (secret === DEV_SECRET)
      throw new Error(`JWT_SECRET is the published development secret (${where})`);
    if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES)
      throw new Error(`JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes (${where})`);
  }
  return { secret: secret as string, ttl: env.JWT_TTL ?? '15m' };
}
