import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { DataSource, DataSourceOptions } from 'typeorm';
import { EventEnvelope, formatDonorCode, generateDonorUniqueCode } from '@v2v/contracts';
import {
  addOutboxSetAsideSql,
  addOutboxTraceparentSql,
  appendToOutbox,
  createKafka,
  createOutboxTableSql,
  ensureTopics,
  InboxConsumer,
  KafkaJsEventPublisher,
  OutboxRelay,
} from '@v2v/messaging';
import {
  migrateServiceSchema,
  migrationDatabaseUrl,
  serviceDataSourceOptions,
  serviceRoleGrantsSql,
} from '@v2v/database';
import { pollUntil } from '@v2v/testing';
import { traceabilityDataSourceOptions } from '../traceability.data-source';
import { TraceByDonorCodeUseCase } from '../usecases/trace-by-donor-code.usecase';
import { VerifyLedgerUseCase } from '../usecases/verify-ledger.usecase';
import { LedgerRepository } from './ledger.repository';
import { recordCustodyEvent } from './record-custody-event';
import { asTamperer, editContent, envelopeOf } from './__tests__/ledger-tampering';

// Real PostgreSQL and Kafka (started by the integration global setup); each run has its
// own topic, producer schema, consumer group and donor codes, so runs never collide.
// `owner` is the schema owner (migrations, a tamperer with full rights); `dataSource` is the
// service's own, lesser role. Expected refusals are not logged (logging: false).
const run = randomUUID().slice(0, 8);
const topic = `it.custody.${run}`;
const producerSchema = `it_producer_${run}`;
let owner: DataSource;
let dataSource: DataSource;
let kafka: Kafka;
let publisher: KafkaJsEventPublisher;
let consumer: InboxConsumer;
let ledger: LedgerRepository;

const newDonorCode = () =>
  formatDonorCode(
    generateDonorUniqueCode({
      facility: 'I0001',
      year: 2026,
      sequence: 1 + Math.floor(Math.random() * 999_998),
    }),
  );

beforeAll(async () => {
  // The producer's schema is made by its owner and granted to the services' role, as a
  // service migration does; everything else runs as the services' role.
  // Idempotent: the global setup may have migrated already; this file does not rely on it.
  const migrator = new DataSource({
    ...traceabilityDataSourceOptions(),
    url: migrationDatabaseUrl(),
    logging: false,
  } as DataSourceOptions);
  await migrateServiceSchema(migrator);
  await migrator.destroy();
  owner = await new DataSource({
    ...serviceDataSourceOptions({
      schema: producerSchema,
      entities: [],
      migrations: [],
      url: migrationDatabaseUrl(),
    }),
    logging: false,
  }).initialize();
  await owner.query(`CREATE SCHEMA "${producerSchema}"`);
  for (const sql of [
    ...createOutboxTableSql(producerSchema),
    ...addOutboxSetAsideSql(producerSchema),
    ...addOutboxTraceparentSql(producerSchema),
  ])
    await owner.query(sql);
  await owner.query(serviceRoleGrantsSql(producerSchema, []));
  dataSource = await new DataSource({
    ...traceabilityDataSourceOptions(),
    logging: false,
  }).initialize();
  kafka = createKafka(`it-${run}`);
  await ensureTopics(kafka, [topic], 3);
  publisher = new KafkaJsEventPublisher(kafka);
  ledger = new LedgerRepository(dataSource);
  consumer = new InboxConsumer({
    kafka,
    dataSource,
    schema: 'traceability',
    groupId: `it-ledger-${run}`,
    topics: [topic],
    handler: recordCustodyEvent(ledger),
  });
  await consumer.start();
});

afterAll(async () => {
  await consumer?.stop();
  await publisher?.disconnect();
  await dataSource?.destroy();
  await owner?.query(`DROP SCHEMA IF EXISTS "${producerSchema}" CASCADE`);
  await owner?.destroy();
});

function event(donorCode: string, messageType: string, detail: Record<string, unknown> = {}) {
  return {
    topic,
    aggregateType: 'journey',
    aggregateId: donorCode,
    messageType,
    producer: 'integration-test',
    payload: {
      donorCode,
      journeyId: `journey-${donorCode}`,
      actor: { userId: 'it', role: 'ops' },
      recordId: randomUUID(),
      summary: messageType,
      detail,
    },
  };
}

const registered = (donorCode: string) =>
  event(donorCode, 'donor.registered.v1', {
    patientReference: `PAT-${run}`,
    institutionId: 'INST-001',
    productCode: 'CART-CD19',
  });

async function chainOf(donorCode: string, length: number) {
  return pollUntil(`${length} ledger entries for ${donorCode}`, async () => {
    const chain = await ledger.chain(donorCode);
    return chain.length >= length ? chain : undefined;
  });
}

describe('traceability ledger on real PostgreSQL and Kafka', () => {
  it('CSV-04 carries outbox rows through Kafka into the donor chain, in order', async () => {
    const donorCode = newDonorCode();
    await dataSource.transaction(async (manager) => {
      for (const e of [
        registered(donorCode),
        event(donorCode, 'collection.scheduled.v1'),
        event(donorCode, 'donor-material.collected.v1'),
      ]) {
        await appendToOutbox(manager, e, producerSchema);
      }
    });
    const relay = new OutboxRelay({ dataSource, schema: producerSchema, publisher });
    expect(await relay.relayOnce()).toBe(3);
    expect(await relay.relayOnce()).toBe(0);

    const chain = await chainOf(donorCode, 3);
    expect(chain.map((e) => [e.seq, e.messageType])).toEqual([
      [1, 'donor.registered.v1'],
      [2, 'collection.scheduled.v1'],
      [3, 'donor-material.collected.v1'],
    ]);
    const trace = await new TraceByDonorCodeUseCase(ledger).execute(donorCode);
    expect(trace.patientReference).toBe(`PAT-${run}`);
    expect(await relay.oldestUnpublishedAgeMs()).toBe(0);
  });

  it('CSV-04 applies the same event delivered twice only once', async () => {
    const donorCode = newDonorCode();
    const envelope: EventEnvelope = {
      id: randomUUID(),
      aggregateType: 'journey',
      aggregateId: donorCode,
      messageType: 'donor.registered.v1',
      occurredAt: new Date().toISOString(),
      payload: registered(donorCode).payload,
      metadata: { producer: 'integration-test' },
    };
    const message = { topic, key: donorCode, value: JSON.stringify(envelope), headers: {} };
    await publisher.publishBatch([message]);
    await publisher.publishBatch([message]);
    const marker = event(donorCode, 'collection.scheduled.v1');
    await dataSource.transaction((manager) => appendToOutbox(manager, marker, producerSchema));
    await new OutboxRelay({ dataSource, schema: producerSchema, publisher }).relayOnce();

    // The marker comes after both copies on the same partition: once it is in, both were seen.
    const chain = await chainOf(donorCode, 2);
    expect(chain.map((e) => e.messageType)).toEqual([
      'donor.registered.v1',
      'collection.scheduled.v1',
    ]);
    const [{ count }] = await dataSource.query(
      `SELECT count(*)::int AS count FROM traceability.inbox WHERE event_id = $1`,
      [envelope.id],
    );
    expect(count).toBe(1);
  });

  it('CSV-04 applies nothing twice when every event of a whole journey is redelivered twice, shuffled', async () => {
    const donorCode = newDonorCode();
    const types = [
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
    await dataSource.transaction(async (manager) => {
      for (const e of [registered(donorCode), ...types.map((t) => event(donorCode, t))])
        await appendToOutbox(manager, e, producerSchema);
    });
    await new OutboxRelay({ dataSource, schema: producerSchema, publisher }).relayOnce();
    const original = await chainOf(donorCode, 13);

    const envelopes = original.map((e) => e.canonicalContent);
    const redelivery = [...envelopes, ...envelopes].sort(() => Math.random() - 0.5);
    await publisher.publishBatch(
      redelivery.map((value) => ({ topic, key: donorCode, value, headers: {} })),
    );
    const marker = event(donorCode, 'follow-up.completed.v1');
    await dataSource.transaction((manager) => appendToOutbox(manager, marker, producerSchema));
    await new OutboxRelay({ dataSource, schema: producerSchema, publisher }).relayOnce();

    const after = await chainOf(donorCode, 14);
    expect(after).toHaveLength(14);
    expect(after.slice(0, 13).map((e) => e.eventId)).toEqual(original.map((e) => e.eventId));
    expect(after[13].messageType).toBe('follow-up.completed.v1');
    expect((await new VerifyLedgerUseCase(ledger).execute({ donorCode })).valid).toBe(true);
  });

  it('keeps a malformed message aside and goes on consuming', async () => {
    const donorCode = newDonorCode();
    const raw = `{"not":"an envelope","run":"${run}"}`;
    await publisher.publishBatch([{ topic, key: donorCode, value: raw, headers: {} }]);
    await dataSource.transaction((manager) =>
      appendToOutbox(manager, registered(donorCode), producerSchema),
    );
    await new OutboxRelay({ dataSource, schema: producerSchema, publisher }).relayOnce();

    await chainOf(donorCode, 1);
    const rejected = await dataSource.query(
      `SELECT reason AS error FROM traceability.set_aside_message WHERE topic = $1 AND payload = $2`,
      [topic, raw],
    );
    expect(rejected).toHaveLength(1);
    expect(rejected[0].error).toMatch(/id|aggregateId/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of ledger rows: by grants to the service role, by trigger to the owner', async () => {
    const donorCode = newDonorCode();
    await dataSource.transaction((manager) =>
      ledger.append(manager, donorCode, envelopeOf(donorCode, 1)),
    );
    await expect(
      dataSource.query(`UPDATE traceability.ledger_entry SET producer = 'x' WHERE chain_id = $1`, [
        donorCode,
      ]),
    ).rejects.toThrow(/permission denied/);
    await expect(
      dataSource.query(`DELETE FROM traceability.ledger_entry WHERE chain_id = $1`, [donorCode]),
    ).rejects.toThrow(/permission denied/);
    await expect(
      dataSource.query(
        `ALTER TABLE traceability.ledger_entry DISABLE TRIGGER "TRG_ledger_entry_append_only"`,
      ),
    ).rejects.toThrow(/must be owner/);
    await expect(
      owner.query(`UPDATE traceability.ledger_entry SET producer = 'x' WHERE chain_id = $1`, [
        donorCode,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      owner.query(`DELETE FROM traceability.ledger_entry WHERE chain_id = $1`, [donorCode]),
    ).rejects.toThrow(/append-only/);
    await expect(owner.query(`TRUNCATE traceability.ledger_entry`)).rejects.toThrow(/append-only/);
    expect(await ledger.chain(donorCode)).toHaveLength(1);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of donor-patient links: by grants to the service role, by trigger to the owner', async () => {
    const donorCode = newDonorCode();
    const link = {
      donorCode,
      patientReference: `PAT-${run}-L`,
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
    };
    await dataSource.transaction((manager) => ledger.link(manager, link));
    const update = `UPDATE traceability.donor_patient_link SET patient_reference = 'PAT-SWAPPED' WHERE donor_code = $1`;
    const remove = `DELETE FROM traceability.donor_patient_link WHERE donor_code = $1`;
    await expect(dataSource.query(update, [donorCode])).rejects.toThrow(/permission denied/);
    await expect(dataSource.query(remove, [donorCode])).rejects.toThrow(/permission denied/);
    await expect(owner.query(update, [donorCode])).rejects.toThrow(
      /append-only: UPDATE on traceability.donor_patient_link is refused/,
    );
    await expect(owner.query(remove, [donorCode])).rejects.toThrow(
      /append-only: DELETE on traceability.donor_patient_link is refused/,
    );
    await expect(owner.query(`TRUNCATE traceability.donor_patient_link`)).rejects.toThrow(
      /append-only/,
    );
    expect(await ledger.findLink(donorCode)).toEqual(link);
  });

  it('keeps aside a registration whose payload breaks its contract, applies none of it, and goes on consuming', async () => {
    const donorCode = newDonorCode();
    const poison = registered(donorCode);
    const detail = { institutionId: 'INST-001', productCode: 'CART-CD19' }; // no patient reference
    const { id: poisonId } = await dataSource.transaction((manager) =>
      appendToOutbox(
        manager,
        { ...poison, payload: { ...poison.payload, detail } },
        producerSchema,
      ),
    );
    await dataSource.transaction((manager) =>
      appendToOutbox(manager, event(donorCode, 'collection.scheduled.v1'), producerSchema),
    );
    await new OutboxRelay({ dataSource, schema: producerSchema, publisher }).relayOnce();

    const chain = await chainOf(donorCode, 1);
    expect(chain.map((e) => e.messageType)).toEqual(['collection.scheduled.v1']);
    const rejected = await dataSource.query(
      `SELECT reason AS error FROM traceability.set_aside_message
        WHERE topic = $1 AND payload LIKE $2`,
      [topic, `%${donorCode}%`],
    );
    expect(rejected).toHaveLength(1);
    expect(rejected[0].error).toMatch(/donor\.registered\.v1 .*patientReference/s);
    expect(await ledger.findLink(donorCode)).toBeUndefined();
    const inInbox = await dataSource.query(`SELECT 1 FROM traceability.inbox WHERE event_id = $1`, [
      poisonId,
    ]);
    expect(inInbox).toHaveLength(0);
  });

  it('verify names the entry whose stored content was edited directly in PostgreSQL', async () => {
    const donorCode = newDonorCode();
    await dataSource.transaction(async (manager) => {
      for (let i = 1; i <= 3; i++)
        await ledger.append(manager, donorCode, envelopeOf(donorCode, i));
    });
    const verify = new VerifyLedgerUseCase(ledger);
    expect(await verify.execute({ donorCode })).toMatchObject({ valid: true, entriesChecked: 3 });

    // Someone with the table owner's rights switches the trigger off and edits one byte.
    await editContent(owner, donorCode, 2, (text) => text.replace('"step":2', '"step":7'));
    try {
      expect(await verify.execute({ donorCode })).toMatchObject({
        valid: false,
        firstBroken: { chainId: donorCode, seq: 2, reason: 'CONTENT_HASH_MISMATCH' },
      });
    } finally {
      // Restored, so that whole-ledger verifies by other tests stay valid.
      await editContent(owner, donorCode, 2, (text) => text.replace('"step":7', '"step":2'));
    }
    expect((await verify.execute({ donorCode })).valid).toBe(true);
  });

  it('verify names entries removed from the end of a chain, which the chain alone cannot show', async () => {
    const donorCode = newDonorCode();
    await dataSource.transaction(async (manager) => {
      for (let i = 1; i <= 3; i++)
        await ledger.append(manager, donorCode, envelopeOf(donorCode, i));
    });
    const verify = new VerifyLedgerUseCase(ledger);
    const [removed] = await owner.query(
      `SELECT * FROM traceability.ledger_entry WHERE chain_id = $1 AND seq = 3`,
      [donorCode],
    );
    await asTamperer(
      owner,
      `DELETE FROM traceability.ledger_entry WHERE chain_id = $1 AND seq = 3`,
      [donorCode],
    );
    try {
      expect(await verify.execute({ donorCode })).toMatchObject({
        valid: false,
        entriesChecked: 2,
        firstBroken: { chainId: donorCode, seq: 3, reason: 'SEQUENCE_GAP' },
      });
    } finally {
      const columns = Object.keys(removed);
      await owner.query(
        `INSERT INTO traceability.ledger_entry (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        columns.map((c) => removed[c]),
      );
    }
    expect(await verify.execute({ donorCode })).toMatchObject({ valid: true, entriesChecked: 3 });
  });

  it('serializes concurrent appends to one chain: no fork, no gap', async () => {
    const donorCode = newDonorCode();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        dataSource.transaction((manager) =>
          ledger.append(manager, donorCode, envelopeOf(donorCode, i + 1)),
        ),
      ),
    );
    const chain = await ledger.chain(donorCode);
    expect(chain.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await new VerifyLedgerUseCase(ledger).execute({ donorCode })).valid).toBe(true);
  });
});
