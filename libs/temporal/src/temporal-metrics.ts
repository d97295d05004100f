import { Runtime } from '@temporalio/worker';
import { TASK_QUEUES } from '@v2v/contracts';

export type TaskQueue = (typeof TASK_QUEUES)[keyof typeof TASK_QUEUES];

/**
 * Where each worker process serves the Temporal SDK's own metrics (task slots, poll and
 * schedule-to-start latency, sticky cache): one port per process, keyed by the task queue it
 * polls, on loopback like the services' HTTP ports. TEMPORAL_METRICS_PORT overrides it.
 */
export const TEMPORAL_METRICS_PORTS: Record<TaskQueue, number> = {
  journey: 9464,
  'donor-intake': 9465,
  production: 9466,
  release: 9467,
  traceability: 9468,
};

/** `host:port` of a worker process's Prometheus endpoint (`/metrics`). */
export function temporalMetricsAddress(
  taskQueue: TaskQueue,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const port = env.TEMPORAL_METRICS_PORT ?? String(TEMPORAL_METRICS_PORTS[taskQueue]);
  if (!/^[0-9]{1,5}$/.test(port)) throw new Error(`TEMPORAL_METRICS_PORT: a TCP port number`);
  return `127.0.0.1:${port}`;
}

/**
 * Installs the process's Temporal runtime with a Prometheus exporter. The runtime is created
 * once per process, by the first worker or native connection, so this runs before either.
 */
export function installTemporalMetrics(bindAddress: string): void {
  Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress } } } });
}
