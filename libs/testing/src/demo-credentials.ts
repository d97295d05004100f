/**
 * The demo users' password: SEED_USER_PASSWORD, or the local default. Only the local seeder
 * (tools/platform/demo-users.seeder.ts, refused outside NODE_ENV=development|test) gives an
 * account this password, and no migration creates an account, so no deployment has one.
 */
export function demoUserPassword(env: NodeJS.ProcessEnv = process.env): string {
  return env.SEED_USER_PASSWORD ?? 'change-me-now';
}
