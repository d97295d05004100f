import { randomInt, randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  type Actor,
  DomainError,
  type EventEnvelope,
  formatDonorCode,
  generateDonorUniqueCode,
} from '@v2v/contracts';
import { createKafka, ensureTopics, InboxConsumer, KafkaJsEventPublisher } from '@v2v/messaging';
import { Clock, RandomUuidGenerator, ServiceConfig, SERVICE_PORTS } from '@v2v/service-kit';
import { pollUntil } from '@v2v/testing';
import { DONOR_INTAKE_SCHEMA, donorIntakeDataSourceOptions } from '../donor-intake.data-source';
import { NotificationRepository } from './notification.repository';
import { AcknowledgeNotificationUseCase } from './usecases/acknowledge-notification.usecase';
import { ReadNotificationFeedUseCase } from './usecases/read-notification-feed.usecase';
import { RecordNotificationUseCase } from './usecases/record-notification.usecase';

// Real PostgreSQL (the donor-intake schema as migrated, through the services' role) and Kafka
// (started by the integration global setup). The consumer is the service's own handler on a
// topic and group of this run, so the running stack's consumer never sees these messages.
const run = randomUUID().slice(0, 8);
const topic = `it.notifications.${run}`;
const groupId = `it-notifications-${run}`;
const HOUR = 3_600_000;
let dataSource: DataSource;
let kafka: Kafka;
let publisher: KafkaJsEventPublisher;
let consumer: InboxConsumer;
let repository: NotificationRepository;
let record: RecordNotificationUseCase;
let acknowledge: AcknowledgeNotificationUseCase;

/** A clock the test sets, for the read-time `overdue`. */
class FixedClock extends Clock {
  at = new Date();
  now(): Date {
    return this.at;
  }
}

beforeAll(async () => {
  dataSource = await new DataSource({
    ...donorIntakeDataSourceOptions(),
    logging: false,
  }).initialize();
  repository = new NotificationRepository(dataSource);
  record = new RecordNotificationUseCase(repository, new RandomUuidGenerator());
  acknowledge = new AcknowledgeNotificationUseCase(dataSource, repository);
  kafka = createKafka(`it-${run}`);
  await ensureTopics(kafka, [topic], 1);
  publisher = new KafkaJsEventPublisher(kafka);
  consumer = new InboxConsumer({
    kafka,
    dataSource,
    schema: DONOR_INTAKE_SCHEMA,
    groupId,
    topics: [topic],
    handler: record.handler(),
  });
  await consumer.start();
});

afterAll(async () => {
  await consumer?.stop();
  await publisher?.disconnect();
  await dataSource?.destroy();
});

/** A donor on the register of `institutionId` (facility Z9996 marks this spec's codes). */
async function registeredDonor(institutionId = 'INST-001'): Promise<string> {
  const donorCode = formatDonorCode(
    generateDonorUniqueCode({ facility: 'Z9996', year: 2026, sequence: randomInt(1, 999_999) }),
  );
  await dataSource.query(
    `INSERT INTO donor_intake.donor (donor_code, eye_readable, patient_reference, institution_id,
       product_code, request_key, registered_by)
     VALUES ($1, $1, 'PAT-IT-NOTIFY', $2, 'CART-CD19', $3, 'it')`,
    [donorCode, institutionId, randomUUID()],
  );
  return donorCode;
}

function event(
  donorCode: string,
  messageType: string,
  detail: Record<string, unknown> = {},
  overrides: Partial<EventEnvelope> & { summary?: string } = {},
): EventEnvelope {
  const { summary = messageType, ...envelope } = overrides;
  return {
    id: randomUUID(),
    aggregateType: 'journey',
    aggregateId: donorCode,
    messageType,
    occurredAt: new Date().toISOString(),
    payload: {
      donorCode,
      journeyId: `journey-${donorCode}`,
      actor: { userId: 'system', role: 'ops' },
      recordId: randomUUID(),
      summary,
      detail,
    },
    metadata: { producer: 'integration-test' },
    ...envelope,
  };
}

const shipped = (donorCode: string) =>
  event(donorCode, 'product.shipped.v1', {
    shippedAt: new Date().toISOString(),
    courier: 'ColdChain Express',
    shipperId: 'SHIPPER-01',
  });

const send = (messages: Array<{ key: string; value: string }>) =>
  publisher.publishBatch(messages.map((m) => ({ topic, headers: {}, ...m })));

async function notificationsOf(sourceEventId: string) {
  return dataSource.query(
    `SELECT "id", "institution_id" AS "institutionId", "kind", "severity"
       FROM donor_intake.institution_notification WHERE "source_event_id" = $1`,
    [sourceEventId],
  );
}

const untilNotified = (sourceEventId: string) =>
  pollUntil(`the notification of ${sourceEventId}`, async () => {
    const rows = await notificationsOf(sourceEventId);
    return rows.length > 0 ? rows : undefined;
  });

/** A notification made as the consumer makes it, in one transaction. */
async function notified(envelope: EventEnvelope) {
  await dataSource.transaction((manager) => record.execute(envelope, manager));
  const [row] = await notificationsOf(envelope.id);
  return row as { id: string; institutionId: string };
}

const nurse = (userId: string): Actor => ({ userId, role: 'hospital' });

describe('the notification feed on real PostgreSQL and Kafka (TRC-04)', () => {
  it("TRC-04 makes one notification for the donor's institution, however often sent", async () => {
    const donorCode = await registeredDonor('INST-002');
    const shipment = shipped(donorCode);
    const quiet = event(donorCode, 'donor-material.collected.v1');
    const after = event(donorCode, 'journey.cancelled.v1', { reason: 'patient withdrew' });
    const value = JSON.stringify(shipment);
    await send([
      { key: donorCode, value },
      { key: donorCode, value },
      { key: donorCode, value: JSON.stringify(quiet) },
      { key: donorCode, value: JSON.stringify(after) },
    ]);
    // One partition: once the last event is in, the redelivery before it has been consumed too.
    await untilNotified(after.id);
    const rows = await notificationsOf(shipment.id);
    expect(rows).toEqual([
      {
        id: expect.any(String),
        institutionId: 'INST-002',
        kind: 'journey-status',
        severity: 'info',
      },
    ]);
    expect(await notificationsOf(quiet.id)).toEqual([]);

    // Past the inbox too (another consumer group, a replay): the source event id is unique.
    await dataSource.transaction((manager) => record.execute(shipment, manager));
    expect(await notificationsOf(shipment.id)).toHaveLength(1);
    const audit = await dataSource.query(
      `SELECT "record_type", "actor_user_id" FROM donor_intake.audit_entry WHERE "record_id" = $1`,
      [rows[0].id],
    );
    expect(audit).toEqual([{ record_type: 'institution-notification', actor_user_id: 'system' }]);
  });

  it('TRC-04 CSV-04 sets aside a wrong type, a huge text and year 0, and goes on', async () => {
    const donorCode = await registeredDonor();
    const hostile = {
      [`wrong-type-${run}`]: event(donorCode, 'journey.cancelled.v1', { reason: 42 }),
      [`huge-${run}`]: event(
        donorCode,
        'deviation.raised.v1',
        {},
        { summary: 'x'.repeat(100_000) },
      ),
      [`year0-${run}`]: event(donorCode, 'product.shipped.v1', {
        shippedAt: '0000-01-01T00:00:00Z',
        courier: 'ColdChain Express',
      }),
      [`year0-envelope-${run}`]: shipped(donorCode),
    };
    hostile[`year0-envelope-${run}`].occurredAt = '0000-01-01T00:00:00Z';
    const good = shipped(donorCode);
    await send([
      ...Object.entries(hostile).map(([key, e]) => ({ key, value: JSON.stringify(e) })),
      { key: `good-${run}`, value: JSON.stringify(good) },
    ]);

    expect(await untilNotified(good.id)).toHaveLength(1);
    const setAside: Array<{ key: string; reason: string }> = await pollUntil(
      'the hostile messages set aside',
      async () => {
        const rows = await dataSource.query(
          `SELECT "message_key" AS "key", "reason" FROM donor_intake.set_aside_message
            WHERE "consumer_group" = $1 AND "message_key" LIKE $2`,
          [groupId, `%-${run}`],
        );
        return rows.length === 4 ? rows : undefined;
      },
    );
    const reasons = Object.fromEntries(setAside.map((r) => [r.key, r.reason]));
    expect(reasons[`wrong-type-${run}`]).toMatch(/contract: .*reason/s);
    expect(reasons[`huge-${run}`]).toMatch(/contract: .*summary/s);
    expect(reasons[`year0-${run}`]).toMatch(/contract: .*shippedAt/s);
    expect(reasons[`year0-envelope-${run}`]).toMatch(/envelope invalid: .*occurredAt/s);
    for (const e of Object.values(hostile)) expect(await notificationsOf(e.id)).toEqual([]);
    expect(consumer.failure).toBeUndefined();
  });

  it('TRC-04 records an acknowledgement once, by its own institution, append-only', async () => {
    const donorCode = await registeredDonor('INST-001');
    const notification = await notified(
      event(donorCode, 'deviation.raised.v1', { deviationId: `DEV-${run}`, rule: 'QA-04' }),
    );
    const first = await acknowledge.execute(notification.id, {
      acknowledgedBy: nurse('nurse.wang'),
      institutionId: 'INST-001',
      note: 'ward informed',
    });
    expect(first.acknowledgement).toMatchObject({
      acknowledgedBy: nurse('nurse.wang'),
      note: 'ward informed',
    });
    const again = await acknowledge.execute(notification.id, {
      acknowledgedBy: nurse('nurse.li'),
      institutionId: 'INST-001',
    });
    expect(again.acknowledgement).toEqual(first.acknowledgement);

    const foreign = await acknowledge
      .execute(notification.id, { acknowledgedBy: nurse('other'), institutionId: 'INST-002' })
      .catch((error: unknown) => error);
    const unknownId = randomUUID();
    const unknown = await acknowledge
      .execute(unknownId, { acknowledgedBy: nurse('other'), institutionId: 'INST-002' })
      .catch((error: unknown) => error);
    const answer = (error: unknown, id: string) => {
      const { code, message, details } = error as DomainError;
      return { code, message: message.replace(id, '<id>'), details };
    };
    expect(foreign).toBeInstanceOf(DomainError);
    expect(answer(foreign, notification.id)).toEqual({
      code: 'NOT_FOUND',
      message: 'no notification <id>',
      details: {},
    });
    expect(answer(unknown, unknownId)).toEqual(answer(foreign, notification.id));

    const rows = await dataSource.query(
      `SELECT "acknowledged_by" FROM donor_intake.notification_acknowledgement
        WHERE "notification_id" = $1`,
      [notification.id],
    );
    expect(rows).toEqual([{ acknowledged_by: 'nurse.wang' }]);
    const audit = await dataSource.query(
      `SELECT "actor_user_id" FROM donor_intake.audit_entry
        WHERE "record_type" = 'notification-acknowledgement' AND "record_id" = $1`,
      [notification.id],
    );
    expect(audit).toEqual([{ actor_user_id: 'nurse.wang' }]);

    // The service role can neither change nor remove what was told and acknowledged, and the
    // database ties an acknowledgement to the notification's own institution.
    for (const table of ['institution_notification', 'notification_acknowledgement']) {
      await expect(
        dataSource.query(`UPDATE donor_intake.${table} SET "institution_id" = 'INST-002'`),
      ).rejects.toThrow(/permission denied/);
      await expect(dataSource.query(`DELETE FROM donor_intake.${table}`)).rejects.toThrow(
        /permission denied/,
      );
    }
    const other = await notified(shipped(donorCode));
    await expect(
      dataSource.query(
        `INSERT INTO donor_intake.notification_acknowledgement
           ("notification_id", "institution_id", "acknowledged_by", "acknowledged_by_role")
         VALUES ($1, 'INST-002', 'intruder', 'hospital')`,
        [other.id],
      ),
    ).rejects.toThrow(/FK_notification_acknowledgement_notification/);
  });

  it('TRC-04 lists the feed newest first, paged, urgent unacknowledged ones overdue', async () => {
    const donorCode = await registeredDonor('INST-002');
    const clock = new FixedClock();
    const feed = new ReadNotificationFeedUseCase(
      repository,
      clock,
      new ServiceConfig('donor-intake', {}, SERVICE_PORTS.donorIntake),
    );
    // Ahead of every notification already in the feed (within the clock skew events may have).
    const base = Date.now() + 60_000;
    const made: Array<{ id: string }> = [];
    for (const [i, type] of [
      'product.shipped.v1',
      'deviation.raised.v1',
      'batch.released.v1',
    ].entries()) {
      const e = event(donorCode, type, type === 'product.shipped.v1' ? { courier: 'C' } : {}, {
        occurredAt: new Date(base + i * 1000).toISOString(),
      });
      made.push(await notified(e));
    }
    const [, deviation, released] = made;

    const first = await feed.page({ institutionId: 'INST-002', limit: 2 });
    expect(first.notifications.map((n) => n.id)).toEqual([released.id, deviation.id]);
    expect(first.nextCursor).not.toBeNull();
    const second = await feed.page({
      institutionId: 'INST-002',
      limit: 1,
      cursor: first.nextCursor!,
    });
    expect(second.notifications.map((n) => n.id)).toEqual([made[0].id]);

    const recordedAt = Date.parse(first.notifications[1].recordedAt);
    clock.at = new Date(recordedAt + 3 * HOUR);
    expect((await feed.one(deviation.id)).overdue).toBe(false);
    clock.at = new Date(recordedAt + 5 * HOUR);
    expect((await feed.one(deviation.id)).overdue).toBe(true);
    expect((await feed.one(released.id)).overdue).toBe(false);
    const unacknowledged = await feed.page({
      institutionId: 'INST-002',
      limit: 2,
      unacknowledged: true,
    });
    expect(unacknowledged.notifications.map((n) => n.id)).toContain(deviation.id);

    await acknowledge.execute(deviation.id, {
      acknowledgedBy: nurse('nurse.zhao'),
      institutionId: 'INST-002',
    });
    expect((await feed.one(deviation.id)).overdue).toBe(false);
    const after = await feed.page({ institutionId: 'INST-002', limit: 2, unacknowledged: true });
    expect(after.notifications.map((n) => n.id)).toEqual([released.id, made[0].id]);
  });
});
