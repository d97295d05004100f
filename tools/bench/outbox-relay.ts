import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { CompressionTypes, Partitioners } from 'kafkajs';
import { DataSource } from 'typeorm';
import { migrationDatabaseUrl } from '@v2v/database';
import {
  appendToOutbox,
  createKafka,
  ensureTopics,
  type EventPublisher,
  KafkaJsEventPublisher,
  OutboxRelay,
  type OutgoingMessage,
} from '@v2v/messaging';
import { OutboxBenchRepository, type RawMessage } from './outbox-bench.repository';

/**
 * `npm run bench:outbox` (PostgreSQL and Kafka up: `npm start`, or `bash tools/infra/up.sh`):
 * issue 15's P4, the outbox relay's rate from PostgreSQL to Kafka, against the floor measured in
 * the same run: the same messages sent with raw kafkajs `sendBatch`, the same batch size, the
 * same producer settings (idempotent, acks all). Goal ≥ 0.6×.
 * The relay reads a scratch outbox (`bench_outbox`, dropped at the end) and publishes to a
 * scratch topic (deleted at the end), so no service consumes what it sends. Each round also
 * says where the relay's time went (the broker call against the rest: PostgreSQL and
 * serialisation) and how the batch query ran at the start and half-way through the drain
 * (EXPLAIN ANALYZE). SMOKE=1 sends a few hundred.
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
      await bench.analyse();
      const messages = await bench.messages();
      const raw = await rate(MESSAGES, rawProduce(producer, messages));
      const broker = new TimedPublisher(publisher);
      const relay = new OutboxRelay({
        dataSource: owner,
        schema: SCHEMA,
        publisher: broker,
        batchSize: BATCH,
      });
      const atStart = await bench.explainBatch(BATCH);
      let halfWay: Awaited<ReturnType<OutboxBenchRepository['explainBatch']>> | undefined;
      let explainMs = 0;
      const started = performance.now();
      for (let sent = 0; ;) {
        const n = await relay.relayOnce();
        if (n === 0) break;
        sent += n;
        if (!halfWay && sent >= MESSAGES / 2) {
          const t = performance.now();
          halfWay = await bench.explainBatch(BATCH);
          explainMs = performance.now() - t;
        }
      }
      const relayMs = performance.now() - started - explainMs;
      const relayed = MESSAGES / (relayMs / 1000);
      if ((await bench.unpublished()) !== 0) throw new Error('the relay left rows unpublished');
      ratios.push(relayed / raw);
      console.log(
        `  round ${round}: raw sendBatch ${raw.toFixed(0)} msg/s, relay ${relayed.toFixed(0)} msg/s, ratio ${(relayed / raw).toFixed(2)}×; ` +
          `the relay's time: broker ${pct(broker.ms, relayMs)}, the rest ${pct(relayMs - broker.ms, relayMs)}`,
      );
      for (const [when, e] of [
        ['at the start', atStart],
        ['half-way', halfWay],
      ] as const)
        if (e)
          console.log(
            `    batch query ${when}: ${e.ms.toFixed(2)} ms, ${e.buffers} buffers, ${e.plan}`,
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

/** The relay's publisher, timed: how much of a drain is the broker call itself. */
class TimedPublisher implements EventPublisher {
  ms = 0;
  constructor(private readonly inner: EventPublisher) {}
  async publishBatch(messages: OutgoingMessage[]): Promise<void> {
    const started = performance.now();
    try {
      await this.inner.publishBatch(messages);
    } finally {
      this.ms += performance.now() - started;
    }
  }
  disconnect(): Promise<void> {
    return this.inner.disconnect();
  }
}

const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)}%`;

async function rate(operations: number, work: Promise<void>): Promise<number> {
  const started = performance.now();
  await work;
  return operations / ((performance.now() - started) / 1000);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
