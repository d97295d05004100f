import type { WorkerOptions } from '@temporalio/worker';
import { z } from 'zod';
import { WORKFLOW_TRACING_INTERCEPTORS } from '@v2v/temporal';
import { WORKFLOWS_PATH } from './workflow-bundle';

/**
 * The journey worker's configuration, read once at boot. The rest of the environment (the
 * TEMPORAL_TLS_* paths) passes through to `temporalConnectionOptions`, which checks it.
 */
const workerEnvSchema = z.looseObject({
  TEMPORAL_ADDRESS: z.string().min(1).optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).optional(),
  /**
   * A bundle built ahead (workflows `bundle`, the Docker image); the sources are bundled at start
   * otherwise.
   */
  WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
  /**
   * The same with Temporal's OpenTelemetry interceptors, run instead while tracing is on; the
   * sources are bundled with them at start otherwise.
   */
  WORKFLOW_TRACED_BUNDLE_PATH: z.string().min(1).optional(),
  /** Where the worker serves Temporal's Prometheus metrics (`TEMPORAL_METRICS_PORTS` otherwise). */
  TEMPORAL_METRICS_PORT: z
    .string()
    .regex(/^[0-9]{1,5}$/, 'a TCP port number')
    .optional(),
  /** How many journeys (and their children) the worker keeps in memory between their tasks. */
  JOURNEY_WORKER_CACHED_WORKFLOWS: z
    .string()
    .regex(/^[1-9][0-9]{0,5}$/, 'a whole number of workflows, at least 1')
    .optional(),
  /**
   * Threads that run workflow tasks (the SDK's `workflowThreadPoolSize`, 1 with its reused V8
   * context). See DEFAULT_WORKFLOW_THREADS for what chose the default.
   */
  JOURNEY_WORKER_THREADS: z
    .string()
    .regex(/^([1-9]|1[0-6])$/, 'a whole number of threads from 1 to 16')
    .optional(),
});

/**
 * The SDK's default cache is sized from the heap (about 210 workflows at 512 MB), which is more
 * than the journey's workflows fit: on 2026-12-02 the workflow thread ran out of heap with a
 * full default cache while `npm run bench:journeys` held about 1,100 journeys open. A journey
 * evicted from the cache is replayed at its next task (P8's cost), never lost. Once the bundle
 * lost zod (2026-12-04) a cache of 1,000 fitted (637 MiB resident after P9's burst against
 * 450 MiB at 100) but answered P9's reads no better (992 of 1,000 against 987), so it stays.
 */
export const DEFAULT_CACHED_WORKFLOWS = 100;

/**
 * Two workflow threads, not the SDK's one with a reused V8 context: under P9's burst (1,000
 * orders, 50 in flight, then each journey read; 2026-12-03, the same platform restarted between
 * runs) one thread left 929 of the 1,000 reads answered 503 (the query deadline passed while the
 * journey's tasks queued), two left 19 and 112 in two runs, with orders at 31.5/s against 34.2/s.
 */
export const DEFAULT_WORKFLOW_THREADS = 2;

export interface WorkerConfig {
  env: NodeJS.ProcessEnv;
  namespace: string;
  bundlePath?: string;
  tracedBundlePath?: string;
  maxCachedWorkflows: number;
  workflowThreadPoolSize: number;
}

export function readWorkerConfig(env: NodeJS.ProcessEnv): WorkerConfig {
  const result = workerEnvSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment:\n  ${problems.join('\n  ')}`);
  }
  const validated = result.data as NodeJS.ProcessEnv;
  return {
    env: validated,
    namespace: validated.TEMPORAL_NAMESPACE ?? 'default',
    bundlePath: validated.WORKFLOW_BUNDLE_PATH,
    tracedBundlePath: validated.WORKFLOW_TRACED_BUNDLE_PATH,
    maxCachedWorkflows: Number(
      validated.JOURNEY_WORKER_CACHED_WORKFLOWS ?? DEFAULT_CACHED_WORKFLOWS,
    ),
    workflowThreadPoolSize: Number(validated.JOURNEY_WORKER_THREADS ?? DEFAULT_WORKFLOW_THREADS),
  };
}

/**
 * The workflow code the worker runs: the bundle built ahead for whether it traces, or else the
 * sources, bundled at start (with the tracing interceptors when it traces). An untraced bundle
 * is never run by a tracing worker: its workflows would drop the trace at every update.
 */
export function workflowCodeOf(
  config: Pick<WorkerConfig, 'bundlePath' | 'tracedBundlePath'>,
  traced: boolean,
): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'interceptors'> {
  const bundlePath = traced ? config.tracedBundlePath : config.bundlePath;
  if (bundlePath) return { workflowBundle: { codePath: bundlePath } };
  return {
    workflowsPath: WORKFLOWS_PATH,
    ...(traced ? { interceptors: { workflowModules: [WORKFLOW_TRACING_INTERCEPTORS] } } : {}),
  };
}
