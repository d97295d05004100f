import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { CompressionTypes, Partitioners } from 'kafkajs';
import { DataSource } from 'typeorm';
import { migrationDatabaseUrl } from '@v2v/database';
import {
  appendToOutbox,
  createKafka,
  ensureTopics,
  KafkaJsEventPublisher,
  OutboxRelay,
} from '@v2v/messaging';
import { OutboxBenchRepository, type RawMessage } from './outbox-bench.repository';

/**
 * `npm run bench:outbox` (PostgreSQL and Kafka up: `npm start`, or `bash tools/infra/up.sh`):
 * issue 15's P4, the outbox relay's rate from PostgreSQL to Kafka, against the floor measured in
 * the same run: the same messages sent with raw kafkajs `sendBatch`, the same batch size, the
 * same producer settings (idempotent, acks all). Goal ≥ 0.6×.
 * The relay reads a scratch outbox (`bench_outbox`, dropped at the end) and publishes to a
 * scratch topic (deleted at the end), so no service consumes what it sends. SMOKE=1 sends a
 * few hundred.
 */
const SMOKE = process.env.SMOKE === '1';
const MESSAGES = Number(process.env.MESSAGES ?? (SMOKE ? 400 : 20_000));
const BATCH = Number(process.env.BATCH ?? 200);
const ROUNDS = Number(process.env.ROUNDS ?? (SMOKE ? 1 : 3));
const SCHEMA = 'bench_outbox';
const TOPIC = `bench.outbox.${randomUUID().slice(0, 8)}`;

async function main(): Promise<void> {
  const owner = await new DataSource({
    type: 'postgres',
    url: migrationDatabaseUrl(),
  }).initialize();
  const bench = new OutboxBenchRepository(owner, SCHEMA);
  const kafka = createKafka('bench-outbox');
  const publisher = new KafkaJsEventPublisher(kafka);
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  try {
    await ensureTopics(kafka, [TOPIC]);
    await producer.connect();
    await bench.createScratchOutbox();
    console.log(`P4: ${MESSAGES} messages, batches of ${BATCH}, topic ${TOPIC}`);
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      await bench.emptyOutbox();
      await fill(owner, MESSAGES);
      const messages = await bench.messages();
      const raw = await rate(MESSAGES, rawProduce(producer, messages));
      const relay = new OutboxRelay({
        dataSource: owner,
        schema: SCHEMA,
        publisher,
        batchSize: BATCH,
      });
      const relayed = await rate(MESSAGES, drain(relay));
      if ((await bench.unpublished()) !== 0) throw new Error('the relay left rows unpublished');
      ratios.push(relayed / raw);
      console.log(
        `  round ${round}: raw sendBatch ${raw.toFixed(0)} msg/s, relay ${relayed.toFixed(0)} msg/s, ratio ${(relayed / raw).toFixed(2)}×`,
      );
    }
    const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
    console.log(`  P4 ratio (median of ${ROUNDS}): ${median.toFixed(2)}× (goal ≥ 0.6×)`);
  } finally {
    await bench.dropScratchOutbox();
    await deleteTopic(kafka);
    await producer.disconnect();
    await publisher.disconnect();
    await owner.destroy();
  }
}

/** The outbox rows a service would write: one event per row, keyed by a few hundred codes. */
async function fill(owner: DataSource, count: number): Promise<void> {
  for (let start = 0; start < count; start += 1000) {
    await owner.transaction(async (manager) => {
      for (let i = start; i < Math.min(count, start + 1000); i++)
        await appendToOutbox(
          manager,
          {
            topic: TOPIC,
            aggregateType: 'journey',
            aggregateId: `BENCH-${i % 300}`,
            messageType: 'bench.outbox.v1',
            producer: 'bench',
            payload: { sequence: i, note: 'x'.repeat(400) },
          },
          SCHEMA,
        );
    });
  }
}

async function rawProduce(
  producer: ReturnType<ReturnType<typeof createKafka>['producer']>,
  messages: RawMessage[],
): Promise<void> {
  for (let i = 0; i < messages.length; i += BATCH)
    await producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [{ topic: TOPIC, messages: messages.slice(i, i + BATCH) }],
    });
}

async function deleteTopic(kafka: ReturnType<typeof createKafka>): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: [TOPIC] });
  } finally {
    await admin.disconnect();
  }
}

async function drain(relay: OutboxRelay): Promise<void> {
  while ((await relay.relayOnce()) > 0);
}

async function rate(operations: number, work: Promise<void>): Promise<number> {
  const started = performance.now();
  await work;
  return operations / ((performance.now() - started) / 1000);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
