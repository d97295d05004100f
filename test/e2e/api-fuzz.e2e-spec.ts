import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Role } from '@v2v/contracts';
import { demoTrainingRecords } from '../../tools/platform/demo-users';
import { api, login, strongPassword, today, unique } from './support/accounts';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

/**
 * An account of the role, trained for every operation the role may perform (as its demo user
 * is), signed in once to set `password`. The fuzzer signs with random passwords, which locks
 * an account (CSV-03's limit on password guessing): it never runs as a demo user that other
 * files sign in as.
 */
async function fuzzingAccount(role: Role, password: string): Promise<string> {
  const username = `fuzz-${role}-${unique()}`;
  const temporaryPassword = strongPassword();
  const created = await api.as('admin', 'POST', '/api/admin/users', {
    body: { username, displayName: `fuzzer ${role}`, role, temporaryPassword },
  });
  expect(created.status).toBe(201);
  const user = { username, role, institutionId: null, displayName: '', trainedUntil: '' };
  for (const { operation } of demoTrainingRecords(user)) {
    const trained = await api.as('admin', 'POST', `/api/admin/users/${username}/training-records`, {
      body: { operation, validFrom: today(), validUntil: today(365) },
    });
    expect(trained.status).toBe(201);
  }
  const first = await login(username, temporaryPassword);
  const changed = await api.request('POST', '/api/auth/password', {
    body: { currentPassword: temporaryPassword, newPassword: password },
    token: first.body.accessToken,
  });
  expect(changed.status).toBe(204);
  return username;
}

/**
 * Issue 16's schema-driven fuzzer in its short form: `npm run fuzz` over every operation of the
 * served OpenAPI document, two cases an operation, as the two roles most routes let past their
 * role guard (so the cases reach the services and their database). The long form, every role
 * and ten or more cases an operation, is `npm run fuzz -- 10 <users…>` (docs/reliability.md).
 * A 5xx or a request left unanswered fails the run, printed with the request that reproduces it.
 */
describe('the API under schema-driven fuzzing, short form', () => {
  it('answers every generated case without a server error, as ops and as qa-qp', async () => {
    const password = strongPassword();
    const users = [await fuzzingAccount('ops', password), await fuzzingAccount('qa-qp', password)];
    const { stdout } = await run('bash', ['tools/faults/fuzz-api.sh', '2', ...users], {
      cwd: ROOT,
      env: { ...process.env, V2V_DEMO_PASSWORD: password },
      timeout: 420_000,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((failed: { stdout?: string; stderr?: string; message: string }) => {
      const output = `${failed.stdout ?? ''}${failed.stderr ?? failed.message}`;
      throw new Error(`the fuzzer reported failures or errors:\n${output}`);
    });
    const generated = [...stdout.matchAll(/([0-9]+) generated, ([0-9]+) passed/g)];
    expect(generated).toHaveLength(2);
    for (const [, cases, passed] of generated) {
      expect(Number(cases)).toBeGreaterThan(150);
      expect(passed).toBe(cases);
    }
  }, 480_000);
});
