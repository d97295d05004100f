import './tracing';
import { NativeConnection, Worker } from '@temporalio/worker';
import { TASK_QUEUES } from '@v2v/contracts';
import {
  installTemporalMetrics,
  temporalConnectionOptions,
  temporalMetricsAddress,
  tracingWorkflowSinks,
} from '@v2v/temporal';
import { runningTracing, stopTracing } from '@v2v/tracing';
import { readWorkerConfig, workflowCodeOf } from './worker-config';

/**
 * The journey worker: workflows only (activities run in the services that own the data),
 * one connection for the process, a pre-built bundle when WORKFLOW_BUNDLE_PATH is set (or
 * WORKFLOW_TRACED_BUNDLE_PATH while tracing is on: its workflows' spans leave through a sink).
 */
async function main(): Promise<void> {
  const config = readWorkerConfig(process.env);
  const { env, namespace, maxCachedWorkflows, workflowThreadPoolSize } = config;
  const traced = runningTracing() !== undefined;
  const metricsAddress = temporalMetricsAddress(TASK_QUEUES.journey, env);
  installTemporalMetrics(metricsAddress);
  const connection = await NativeConnection.connect(temporalConnectionOptions(env));
  const worker = await Worker.create({
    connection,
    namespace,
    taskQueue: TASK_QUEUES.journey,
    ...workflowCodeOf(config, traced),
    sinks: tracingWorkflowSinks(),
    shutdownGraceTime: '10s',
    maxCachedWorkflows,
    workflowThreadPoolSize,
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => worker.shutdown());
  console.log(`journey worker running on task queue '${TASK_QUEUES.journey}'`);
  console.log(`journey worker metrics on http://${metricsAddress}/metrics`);
  if (traced) console.log('journey worker traces its workflows (OTEL_EXPORTER_OTLP_ENDPOINT)');
  try {
    await worker.run();
  } finally {
    await connection.close();
    await stopTracing();
  }
}

main().catch((error) => {
  console.error(`journey worker failed: ${error instanceof Error ? error.stack : error}`);
  process.exit(1);
});
