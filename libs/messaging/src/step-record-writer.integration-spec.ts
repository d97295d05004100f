import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createAuditTablesSql } from '@v2v/audit';
import { DomainError } from '@v2v/contracts';
import { migrationDatabaseUrl, serviceDataSourceOptions } from '@v2v/database';
import { createOutboxTableSql } from './messaging-tables.sql';
import { addOutboxTraceparentSql } from './outbox-traceparent.sql';
import { stepPayloadHash } from './step-identity';
import { addStepIdentitySql, createStepRecordTableSql } from './step-record.sql';
import { recordStepOnce, StepRecordInput } from './step-record-writer';

// Real PostgreSQL; a throwaway schema per run.
const schema = `it_steps_${randomUUID().slice(0, 8)}`;
let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await new DataSource(
    serviceDataSourceOptions({ schema, entities: [], migrations: [], url: migrationDatabaseUrl() }),
  ).initialize();
  await dataSource.query(`CREATE SCHEMA "${schema}"`);
  for (const sql of [
    ...createStepRecordTableSql(schema),
    ...addStepIdentitySql(schema),
    ...createOutboxTableSql(schema),
    ...addOutboxTraceparentSql(schema),
    ...createAuditTablesSql(schema),
  ]) {
    await dataSource.query(sql);
  }
});

afterAll(async () => {
  await dataSource?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await dataSource?.destroy();
});

const input = (overrides: Partial<StepRecordInput> = {}): StepRecordInput => ({
  schema,
  producer: 'it',
  topic: 'it.topic',
  eventId: randomUUID(),
  donorCode: 'A99991500000100M',
  journeyId: 'journey-A99991500000100M',
  recordType: 'collection',
  messageType: 'donor-material.collected.v1',
  actor: { userId: 'it', role: 'hospital' },
  occurredAt: new Date().toISOString(),
  summary: 'collected',
  detail: { volumeMl: 180 },
  ...overrides,
});

const count = async (table: string, eventId: string) => {
  const column = table === 'outbox' ? `envelope->'metadata'->>'causationId'` : 'event_id';
  const [row] = await dataSource.query(
    `SELECT count(*)::int AS n FROM "${schema}"."${table}" WHERE ${column} = $1`,
    [eventId],
  );
  return row.n as number;
};

describe('recordStepOnce on real PostgreSQL', () => {
  it('CSV-04 writes the record and its event once per event id, and answers a repeat the same', async () => {
    const step = input();
    const first = await recordStepOnce(dataSource, step);
    const again = await recordStepOnce(dataSource, step);
    const raced = await Promise.all([
      recordStepOnce(dataSource, step),
      recordStepOnce(dataSource, step),
    ]);
    expect(again).toEqual(first);
    expect(raced).toEqual([first, first]);
    expect(await count('step_record', step.eventId)).toBe(1);
    expect(await count('outbox', step.eventId)).toBe(1);
    const [audit] = await dataSource.query(
      `SELECT count(*)::int AS n FROM "${schema}"."audit_entry" WHERE record_id = $1`,
      [first.recordId],
    );
    expect(audit.n).toBe(1);
  });

  it('refuses an event id reused for another kind of record', async () => {
    const step = input();
    await recordStepOnce(dataSource, step);
    await expect(
      recordStepOnce(dataSource, { ...step, recordType: 'receipt' }),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
  });

  it('CSV-04 refuses an event id reused by another journey or another user, instead of answering with their record', async () => {
    const step = input();
    const first = await recordStepOnce(dataSource, step);
    await expect(
      recordStepOnce(dataSource, {
        ...step,
        donorCode: 'A99991500000200B',
        journeyId: 'journey-A99991500000200B',
      }),
    ).rejects.toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
      message: expect.stringContaining('another journey (A99991500000100M)'),
    });
    await expect(
      recordStepOnce(dataSource, { ...step, actor: { userId: 'mallory', role: 'hospital' } }),
    ).rejects.toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
      message: expect.stringContaining('another user (it)'),
    });
    expect(await count('step_record', step.eventId)).toBe(1);
    expect(await recordStepOnce(dataSource, step)).toEqual(first);
  });

  it('leaves nothing written when the guard refuses the step', async () => {
    const step = input();
    const refusal = new DomainError('QA-02', 'refused');
    await expect(
      recordStepOnce(dataSource, step, async (manager) => {
        await manager.query(`SELECT 1`);
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(await count('step_record', step.eventId)).toBe(0);
    expect(await count('outbox', step.eventId)).toBe(0);
  });

  describe('CSV-04 one record per journey step, whatever event id a retry carries', () => {
    const stepOf = (donorCode: string, payload: unknown, repeat = 0) =>
      input({
        donorCode,
        journeyId: `journey-${donorCode}`,
        identity: {
          step: 'recordCollection',
          cycle: 0,
          repeat,
          payloadHash: stepPayloadHash(payload),
        },
      });
    const countOfStep = async (donorCode: string) => {
      const [row] = await dataSource.query(
        `SELECT count(*)::int AS n FROM "${schema}"."step_record" WHERE donor_code = $1`,
        [donorCode],
      );
      return row.n as number;
    };
    const outboxOf = async (donorCode: string) => {
      const [row] = await dataSource.query(
        `SELECT count(*)::int AS n FROM "${schema}"."outbox" WHERE message_key = $1`,
        [donorCode],
      );
      return row.n as number;
    };
    const payload = { volumeMl: 180, bagLot: 'BAG-1' };

    it('CSV-04 answers the same step under a new event id with the first record: one row, one event', async () => {
      const donorCode = 'A99991500000300X';
      const first = await recordStepOnce(dataSource, stepOf(donorCode, payload));
      const retried = await recordStepOnce(dataSource, stepOf(donorCode, { ...payload }));
      expect(retried).toEqual(first);
      expect(await countOfStep(donorCode)).toBe(1);
      expect(await outboxOf(donorCode)).toBe(1);
    });

    it('CSV-04 refuses the same step under a new event id with another payload, naming the step', async () => {
      const donorCode = 'A99991500000400V';
      await recordStepOnce(dataSource, stepOf(donorCode, payload));
      await expect(
        recordStepOnce(dataSource, stepOf(donorCode, { ...payload, volumeMl: 200 })),
      ).rejects.toMatchObject({
        code: 'IDEMPOTENCY_CONFLICT',
        message: expect.stringContaining('step recordCollection of journey A99991500000400V'),
      });
      expect(await countOfStep(donorCode)).toBe(1);
      expect(await outboxOf(donorCode)).toBe(1);
    });

    it('CSV-04 keeps a legitimately repeated step (another repeat) as a record of its own', async () => {
      const donorCode = 'A99991500000500T';
      const first = await recordStepOnce(dataSource, stepOf(donorCode, payload, 0));
      const second = await recordStepOnce(dataSource, stepOf(donorCode, payload, 1));
      expect(second.recordId).not.toBe(first.recordId);
      expect(await countOfStep(donorCode)).toBe(2);
    });

    it('CSV-04 answers a guard’s own unique violation as RECORD_ALREADY_EXISTS, never the raw error', async () => {
      await dataSource.query(
        `CREATE TABLE "${schema}"."thing" ("k" text CONSTRAINT "UQ_thing_k" UNIQUE)`,
      );
      const guard = async (manager: import('typeorm').EntityManager) =>
        void (await manager.query(`INSERT INTO "${schema}"."thing" ("k") VALUES ('once')`));
      await recordStepOnce(dataSource, input(), guard);
      const step = input();
      await expect(recordStepOnce(dataSource, step, guard)).rejects.toMatchObject({
        code: 'RECORD_ALREADY_EXISTS',
        message: expect.stringContaining('UQ_thing_k'),
      });
      expect(await count('step_record', step.eventId)).toBe(0);
    });
  });
});
