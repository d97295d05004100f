import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client as PgClient } from 'pg';
import { migrationDatabaseUrl } from '@v2v/database';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

/** Runs a bench script with SMOKE=1 against the stack the e2e tier started; its stdout. */
async function smoke(script: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run('npm', ['run', '--silent', script], {
    cwd: ROOT,
    env: { ...process.env, SMOKE: '1', ...env },
    timeout: 240_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/** A results row of the bench's table: `| id | measured | floor | 1.23× | goal |`. */
const ratioRow = (id: string) => new RegExp(`^\\| ${id} \\| .+ \\| [0-9]+\\.[0-9]{2}× \\|`, 'm');

/**
 * Issue 15: the benchmarks run in CI in their short form, so they cannot rot. Their figures are
 * noise at this size; what is checked is that each measures and prints its ratio.
 */
describe('benchmarks, short form', () => {
  it('P2 and P9 measure orders through the gateway against bare workflow starts', async () => {
    const out = await smoke('bench:journeys', { BENCH: 'P2,P9' });
    expect(out).toMatch(ratioRow('P2'));
    expect(out).toMatch(ratioRow('P9'));
    // The short burst must not see a 5xx or a request left unanswered.
    expect(out).toMatch(/\| P9 \| [0-9.]+ orders\/s, 0 5xx or unanswered \|/);
  }, 300_000);

  it('P4 measures the outbox relay against raw kafkajs and leaves no row unpublished', async () => {
    const out = await smoke('bench:outbox');
    expect(out).toMatch(/P4 ratio \(median of 1\): [0-9]+\.[0-9]{2}×/);
  }, 300_000);

  it('P3 traces donor ⇄ patient over a loaded ledger against one indexed SELECT, then drops its database', async () => {
    const out = await smoke('bench:trace');
    expect(out).toMatch(/^\| P3 \| donor → patient p99 .+ \| [0-9]+\.[0-9]{2}× \|/m);
    expect(out).toMatch(/^\| P3 \| patient → donor p99 .+ \| [0-9]+\.[0-9]{2}× \|/m);
    expect(out).toMatch(/P3: 500 journeys' ledger, 7500 entries/);
    const db = new PgClient({ connectionString: migrationDatabaseUrl() });
    await db.connect();
    try {
      const { rowCount } = await db.query(
        `SELECT 1 FROM pg_database WHERE datname = 'v2v_bench_trace'`,
      );
      expect(rowCount).toBe(0);
    } finally {
      await db.end();
    }
  }, 300_000);

  it('P5 and P6 measure ledger appends against plain INSERTs and verify against scan and sha256', async () => {
    const out = await smoke('bench:ledger');
    expect(out).toMatch(/P5 ratio \(mean of 1\): [0-9]+\.[0-9]{2}×/);
    expect(out).toMatch(/^P6 round 1: [0-9]+ entries .+ valid true; .+ ratio [0-9]+\.[0-9]{2}×$/m);
    expect(out).toMatch(/P6 ratio against the lower floor \(median of 1\): [0-9]+\.[0-9]{2}×/);
  }, 300_000);

  it("P7 reads the journey worker's memory as open journeys grow and draws its slope", async () => {
    const out = await smoke('bench:open-journeys');
    expect(out).toMatch(/^ +10 started, .+ settled in [0-9]+ s, pid [0-9]+$/m);
    expect(out).toMatch(/^ +20 started, .+ settled in [0-9]+ s, pid [0-9]+$/m);
    expect(out).toMatch(/P7 slope: -?[0-9]+\.[0-9]{2} MiB per 1k journeys from 10 to 20 started/);
    expect(out).toMatch(
      /^\| P7 \| RSS [0-9]+ MiB with 20 started .+ \| 100k open, RSS < 2 GiB \|$/m,
    );
  }, 300_000);
});
