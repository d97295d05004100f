import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createAuditTablesSql } from '@v2v/audit';
import { DomainError } from '@v2v/contracts';
import { migrationDatabaseUrl, serviceDataSourceOptions } from '@v2v/database';
import { createOutboxTableSql } from './messaging-tables.sql';
import { createStepRecordTableSql } from './step-record.sql';
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
    ...createOutboxTableSql(schema),
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
});
