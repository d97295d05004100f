import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Connection } from '@temporalio/client';
import { pollUntil } from '@v2v/testing';
import { runInfraScriptInBackground } from '../platform/infra';
import {
  PLATFORM_PROCESS_NAMES,
  pidFile,
  platformProcessReady,
} from '../platform/platform-processes';
import { type Component, isServer, type Server } from './kill-plan';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Where each component's pid is recorded: the launcher's pid files for the platform's
 * processes; tools/infra's `.data/run/<name>.pid` for Kafka and Temporal (the daemon's own pid,
 * `start_daemon` execs the server); PostgreSQL's own `postmaster.pid` (its first line).
 */
function pidFileOf(component: Component): string {
  if (component === 'postgres') return path.join(ROOT, '.data/postgres/data/postmaster.pid');
  if (isServer(component)) return path.join(ROOT, '.data/run', `${component}.pid`);
  return pidFile(component);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The component's running pid as recorded; undefined when none is recorded or it is gone. */
export function pidOf(component: Component): number | undefined {
  const file = pidFileOf(component);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0].trim());
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : undefined;
}

/**
 * The suite kills the servers tools/infra runs for this checkout; a server named by the
 * environment is someone else's, and is refused rather than killed.
 */
export function requireLocalServers(env: NodeJS.ProcessEnv = process.env): void {
  const external = ['TEMPORAL_ADDRESS', 'KAFKA_BROKERS', 'DATABASE_URL'].filter((v) => env[v]);
  if (external.length)
    throw new Error(
      `the fault suite kills the servers tools/infra starts; unset ${external.join(', ')}`,
    );
}

/** `kill -9` of the component's recorded pid; resolves once the process is gone. */
export async function killHard(component: Component): Promise<number> {
  const pid = pidOf(component);
  if (pid === undefined) throw new Error(`${component} is not running: no live pid recorded`);
  process.kill(pid, 'SIGKILL');
  await pollUntil(`${component} (pid ${pid}) gone`, async () => (alive(pid) ? undefined : true), {
    timeoutMs: 30_000,
    intervalMs: 100,
  });
  return pid;
}

/**
 * Starts a killed server again the way `npm run infra:up` does (idempotent: the servers still
 * running are left alone). A first try may be refused while the killed server's last
 * resources go (PostgreSQL's backends leave its shared memory as they notice), so it is tried
 * again after a pause, a bounded number of times.
 */
export async function startServerAgain(server: Server, log: (text: string) => void) {
  for (let attempt = 1; attempt <= 6; attempt += 1) {
    const code = await runInfraScriptInBackground('up', log);
    if (code === 0 && pidOf(server) !== undefined) return;
    log(`[faults] tools/infra/up.sh exited ${code} starting ${server} (try ${attempt}); again\n`);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  }
  throw new Error(`${server} did not start again after 6 runs of tools/infra/up.sh`);
}

/** Until the launcher has started the killed process again (a new pid) and it is ready. */
export async function restartedByLauncher(
  name: string,
  killedPid: number,
  connection: Connection,
  timeoutMs: number,
): Promise<void> {
  await pollUntil(
    `${name} started again by the launcher`,
    async () => {
      const pid = pidOf(name as Component);
      if (pid === undefined || pid === killedPid) return undefined;
      return (await platformProcessReady(name, connection)) ? true : undefined;
    },
    { timeoutMs, intervalMs: 500 },
  );
}

/**
 * Until every process of the platform is ready (health answering, which includes its database,
 * its consumers and an outbox without stale rows; the worker polling): what "recovered" means
 * after a kill. The processes still not ready at the timeout are returned.
 */
export async function platformRecovered(
  connection: Connection,
  timeoutMs: number,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await Promise.all(
      PLATFORM_PROCESS_NAMES.map((name) => platformProcessReady(name, connection)),
    );
    const waiting = PLATFORM_PROCESS_NAMES.filter((_, i) => !ready[i]);
    if (!waiting.length || Date.now() >= deadline) return waiting;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
