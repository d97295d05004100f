import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  CART_CD19_V1,
  formatDonorCode,
  generateDonorUniqueCode,
  TOPICS,
  uniqueViolationConstraint,
} from '@v2v/contracts';
import { JourneyStepRecorder, RandomUuidGenerator, StepInput } from '@v2v/service-kit';
import { ManufacturingSlotRepository } from '../../manufacturing-slots/manufacturing-slot.repository';
import { PRODUCTION_SCHEMA, productionDataSourceOptions } from '../../production.data-source';
import { ProcessRepository } from '../../processes/process.repository';
import { ProcessValidationStanding } from '../../processes/usecases/process-validation-standing.usecase';
import { BatchRepository } from '../batch.repository';
import { RetainedDonorMaterial } from '../retained-donor-material';
import { RetainedMaterialRepository } from '../retained-material.repository';
import { StartProductionUseCase } from './start-production.usecase';

// Real PostgreSQL, the production schema as migrated, the service's own connection.
let dataSource: DataSource;
let startProduction: StartProductionUseCase;
beforeAll(async () => {
  dataSource = await new DataSource(productionDataSourceOptions()).initialize();
  const steps = new JourneyStepRecorder(dataSource, {
    schema: PRODUCTION_SCHEMA,
    producer: 'production',
    topic: TOPICS.production,
  });
  const processes = new ProcessRepository(dataSource);
  startProduction = new StartProductionUseCase(
    steps,
    new BatchRepository(dataSource),
    processes,
    new ProcessValidationStanding(processes),
    new RetainedDonorMaterial(new RetainedMaterialRepository(), new RandomUuidGenerator()),
    new ManufacturingSlotRepository(dataSource),
  );
});
afterAll(() => dataSource?.destroy());

const newDonorCode = () =>
  formatDonorCode(
    generateDonorUniqueCode({
      facility: 'I0001',
      year: 2026,
      sequence: 1 + Math.floor(Math.random() * 999_998),
    }),
  );

function stepFor(donorCode: string, occurrence?: { cycle: number; repeat: number }) {
  const input: StepInput<'startProduction'> = {
    journeyId: `journey-${donorCode}`,
    donorCode,
    eventId: randomUUID(),
    actor: { userId: 'operator', role: 'operator' },
    occurredAt: new Date().toISOString(),
    order: {
      patientReference: 'PAT-IT-1',
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: '2026-12-01',
    },
    specification: { productCode: 'CART-CD19', version: 1, ...CART_CD19_V1 },
    knownPositiveMarkers: [],
    payload: { labelScan: donorCode },
    ...(occurrence ? { occurrence } : {}),
  };
  return input;
}

const countOf = async (sql: string, donorCode: string) =>
  Number((await dataSource.query(sql, [donorCode]))[0].n);
const batches = (code: string) =>
  countOf(`SELECT count(*) AS n FROM production.batch WHERE donor_code = $1`, code);
const records = (code: string) =>
  countOf(`SELECT count(*) AS n FROM production.step_record WHERE donor_code = $1`, code);
const events = (code: string) =>
  countOf(`SELECT count(*) AS n FROM production.outbox WHERE message_key = $1`, code);

describe('startProduction retried after its answer was lost (CSV-04)', () => {
  it('CSV-04 answers the retry under a new event id with the batch already started', async () => {
    const donorCode = newDonorCode();
    const first = await startProduction.execute(stepFor(donorCode, { cycle: 0, repeat: 0 }));
    const retried = await startProduction.execute(stepFor(donorCode, { cycle: 0, repeat: 0 }));
    expect(retried).toEqual(first);
    expect(await batches(donorCode)).toBe(1);
    expect(await records(donorCode)).toBe(1);
    expect(await events(donorCode)).toBe(1);
  });

  it('CSV-04 refuses a second start without a step identity as a conflict, not UQ_batch_donor_code raw', async () => {
    const donorCode = newDonorCode();
    await startProduction.execute(stepFor(donorCode));
    const error = await startProduction.execute(stepFor(donorCode)).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'DomainError',
      code: 'RECORD_ALREADY_EXISTS',
      message: expect.stringContaining('UQ_batch_donor_code'),
    });
    expect(uniqueViolationConstraint(error)).toBeUndefined();
    expect(await batches(donorCode)).toBe(1);
    expect(await records(donorCode)).toBe(1);
  });
});

describe('startProduction on a validated process (PRD-03)', () => {
  it('PRD-03 records the process version on the batch and returns the batch number', async () => {
    const donorCode = newDonorCode();
    const record = await startProduction.execute(stepFor(donorCode, { cycle: 0, repeat: 0 }));
    expect(record.batchNumber).toMatch(/^B\d{4}-\d{6}$/);
    const [batch] = await dataSource.query(
      `SELECT batch_number, process_version FROM production.batch WHERE donor_code = $1`,
      [donorCode],
    );
    expect(batch).toEqual({ batch_number: record.batchNumber, process_version: 1 });
  });

  it('PRD-03 refuses a specification version without a published process, writing nothing', async () => {
    const productCode = `IT-${randomUUID().slice(0, 8).toUpperCase()}`;
    await dataSource.query(
      `INSERT INTO production.product_specification (product_code, version, name, content, published_by)
       VALUES ($1, 1, $2, $3, 'it.qa')`,
      [productCode, CART_CD19_V1.name, JSON.stringify(CART_CD19_V1)],
    );
    const donorCode = newDonorCode();
    const input = stepFor(donorCode, { cycle: 0, repeat: 0 });
    const error = await startProduction
      .execute({
        ...input,
        order: { ...input.order, productCode },
        specification: { ...input.specification, productCode },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DomainError', code: 'PRD-03' });
    expect(await batches(donorCode)).toBe(0);
    expect(await records(donorCode)).toBe(0);
    expect(await events(donorCode)).toBe(0);
  });
});
