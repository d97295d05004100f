import { ChildProcess, spawn } from 'node:child_process';
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

export interface RunningPlatform {
  stop(): Promise<void>;
}

/**
 * Starts the journey worker and every app as its own Node process, prefixes their output,
 * and resolves when each is ready (health endpoint answering, or worker polling its task
 * queue). A process that exits early fails the start with its name.
 */
export async function startPlatformProcesses(options: {
  log?: (line: string) => void;
  output?: (name: string, line: string) => void;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<RunningPlatform> {
  const log = options.log ?? console.log;
  const children: Array<{ name: string; child: ChildProcess }> = [];
  let stopping = false;
  const exited = new Promise<never>((_, reject) => {
    for (const app of APPS) {
      const child = spawn(
        process.execPath,
        [`--max-old-space-size=${app.heapMb}`, '-r', '@swc-node/register', app.entry],
        { cwd: ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      children.push({ name: app.name, child });
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
        if (!stopping)
          reject(new Error(`${app.name} exited early (code ${code}, signal ${signal})`));
      });
    }
  });
  exited.catch(() => undefined);

  const stop = async () => {
    stopping = true;
    await Promise.all(children.map(({ child }) => terminate(child)));
  };

  try {
    await Promise.race([waitAllReady(log, options.timeoutMs ?? 120_000), exited]);
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
