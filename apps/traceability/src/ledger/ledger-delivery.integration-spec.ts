import { randomInt, randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventEnvelope, formatDonorCode, generateDonorUniqueCode } from '@v2v/contracts';
import { createKafka, ensureTopics, InboxConsumer, KafkaJsEventPublisher } from '@v2v/messaging';
import { pollUntil, seededRandom, twiceShuffled } from '@v2v/testing';
import { traceabilityDataSourceOptions } from '../traceability.data-source';
import { TraceByDonorCodeUseCase } from '../usecases/trace-by-donor-code.usecase';
import { VerifyLedgerUseCase } from '../usecases/verify-ledger.usecase';
import { LedgerRepository } from './ledger.repository';
import { recordCustodyEvent } from './record-custody-event';

// Real PostgreSQL (the traceability schema as migrated, the service's own role) and Kafka: the
// ledger's own handler behind an inbox consumer, on a one-partition topic and a group of this
// run, fed envelopes as the services' relays publish them.
const run = randomUUID().slice(0, 8);
const topic = `it.custody-delivery.${run}`;
/** The shuffle's seed, in the test's name: a failing order can be run again (SEED=…). */
const SEED = Number(process.env.SEED ?? randomInt(1, 2 ** 31 - 1));
let dataSource: DataSource;
let kafka: Kafka;
let publisher: KafkaJsEventPublisher;
let consumer: InboxConsumer;
let ledger: LedgerRepository;

beforeAll(async () => {
  dataSource = await new DataSource({
    ...traceabilityDataSourceOptions(),
    logging: false,
  }).initialize();
  ledger = new LedgerRepository(dataSource);
  kafka = createKafka(`it-${run}`);
  await ensureTopics(kafka, [topic], 1);
  publisher = new KafkaJsEventPublisher(kafka);
  consumer = new InboxConsumer({
    kafka,
    dataSource,
    schema: 'traceability',
    groupId: `it-ledger-delivery-${run}`,
    topics: [topic],
    handler: recordCustodyEvent(ledger),
  });
  await consumer.start();
});
afterAll(async () => {
  await consumer?.stop();
  await publisher?.disconnect();
  await dataSource?.destroy();
});

const JOURNEY = [
  'donor.registered.v1',
  'donor.screened.v1',
  'collection.scheduled.v1',
  'donor-material.collected.v1',
  'donor-material.handed-to-courier.v1',
  'donor-material.received.v1',
  'donor-material.released.v1',
  'batch.started.v1',
  'batch.completed.v1',
  'qc-result.recorded.v1',
  'batch.released.v1',
  'product.shipped.v1',
  'product.received-at-site.v1',
  'product.infused.v1',
];

/** A custody event as a service's relay publishes it, that happened at `occurredAt`. */
function envelopeOf(donorCode: string, messageType: string, occurredAt: Date): EventEnvelope {
  return {
    id: randomUUID(),
    aggregateType: 'journey',
    aggregateId: donorCode,
    messageType,
    occurredAt: occurredAt.toISOString(),
    payload: {
      donorCode,
      journeyId: `journey-${donorCode}`,
      actor: { userId: 'it', role: 'ops' },
      recordId: randomUUID(),
      summary: messageType,
      detail:
        messageType === 'donor.registered.v1'
          ? { patientReference: `PAT-${run}`, institutionId: 'INST-001', productCode: 'CART-CD19' }
          : {},
    },
    metadata: { producer: 'integration-test' },
  };
}

const send = (donorCode: string, envelopes: EventEnvelope[]) =>
  publisher.publishBatch(
    envelopes.map((e) => ({ topic, key: donorCode, value: JSON.stringify(e), headers: {} })),
  );

describe(`the custody ledger fed a journey's events twice, in shuffled order (CSV-04, TRC-01; seed ${SEED})`, () => {
  it('CSV-04 TRC-01 keeps one entry per event id in arrival order, traces them in occurrence order and verifies', async () => {
    const donorCode = formatDonorCode(
      generateDonorUniqueCode({ facility: 'I0002', year: 2026, sequence: randomInt(1, 999_999) }),
    );
    const start = Date.now() - 3_600_000;
    const events = JOURNEY.map((type, i) =>
      envelopeOf(donorCode, type, new Date(start + i * 60_000)),
    );
    // The registration arrives after every other event of the donor: services publish on their
    // own topics, so the ledger's consumer sees no order across them.
    const [registration, ...rest] = events;
    const delivered = [...twiceShuffled(rest, seededRandom(SEED)), registration, registration];
    const marker = envelopeOf(donorCode, 'follow-up.completed.v1', new Date(start + 3_000_000));
    await send(donorCode, [...delivered, marker]);

    // One partition: once the marker is on the chain, every copy before it has been consumed.
    const chain = await pollUntil('the marker on the chain', async () => {
      const entries = await ledger.chain(donorCode);
      return entries.some((e) => e.eventId === marker.id) ? entries : undefined;
    });
    const firstArrivals = [...new Map(delivered.map((e) => [e.id, e])).keys()];
    expect(chain.map((e) => e.eventId)).toEqual([...firstArrivals, marker.id]);
    expect(chain.map((e) => e.seq)).toEqual(chain.map((_, i) => i + 1));
    const inInbox = await dataSource.query(
      `SELECT count(*)::int AS n FROM traceability.inbox WHERE event_id = ANY($1)`,
      [[...events, marker].map((e) => e.id)],
    );
    expect(inInbox).toEqual([{ n: events.length + 1 }]);

    // The trace reads occurrence order, whatever the arrival; the late registration links it.
    const trace = await new TraceByDonorCodeUseCase(ledger).execute(donorCode);
    expect(trace.patientReference).toBe(`PAT-${run}`);
    expect(trace.entries.map((e) => e.messageType)).toEqual([...JOURNEY, 'follow-up.completed.v1']);
    expect(await new VerifyLedgerUseCase(ledger).execute({ donorCode })).toMatchObject({
      valid: true,
      entriesChecked: events.length + 1,
    });
  });
});
