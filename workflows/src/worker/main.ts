import { NativeConnection, Worker } from '@temporalio/worker';
import { TASK_QUEUES } from '@v2v/contracts';
import {
  installTemporalMetrics,
  temporalConnectionOptions,
  temporalMetricsAddress,
} from '@v2v/temporal';
import { WORKFLOWS_PATH } from './workflow-bundle';
import { readWorkerConfig } from './worker-config';

/**
 * The journey worker: workflows only (activities run in the services that own the data),
 * one connection for the process, a pre-built bundle when WORKFLOW_BUNDLE_PATH is set.
 */
async function main(): Promise<void> {
  const { env, namespace, bundlePath, maxCachedWorkflows } = readWorkerConfig(process.env);
  const metricsAddress = temporalMetricsAddress(TASK_QUEUES.journey, env);
  installTemporalMetrics(metricsAddress);
  const connection = await NativeConnection.connect(temporalConnectionOptions(env));
  const worker = await Worker.create({
    connection,
    namespace,
    taskQueue: TASK_QUEUES.journey,
    ...(bundlePath
      ? { workflowBundle: { codePath: bundlePath } }
      : { workflowsPath: WORKFLOWS_PATH }),
    shutdownGraceTime: '10s',
    maxCachedWorkflows,
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => worker.shutdown());
  console.log(`journey worker running on task queue '${TASK_QUEUES.journey}'`);
  console.log(`journey worker metrics on http://${metricsAddress}/metrics`);
  try {
    await worker.run();
  } finally {
    await connection.close();
  }
}

main().catch((error) => {
  console.error(`journey worker failed: ${error instanceof Error ? error.stack : error}`);
  process.exit(1);
});
