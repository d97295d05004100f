import { Logger } from '@nestjs/common';
import type { Admin } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  createKafka,
  InboxConsumer,
  EventHandler,
  KafkaJsEventPublisher,
  OutboxBacklogRepository,
  OutboxRelay,
  RefusalRecordRepository,
} from '@v2v/messaging';
import {
  ActivityWorkerHandle,
  asTemporalActivities,
  installTemporalMetrics,
  startActivityWorker,
  TaskQueue,
  temporalMetricsAddress,
} from '@v2v/temporal';
import { BackgroundProcess } from './background-processes';
import {
  consumerLag,
  kafkaMessagesConsumed,
  kafkaMessagesSetAside,
  outboxGauges,
  outboxRelayed,
  outboxSetAside,
} from './metrics';

const STALE_OUTBOX_MS = 60_000;

export function outboxRelayProcess(
  dataSource: DataSource,
  schema: string,
  clientId: string,
  env: NodeJS.ProcessEnv = process.env,
): BackgroundProcess {
  const publisher = new KafkaJsEventPublisher(createKafka(clientId, undefined, env));
  const relay = new OutboxRelay({
    dataSource,
    schema,
    publisher,
    onError: (error) => console.error(`[${clientId} outbox relay] ${(error as Error).message}`),
    onSetAside: (row) => {
      outboxSetAside.inc({ schema });
      new Logger(`${schema} outbox relay`).error(row, 'outbox row set aside');
    },
    onRelayed: (rows) => outboxRelayed.inc({ schema }, rows),
  });
  outboxGauges.watch(schema, new OutboxBacklogRepository(dataSource, schema));
  return {
    name: `${schema} outbox relay`,
    start: async () => relay.start(),
    stop: async () => {
      await relay.stop();
      await publisher.disconnect();
    },
    health: async () => {
      const age = await relay.oldestUnpublishedAgeMs();
      return {
        healthy: age < STALE_OUTBOX_MS,
        detail: { oldestUnpublishedAgeMs: Math.round(age) },
      };
    },
  };
}

/**
 * The service's activity worker. Every activity passes through `asTemporalActivities`, which
 * turns a domain refusal into the step's failure and first records it in the service's
 * `refusal_record`, so no service can wire a worker whose refusals leave no trace. The process's
 * Temporal runtime is installed first, serving the SDK's metrics on the task queue's port.
 */
export function activityWorkerProcess(
  taskQueue: TaskQueue,
  activities: object,
  refusals: RefusalRecordRepository,
  env: NodeJS.ProcessEnv = process.env,
): BackgroundProcess {
  let handle: ActivityWorkerHandle | undefined;
  return {
    name: `activity worker (${taskQueue})`,
    start: async () => {
      installTemporalMetrics(temporalMetricsAddress(taskQueue, env));
      handle = await startActivityWorker({
        taskQueue,
        env,
        activities: asTemporalActivities(activities, (refusal) => refusals.record(refusal)),
      });
      // A worker that dies takes the process down rather than leaving it alive and idle.
      handle.done.catch((error) => {
        console.error(`[${taskQueue} worker] fatal: ${error}`);
        process.exit(1);
      });
    },
    stop: async () => handle?.shutdown(),
    health: async () => {
      const state = handle?.worker.getState();
      return { healthy: state === 'RUNNING', detail: { state } };
    },
  };
}

export function inboxConsumerProcess(options: {
  dataSource: DataSource;
  schema: string;
  groupId: string;
  topics: string[];
  handler: EventHandler;
  /** The app's validated config; the process environment by default. */
  env?: NodeJS.ProcessEnv;
}): BackgroundProcess {
  const { env, ...consumerOptions } = options;
  const logger = new Logger(`${options.groupId} consumer`);
  const kafka = createKafka(options.groupId, undefined, env);
  let admin: Admin | undefined;
  const consumer = new InboxConsumer({
    ...consumerOptions,
    kafka,
    logger: {
      error: (msg, extra) => logger.error(extra, msg),
      warn: (msg, extra) => logger.warn(extra, msg),
    },
    // A bad message is set aside and never reaches here; only the broker or the database being
    // away does. The process stays up (its HTTP API still answers), restarts the consumer for
    // as long as the outage lasts, and reports it unhealthy after a few crashes in a row.
    onCrash: (error, restarts, restartInMs) =>
      logger.error({ error: String(error), restarts, restartInMs }, 'consumer crashed; restarting'),
    onConsumed: (topic) => kafkaMessagesConsumed.inc({ group: options.groupId, topic }),
    onSetAside: (topic, reason) =>
      kafkaMessagesSetAside.inc({ group: options.groupId, topic, reason }),
  });
  return {
    name: `${options.groupId} consumer`,
    start: async () => {
      await consumer.start();
      // The lag is read at scrape through an admin client of its own, held while it runs.
      admin = kafka.admin();
      await admin.connect();
      const connected = admin;
      consumerLag.watch(options.groupId, options.topics, () => connected);
    },
    stop: async () => {
      await consumer.stop();
      await admin?.disconnect();
    },
    health: async () => ({
      healthy: consumer.failure === undefined,
      detail: {
        lastProgressAt: consumer.lastProgress.toISOString(),
        ...(consumer.failure === undefined ? {} : { crashing: String(consumer.failure) }),
      },
    }),
  };
}
