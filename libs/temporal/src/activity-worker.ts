import { NativeConnection, Worker } from '@temporalio/worker';
import { temporalNamespace } from './temporal-config';
import { temporalConnectionOptions } from './temporal-tls';
import { tracingActivityInterceptors } from './temporal-tracing';

export interface ActivityWorkerHandle {
  worker: Worker;
  /** Resolves when the worker has stopped (after `shutdown`). */
  done: Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * Runs an activity-only worker on the service's own task queue. `shutdownGraceTime`
 * lets running activities finish when the process gets SIGTERM. Each activity continues the
 * trace of the workflow that scheduled it when tracing is on.
 */
export async function startActivityWorker(options: {
  taskQueue: string;
  activities: object;
  maxConcurrentActivityTaskExecutions?: number;
  /** The app's validated config (where to connect); the process environment by default. */
  env?: NodeJS.ProcessEnv;
}): Promise<ActivityWorkerHandle> {
  const env = options.env ?? process.env;
  const connection = await NativeConnection.connect(temporalConnectionOptions(env));
  const worker = await Worker.create({
    connection,
    namespace: temporalNamespace(env),
    taskQueue: options.taskQueue,
    activities: options.activities,
    maxConcurrentActivityTaskExecutions: options.maxConcurrentActivityTaskExecutions ?? 20,
    shutdownGraceTime: '10s',
    interceptors: { activity: tracingActivityInterceptors() },
  });
  const done = worker.run().finally(() => connection.close());
  return {
    worker,
    done,
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
