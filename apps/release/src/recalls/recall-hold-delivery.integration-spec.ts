import { randomInt, randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { Actor, EventEnvelope } from '@v2v/contracts';
import { createKafka, ensureTopics, InboxConsumer, KafkaJsEventPublisher } from '@v2v/messaging';
import { pollUntil, seededRandom, twiceShuffled } from '@v2v/testing';
import { newDonorCode } from '../__tests__/release-test-context';
import { releaseDataSourceOptions } from '../release.data-source';
import { RecallHoldRepository } from './recall-hold.repository';
import { HoldRecalledProductsUseCase } from './usecases/hold-recalled-products.usecase';

// Real PostgreSQL (the release schema as migrated, the service's own role) and Kafka: release's
// own recall-hold handler behind an inbox consumer, on a one-partition topic and a group of this
// run, fed production's events as its relay publishes them.
const run = randomUUID().slice(0, 8);
const topic = `it.recall-delivery.${run}`;
/** The shuffle's seed, in the test's name: a failing order can be run again (SEED=…). */
const SEED = Number(process.env.SEED ?? randomInt(1, 2 ** 31 - 1));
const qp: Actor = { userId: 'it.qp', role: 'qa-qp' };
let dataSource: DataSource;
let kafka: Kafka;
let publisher: KafkaJsEventPublisher;
let consumer: InboxConsumer;

beforeAll(async () => {
  dataSource = await new DataSource({ ...releaseDataSourceOptions(), logging: false }).initialize();
  kafka = createKafka(`it-${run}`);
  await ensureTopics(kafka, [topic], 1);
  publisher = new KafkaJsEventPublisher(kafka);
  consumer = new InboxConsumer({
    kafka,
    dataSource,
    schema: 'release',
    groupId: `it-recall-delivery-${run}`,
    topics: [topic],
    handler: new HoldRecalledProductsUseCase(new RecallHoldRepository()).handler(),
  });
  await consumer.start();
});
afterAll(async () => {
  await consumer?.stop();
  await publisher?.disconnect();
  await dataSource?.destroy();
});

/** An event of production's topic about the donor's journey; `detail` of a recall notice. */
function productionEvent(donorCode: string, messageType: string, recallId?: string) {
  const recordId = recallId ?? randomUUID();
  const envelope: EventEnvelope = {
    id: randomUUID(),
    aggregateType: 'journey',
    aggregateId: donorCode,
    messageType,
    occurredAt: new Date().toISOString(),
    payload: {
      donorCode,
      journeyId: `journey-${donorCode}`,
      actor: qp,
      recordId,
      summary: messageType,
      detail: recallId
        ? {
            recallId,
            classification: 'II',
            scope: 'key-material-lot',
            subject: `KML-IT-${run}`,
            batchNumbers: [`B-IT-${run}`],
            reason: 'vector lot failed its retest',
            decidedAt: new Date().toISOString(),
          }
        : {},
    },
    metadata: { producer: 'production' },
  };
  return envelope;
}

describe(`release's recall holds fed production's events twice, in shuffled order (QA-04, CSV-04; seed ${SEED})`, () => {
  it('QA-04 CSV-04 holds the product once per recall, whatever the order and however often told', async () => {
    const donorCode = newDonorCode();
    const [first, second] = [randomUUID(), randomUUID()];
    const events = [
      productionEvent(donorCode, 'batch.started.v1'),
      productionEvent(donorCode, 'recall.notified.v1', first),
      productionEvent(donorCode, 'recall.notified.v1', second),
      // The first recall told again under an event id of its own (a second notice of it).
      productionEvent(donorCode, 'recall.notified.v1', first),
      productionEvent(donorCode, 'batch.completed.v1'),
    ];
    const marker = productionEvent(donorCode, 'batch.released.v1');
    await publisher.publishBatch(
      [...twiceShuffled(events, seededRandom(SEED)), marker].map((e) => ({
        topic,
        key: donorCode,
        value: JSON.stringify(e),
        headers: {},
      })),
    );
    await pollUntil('the marker applied', async () =>
      (await dataSource.query(`SELECT 1 FROM release.inbox WHERE event_id = $1`, [marker.id]))
        .length
        ? true
        : undefined,
    );

    const holds = await dataSource.query(
      `SELECT recall_id FROM release.recall_hold WHERE donor_code = $1 ORDER BY recall_id`,
      [donorCode],
    );
    expect(holds.map((h: { recall_id: string }) => h.recall_id)).toEqual([first, second].sort());
    const applied = await dataSource.query(
      `SELECT count(*)::int AS n FROM release.inbox WHERE event_id = ANY($1)`,
      [events.map((e) => e.id)],
    );
    expect(applied).toEqual([{ n: events.length }]);
    expect(consumer.failure).toBeUndefined();
  });
});
