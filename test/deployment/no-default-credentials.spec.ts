import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

// No Docker engine or database here: what a deployment would run is checked by reading it,
// and the gateway's fail-closed boot by starting its entry point, which stops before connecting.
const ROOT = path.resolve(__dirname, '../..');
const MIGRATIONS = path.join(ROOT, 'apps/gateway/src/migrations');
const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });

function bootGateway(env: NodeJS.ProcessEnv) {
  const { JWT_SECRET, NODE_ENV, ...rest } = process.env;
  void JWT_SECRET;
  void NODE_ENV;
  return spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/gateway/src/main.ts'], {
    cwd: ROOT,
    env: { ...rest, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('no default credential outside local development', () => {
  it('CSV-03 the deployment sets no seed password and runs every app as production', () => {
    const services: Record<string, { environment?: Record<string, string> }> = compose.services;
    for (const [name, service] of Object.entries(services)) {
      expect({ name, env: Object.keys(service.environment ?? {}) }).not.toMatchObject({
        env: expect.arrayContaining(['SEED_USER_PASSWORD']),
      });
    }
    expect(services.gateway.environment?.NODE_ENV).toBe('production');
  });

  it('CSV-03 no gateway migration creates an account or a training record, or imports app code', () => {
    const files = readdirSync(MIGRATIONS).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = readFileSync(path.join(MIGRATIONS, file), 'utf8');
      expect({
        file,
        inserts: /INSERT INTO "(gateway|\$\{S\})"\."(user_account|training_record)"/.test(source),
      }).toEqual({ file, inserts: false });
      expect({ file, relativeImports: source.match(/from '\.[^']*'/g) ?? [] }).toEqual({
        file,
        relativeImports: [],
      });
      expect({ file, seedPassword: /SEED_USER_PASSWORD|change-me-now/.test(source) }).toEqual({
        file,
        seedPassword: false,
      });
    }
  });

  it.each([
    ['production without JWT_SECRET', { NODE_ENV: 'production' }, /JWT_SECRET must be set/],
    [
      'production on the development secret',
      { NODE_ENV: 'production', JWT_SECRET: 'local-development-only-secret-change-me' },
      /development secret/,
    ],
    [
      'production on a 31-byte secret',
      { NODE_ENV: 'production', JWT_SECRET: 'k'.repeat(31) },
      /at least 32 bytes/,
    ],
    ['an unset NODE_ENV without JWT_SECRET', {}, /JWT_SECRET must be set/],
  ])('CSV-03 the gateway refuses to boot with %s', (_, env, message) => {
    const boot = bootGateway({ ...env, PORT: '1' });
    expect(boot.status).not.toBe(0);
    expect(boot.stderr).toMatch(message);
  });
});
