import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { EventEnvelope } from '@v2v/contracts';
import {
  migrationDatabaseUrl,
  serviceDataSourceOptions,
  serviceRoleGrantsSql,
} from '@v2v/database';
import { pollUntil } from '@v2v/testing';
import { createKafka } from './kafka-client';
import { KafkaJsEventPublisher } from './kafkajs-event-publisher';
import { InboxConsumer } from './inbox-consumer';
import { createInboxTableSql, createOutboxTableSql } from './messaging-tables.sql';
import { addOutboxTraceparentSql } from './outbox-traceparent.sql';
import { appendToOutbox } from './outbox-writer';
import { OutboxRelay } from './outbox-relay';
import { setAsideMigration } from './set-aside.migration';
import { SetAsideMessageRepository } from './set-aside-message.repository';
import { SET_ASIDE_MAX_ATTEMPTS } from './set-aside-policy';
import { ensureTopics } from './topic-admin';

// Real PostgreSQL and Kafka (the integration global setup starts them); each run has its own
// schema, topic and consumer group. The schema is made by its owner with the service migrations'
// SQL (inbox_rejected included, so the set-aside migration moves it), then used by the service
// role. The handler stores a reading's instant in a timestamptz column, as donor-intake does.
const run = randomUUID().slice(0, 8);
const schema = `it_set_aside_${run}`;
const topic = `it.set-aside.${run}`;
let owner: DataSource;
let dataSource: DataSource;
let kafka: Kafka;
let publisher: KafkaJsEventPublisher;
let consumer: InboxConsumer;

const readingSchema = z.object({ loggerId: z.string(), measuredAt: z.string() });
async function storeReading(envelope: EventEnvelope, manager: EntityManager) {
  const reading = readingSchema.parse(envelope.payload);
  await manager.query(`INSERT INTO "${schema}"."reading" VALUES ($1, $2, $3)`, [
    envelope.id,
    reading.loggerId,
    reading.measuredAt,
  ]);
}

beforeAll(async () => {
  owner = await new DataSource({
    ...serviceDataSourceOptions({
      schema,
      entities: [],
      migrations: [],
      url: migrationDatabaseUrl(),
    }),
    logging: false,
  }).initialize();
  await owner.query(`CREATE SCHEMA "${schema}"`);
  for (const sql of [
    ...createOutboxTableSql(schema),
    ...addOutboxTraceparentSql(schema),
    ...createInboxTableSql(schema),
  ])
    await owner.query(sql);
  await owner.query(
    `CREATE TABLE "${schema}"."reading" ("event_id" uuid PRIMARY KEY, "logger_id" text NOT NULL,
       "measured_at" timestamptz NOT NULL)`,
  );
  await owner.query(serviceRoleGrantsSql(schema, []));
  const Migration = setAsideMigration(schema, `SetAside${run}`, { inbox: true, outbox: true });
  const runner = owner.createQueryRunner();
  await new Migration().up(runner);
  await runner.release();
  dataSource = await new DataSource({
    ...serviceDataSourceOptions({ schema, entities: [], migrations: [] }),
    logging: false,
  }).initialize();
  kafka = createKafka(`it-${run}`);
  await ensureTopics(kafka, [topic], 1);
  publisher = new KafkaJsEventPublisher(kafka);
  consumer = new InboxConsumer({
    kafka,
    dataSource,
    schema,
    groupId: `it-set-aside-${run}`,
    topics: [topic],
    handler: storeReading,
  });
  await consumer.start();
});

afterAll(async () => {
  await consumer?.stop();
  await publisher?.disconnect();
  await dataSource?.destroy();
  await owner?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await owner?.destroy();
});

function envelope(payload: Record<string, unknown>, id = randomUUID()): EventEnvelope {
  return {
    id,
    aggregateType: 'logger',
    aggregateId: 'LOG-1',
    messageType: 'telemetry.reading.v1',
    occurredAt: new Date().toISOString(),
    payload,
    metadata: { producer: 'integration-test' },
  };
}

const send = (key: string, value: string) =>
  publisher.publishBatch([{ topic, key, value, headers: {} }]);

async function setAsideUntil(done: (rows: { reason: string; key: string }[]) => unknown) {
  return pollUntil('set-aside messages', async () => {
    const rows = await dataSource.query(
      `SELECT reason, message_key AS key, attempts, payload, payload_bytes AS "payloadBytes"
         FROM "${schema}"."set_aside_message"`,
    );
    return done(rows) ? rows : undefined;
  });
}

describe('set-aside on real PostgreSQL and Kafka', () => {
  it('CSV-04 GEN-01 sets aside a year-0 reading, a wrong type and a non-JSON payload, and goes on', async () => {
    const year0 = envelope({ loggerId: 'LOG-1', measuredAt: '0000-01-01T00:00:00Z' });
    const wrongType = envelope({ loggerId: 'LOG-1', measuredAt: 20260101 });
    const good = envelope({ loggerId: 'LOG-1', measuredAt: new Date().toISOString() });
    await send('year-0', JSON.stringify(year0));
    await send('wrong-type', JSON.stringify(wrongType));
    await send('not-json', `{"id": "\u0000 not json`);
    await send('good', JSON.stringify(good));
    await send('good', JSON.stringify(good)); // a duplicate: applied once, not set aside

    await pollUntil('the good reading', async () => {
      const rows = await dataSource.query(
        `SELECT 1 FROM "${schema}"."reading" WHERE event_id = $1`,
        [good.id],
      );
      return rows.length === 1 ? rows : undefined;
    });
    const rows = await setAsideUntil((r) => r.length >= 3);
    const byKey = Object.fromEntries(rows.map((r: { key: string }) => [r.key, r]));
    expect(Object.keys(byKey).sort()).toEqual(['not-json', 'wrong-type', 'year-0']);
    expect(byKey['year-0'].reason).toMatch(/value refused by the database: .*out of range/);
    expect(byKey['year-0'].attempts).toBe(1);
    expect(byKey['wrong-type'].reason).toMatch(/contract: .*measuredAt/s);
    expect(byKey['not-json'].reason).toMatch(/not JSON/);
    expect(byKey['not-json'].payload).not.toContain('\u0000');
    const [{ count }] = await dataSource.query(
      `SELECT count(*)::int AS count FROM "${schema}"."inbox" WHERE event_id = $1`,
      [good.id],
    );
    expect(count).toBe(1);
    expect(consumer.failure).toBeUndefined();
    expect(await new SetAsideMessageRepository(dataSource, schema).counts()).toMatchObject({
      messages: 3,
    });
  });

  it('CSV-04 keeps a 200 KB message set aside with its original size, its payload capped at 64 KB', async () => {
    // Under the broker's default 1 MB limit; a larger one is the outbox case below.
    const big = JSON.stringify(envelope({ loggerId: 'x'.repeat(200 * 1024), measuredAt: 5 }));
    await send('big', big);
    const rows = await setAsideUntil((r) => r.some((row) => row.key === 'big'));
    const row = rows.find((r: { key: string }) => r.key === 'big');
    expect(row.payloadBytes).toBe(Buffer.byteLength(big));
    expect(Buffer.byteLength(row.payload)).toBeLessThanOrEqual(64 * 1024);
    expect(row.reason).toMatch(/contract: .*measuredAt/s);
  });

  it('CSV-04 sets aside an outbox row the broker always refuses while the next rows go out', async () => {
    const donor = (key: string, detail: unknown) => ({
      topic,
      aggregateType: 'logger',
      aggregateId: key,
      messageType: 'telemetry.reading.v1',
      producer: 'integration-test',
      payload: { loggerId: key, measuredAt: new Date().toISOString(), detail },
    });
    const { id: tooLarge } = await dataSource.transaction((m) =>
      appendToOutbox(m, donor('K1', 'x'.repeat(2 * 1024 * 1024)), schema),
    );
    const { id: sameKey } = await dataSource.transaction((m) =>
      appendToOutbox(m, donor('K1', 'after'), schema),
    );
    const { id: otherKey } = await dataSource.transaction((m) =>
      appendToOutbox(m, donor('K2', 'other'), schema),
    );
    const relay = new OutboxRelay({ dataSource, schema, publisher, onSetAside: () => undefined });
    const state = async () =>
      Object.fromEntries(
        (
          await dataSource.query(
            `SELECT id, published_at IS NOT NULL AS published, set_aside_at IS NOT NULL AS aside,
                    record_failures AS failures, last_error AS error
               FROM "${schema}"."outbox" WHERE id = ANY($1::uuid[])`,
            [[tooLarge, sameKey, otherKey]],
          )
        ).map((r: { id: string }) => [r.id, r]),
      );

    await relay.relayOnce();
    let rows = await state();
    expect(rows[otherKey].published).toBe(true);
    expect(rows[sameKey].published).toBe(false); // waits behind the refused row of its key
    expect(rows[tooLarge]).toMatchObject({ published: false, aside: false, failures: 1 });

    for (let i = 1; i < SET_ASIDE_MAX_ATTEMPTS; i++) await relay.relayOnce();
    rows = await state();
    expect(rows[tooLarge]).toMatchObject({ published: false, aside: true, failures: 5 });
    expect(rows[tooLarge].error).toMatch(/MESSAGE_TOO_LARGE/);
    await relay.relayOnce();
    expect((await state())[sameKey].published).toBe(true);
    expect(await relay.oldestUnpublishedAgeMs()).toBe(0);
    const listed = await new SetAsideMessageRepository(dataSource, schema).list(10);
    expect(listed.outboxRows.map((r) => r.id)).toEqual([tooLarge]);
  });

  it('CSV-04 goes on restarting a consumer through an outage longer than its restarts, then applies the message', async () => {
    // The handler's database is away for its first four attempts (a real refused connection),
    // more crashes in a row than maxRestarts: the consumer reports unhealthy, keeps restarting,
    // and applies the message once the database answers, healthy again.
    const outageTopic = `${topic}.outage`;
    await ensureTopics(kafka, [outageTopic], 1);
    let attempts = 0;
    const crashes: number[] = [];
    let unhealthySeen = false;
    const outage = new InboxConsumer({
      kafka,
      dataSource,
      schema,
      groupId: `it-outage-${run}`,
      topics: [outageTopic],
      maxRestarts: 2,
      retries: 0,
      restartDelayMs: () => 200,
      onCrash: (_error, restarts) => {
        crashes.push(restarts);
        if (restarts > 2) unhealthySeen ||= outage.failure !== undefined;
      },
      handler: async (event, manager) => {
        attempts += 1;
        if (attempts <= 4) await new Client({ host: '127.0.0.1', port: 1 }).connect();
        await storeReading(event, manager);
      },
    });
    await outage.start();
    try {
      const reading = envelope({ loggerId: 'LOG-OUTAGE', measuredAt: new Date().toISOString() });
      await publisher.publishBatch([
        { topic: outageTopic, key: 'outage', value: JSON.stringify(reading), headers: {} },
      ]);
      // Healthy again only once the offset past the message is committed, a moment after the
      // reading's row: wait for both.
      await pollUntil('the reading applied after the outage', async () => {
        const rows = await dataSource.query(
          `SELECT 1 FROM "${schema}"."reading" WHERE event_id = $1`,
          [reading.id],
        );
        return rows.length === 1 && outage.failure === undefined ? rows : undefined;
      });
      expect(crashes).toEqual([1, 2, 3, 4]);
      expect(unhealthySeen).toBe(true);
      const aside = await dataSource.query(
        `SELECT 1 FROM "${schema}"."set_aside_message" WHERE event_id = $1`,
        [reading.id],
      );
      expect(aside).toHaveLength(0);
    } finally {
      await outage.stop();
    }
  });
});
