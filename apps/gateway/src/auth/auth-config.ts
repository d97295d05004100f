const DEV_SECRET = 'local-development-only-secret-change-me';

/** JWT settings, read once. A production process refuses to start on the dev secret. */
export function authConfig(env: NodeJS.ProcessEnv = process.env) {
  const secret = env.JWT_SECRET ?? DEV_SECRET;
  if (env.NODE_ENV === 'production' && secret === DEV_SECRET) {
    throw new Error('JWT_SECRET must be set in production');
  }
  return { secret, ttl: env.JWT_TTL ?? '15m' };
}
