import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { DomainError, StepActivityInput } from '@v2v/contracts';
import { migrationDatabaseUrl, serviceDataSourceOptions } from '@v2v/database';
import { createRefusalRecordTableSql, RefusalRecordRepository } from '@v2v/messaging';
import { asTemporalActivities } from '@v2v/temporal';

// Real PostgreSQL; a throwaway schema per run.
const schema = `it_refusals_${randomUUID().slice(0, 8)}`;
const DONOR = 'A99991500000100M';
let dataSource: DataSource;
let refusals: RefusalRecordRepository;

beforeAll(async () => {
  dataSource = await new DataSource(
    serviceDataSourceOptions({ schema, entities: [], migrations: [], url: migrationDatabaseUrl() }),
  ).initialize();
  await dataSource.query(`CREATE SCHEMA "${schema}"`);
  for (const sql of createRefusalRecordTableSql(schema)) await dataSource.query(sql);
  await dataSource.query(`CREATE TABLE "${schema}"."batch" ("donor_code" text NOT NULL)`);
  refusals = new RefusalRecordRepository(dataSource, schema, 'production');
});

afterAll(async () => {
  await dataSource?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await dataSource?.destroy();
});

/** A step that writes its batch and then finds the scanned label is another donor's. */
const activities = () => ({
  startProduction: (input: Pick<StepActivityInput<{ labelScan: string }>, 'donorCode'>) =>
    dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO "${schema}"."batch" ("donor_code") VALUES ($1)`, [
        input.donorCode,
      ]);
      throw new DomainError('IDENTITY_MISMATCH', 'the scanned label is another donor');
    }),
});

const stepInput = (eventId: string) => ({
  journeyId: `journey-${DONOR}`,
  donorCode: DONOR,
  eventId,
  actor: { userId: 'operator', role: 'operator' as const },
  payload: { labelScan: 'A99991500000200K' },
});

const rows = async (table: string) =>
  dataSource.query(`SELECT * FROM "${schema}"."${table}" WHERE "donor_code" = $1`, [DONOR]);

describe('a refused step activity on real PostgreSQL', () => {
  it('PRD-06 keeps the refusal on record after its transaction rolled back, once per step event', async () => {
    const wrapped = asTemporalActivities(activities(), (refusal) => refusals.record(refusal));
    const eventId = randomUUID();
    for (let attempt = 0; attempt < 2; attempt++) {
      const failure = await wrapped.startProduction(stepInput(eventId)).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ type: 'IDENTITY_MISMATCH', nonRetryable: true });
    }
    expect(await rows('batch')).toEqual([]);
    expect(await refusals.byDonorCode(DONOR)).toEqual([
      {
        service: 'production',
        at: expect.any(String),
        actor: { userId: 'operator', role: 'operator' },
        donorCode: DONOR,
        code: 'IDENTITY_MISMATCH',
        message: 'the scanned label is another donor',
        step: { activity: 'startProduction', eventId },
      },
    ]);
  });

  it('CSV-01 refuses any edit, delete or truncate of a refusal record', async () => {
    await refusals.record({
      activity: 'completeProduction',
      donorCode: DONOR,
      journeyId: `journey-${DONOR}`,
      eventId: randomUUID(),
      actor: { userId: 'operator', role: 'operator' },
      code: 'NOT_FOUND',
      message: 'no batch in production',
      details: {},
    });
    const before = await rows('refusal_record');
    await expect(
      dataSource.query(`UPDATE "${schema}"."refusal_record" SET "message" = 'edited'`),
    ).rejects.toThrow(/cannot be edited or deleted/);
    await expect(dataSource.query(`DELETE FROM "${schema}"."refusal_record"`)).rejects.toThrow(
      /cannot be edited or deleted/,
    );
    await expect(dataSource.query(`TRUNCATE "${schema}"."refusal_record"`)).rejects.toThrow(
      /cannot be edited or deleted/,
    );
    expect(await rows('refusal_record')).toEqual(before);
  });
});
