import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { TASK_QUEUES } from '@v2v/contracts';
import { SERVICE_PORTS } from '@v2v/service-kit';
import { temporalAddress, temporalNamespace } from '@v2v/temporal';

const ROOT = path.resolve(__dirname, '../..');

interface AppSpec {
  name: string;
  entry: string;
  /** HTTP health URL, or the task queues whose pollers prove the process is ready. */
  ready: { healthUrl: string } | { taskQueues: string[] };
  heapMb: number;
}

const health = (port: number) => `http://127.0.0.1:${port}/health`;

const APPS: AppSpec[] = [
  {
    name: 'journey-worker',
    entry: 'workflows/src/worker/main.ts',
    ready: { taskQueues: [TASK_QUEUES.journey] },
    heapMb: 512,
  },
  {
    name: 'donor-intake',
    entry: 'apps/donor-intake/src/main.ts',
    ready: { healthUrl: health(SERVICE_PORTS.donorIntake) },
    heapMb: 256,
  },
  {
    name: 'production',
    entry: 'apps/production/src/main.ts',
    ready: { healthUrl: health(SERVICE_PORTS.production) },
    heapMb: 256,
  },
  {
    name: 'release',
    entry: 'apps/release/src/main.ts',
    ready: { healthUrl: health(SERVICE_PORTS.release) },
    heapMb: 256,
  },
  {
    name: 'traceability',
    entry: 'apps/traceability/src/main.ts',
    ready: { healthUrl: health(SERVICE_PORTS.traceability) },
    heapMb: 256,
  },
  {
    name: 'gateway',
    entry: 'apps/gateway/src/main.ts',
    ready: { healthUrl: health(SERVICE_PORTS.gateway) },
    heapMb: 256,
  },
];

/** The launcher's processes by name, as their pid files are named. */
export const PLATFORM_PROCESS_NAMES = APPS.map((app) => app.name);

/**
 * Whether the launcher's process `name` is ready: its health check answers, or (the journey
 * worker) it polls its task queue. False while Temporal cannot be asked.
 */
export async function platformProcessReady(name: string, connection: Connection): Promise<boolean> {
  const app = APPS.find((a) => a.name === name);
  if (!app) throw new Error(`the platform has no process ${name}`);
  return isReady(app, connection).catch(() => false);
}

export interface RunningPlatform {
  stop(): Promise<void>;
}

/** Where each process's pid is kept while it runs, for operators and the fault tests. */
export const PID_DIR = path.join(ROOT, '.data/run/platform');
export const pidFile = (name: string) => path.join(PID_DIR, `${name}.pid`);

/** Records a process's pid; the folder is made again if something removed it meanwhile. */
function writePid(name: string, pid: number): void {
  mkdirSync(PID_DIR, { recursive: true });
  writeFileSync(pidFile(name), `${pid}\n`);
}

/** Removes a pid file if it is still this process's. */
function removePid(name: string, pid: number | undefined): void {
  const file = pidFile(name);
  if (pid !== undefined && existsSync(file) && readFileSync(file, 'utf8').trim() === String(pid))
    rmSync(file, { force: true });
}

/** A crashed process is started again after this pause, unless it crashes too often. */
const RESTART_DELAY_MS = 1_000;
const RESTARTS_PER_MINUTE = 5;

/**
 * Starts the journey worker and every app as its own Node process, prefixes their output,
 * and resolves when each is ready (health endpoint answering, or worker polling its task
 * queue). A process that exits early fails the start with its name. Once started, a process
 * that dies (a crash, `kill -9`) is started again, as a service manager would: durable work
 * waits in Temporal, Kafka and the outbox meanwhile, so nothing is lost by the restart.
 */
export async function startPlatformProcesses(options: {
  log?: (line: string) => void;
  output?: (name: string, line: string) => void;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<RunningPlatform> {
  const log = options.log ?? console.log;
  const children = new Map<string, ChildProcess>();
  let started = false;
  let stopping = false;
  let failStart: (error: Error) => void = () => undefined;
  const exited = new Promise<never>((_, reject) => (failStart = reject));
  exited.catch(() => undefined);

  const launch = (app: AppSpec, restarts: number[]) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${app.heapMb}`, '-r', '@swc-node/register', app.entry],
      { cwd: ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.set(app.name, child);
    if (child.pid) writePid(app.name, child.pid);
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream?.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) options.output?.(app.name, line);
      });
    }
    child.on('exit', (code, signal) => {
      if (stopping) return;
      const why = `${app.name} exited (code ${code}, signal ${signal})`;
      if (!started) return failStart(new Error(`${why} before it was ready`));
      const now = Date.now();
      const recent = [...restarts.filter((t) => now - t < 60_000), now];
      if (recent.length > RESTARTS_PER_MINUTE) {
        log(`${why}; it crashed ${recent.length} times in a minute, not restarted`);
        return;
      }
      log(`${why}; restarting it`);
      setTimeout(() => !stopping && launch(app, recent), RESTART_DELAY_MS);
    });
  };
  for (const app of APPS) launch(app, []);

  const stop = async () => {
    stopping = true;
    await Promise.all([...children.values()].map(terminate));
    // Only this launcher's own pid files: another platform (an e2e run refused its ports) keeps
    // its own.
    for (const [name, child] of children) removePid(name, child.pid);
  };

  try {
    await Promise.race([waitAllReady(log, options.timeoutMs ?? 120_000), exited]);
    started = true;
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}

async function waitAllReady(log: (line: string) => void, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const connection = await Connection.connect({ address: temporalAddress() });
  try {
    await Promise.all(
      APPS.map(async (app) => {
        while (Date.now() < deadline) {
          if (await isReady(app, connection)) {
            log(`ready: ${app.name}`);
            return;
          }
          await new Promise((r) => setTimeout(r, 300));
        }
        throw new Error(`${app.name} not ready after ${timeoutMs} ms`);
      }),
    );
  } finally {
    await connection.close();
  }
}

async function isReady(app: AppSpec, connection: Connection): Promise<boolean> {
  if ('healthUrl' in app.ready) {
    try {
      const res = await fetch(app.ready.healthUrl, { signal: AbortSignal.timeout(2000) });
      return res.ok;
    } catch {
      return false;
    }
  }
  for (const name of app.ready.taskQueues) {
    const res = await connection.workflowService.describeTaskQueue({
      namespace: temporalNamespace(),
      taskQueue: { name },
      taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
    });
    if ((res.pollers ?? []).length === 0) return false;
  }
  return true;
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
