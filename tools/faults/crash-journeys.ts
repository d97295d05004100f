import { randomInt } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { SERVICE_PORTS } from '@v2v/service-kit';
import { startPlatformForTests } from '../platform/platform-for-tests';
import type { RunningPlatform } from '../platform/platform-processes';
import { formatCrashReport, runCrashSuite } from './crash-suite';
import { pidOf } from './fault-targets';
import { PLATFORM_PROCESSES } from './kill-plan';

const LOG_DIR = path.resolve(__dirname, '../../.data/logs');

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a count: ${value}`);
  return value;
};

/**
 * `npm run faults` (issue 16, the crash suite's long form): JOURNEYS whole journeys (100),
 * CONCURRENCY at a time (4), while KILLS `kill -9`s (30, every component at least once) hit
 * the platform's processes, the journey worker, Kafka, Temporal and PostgreSQL at moments a
 * seeded PRNG picks (SEED, printed: the same seed repeats the plan). Uses the running platform
 * (`npm start`, whose launcher starts a killed process again); without one it starts the
 * platform as the e2e tier does and stops it after. Prints the figures; exit code 1 on any
 * failed check. Progress and the servers' restarts go to .data/logs/faults-*.log.
 */
async function main(): Promise<number> {
  process.env.NODE_ENV ??= 'development';
  const seed = num('SEED', randomInt(1, 2 ** 31 - 1));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `faults-${stamp}.log`);
  const log = (line: string) => {
    console.log(line);
    appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`);
  };
  log(`npm run faults: SEED=${seed} (log ${logFile})`);
  let platform: RunningPlatform | undefined;
  if (PLATFORM_PROCESSES.some((p) => pidOf(p) === undefined)) {
    log('no running platform of this checkout: starting it as the e2e tier does');
    platform = await startPlatformForTests(path.join(LOG_DIR, `faults-platform-${stamp}.log`));
  }
  try {
    const report = await runCrashSuite({
      journeys: num('JOURNEYS', 100),
      concurrency: Math.max(1, num('CONCURRENCY', 4)),
      kills: num('KILLS', 30),
      seed,
      gatewayUrl: process.env.GATEWAY_URL ?? `http://127.0.0.1:${SERVICE_PORTS.gateway}`,
      requestPatienceMs: 10 * 60_000,
      recoveryMs: 3 * 60_000,
      settleMs: 3 * 60_000,
      stuckAttempts: num('STUCK_ATTEMPTS', 5),
      log,
      infraLog: (text) => appendFileSync(logFile, text),
    });
    for (const line of formatCrashReport(report)) log(line);
    return report.failures.length ? 1 : 0;
  } finally {
    await platform?.stop();
  }
}

// Exits when done: a client's idle keep-alive socket must not hold the process open.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`npm run faults failed: ${error instanceof Error ? error.stack : error}`);
    process.exit(2);
  },
);
