import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import {
  CART_CD19_V1,
  formatDonorCode,
  generateDonorUniqueCode,
  journeyWorkflowId,
  TOPICS,
} from '@v2v/contracts';
import { RefusalRecordRepository } from '@v2v/messaging';
import { JourneyStepRecorder, RandomUuidGenerator, type StepInput } from '@v2v/service-kit';
import { asTemporalActivities, temporalConnectionOptions, temporalNamespace } from '@v2v/temporal';
import { runWithFirstAckLost } from '@v2v/testing';
import { ManufacturingSlotRepository } from '../manufacturing-slots/manufacturing-slot.repository';
import { PRODUCTION_SCHEMA, productionDataSourceOptions } from '../production.data-source';
import { ProcessRepository } from '../processes/process.repository';
import { ProcessValidationStanding } from '../processes/usecases/process-validation-standing.usecase';
import { BatchRepository } from './batch.repository';
import { RetainedDonorMaterial } from './retained-donor-material';
import { RetainedMaterialRepository } from './retained-material.repository';
import { StartProductionUseCase } from './usecases/start-production.usecase';

// Real PostgreSQL (the production schema as migrated, the service's own role) and the real
// Temporal dev server, with a worker of this test on a task queue of its own.
let dataSource: DataSource;
let connection: NativeConnection;
let clientConnection: Connection;
let startProduction: StartProductionUseCase;
let activities: { startProduction: (input: StepInput<'startProduction'>) => Promise<unknown> };

beforeAll(async () => {
  dataSource = await new DataSource({
    ...productionDataSourceOptions(),
    logging: false,
  }).initialize();
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
  const refusals = new RefusalRecordRepository(dataSource, PRODUCTION_SCHEMA, 'production');
  // As the service wires its worker (activityWorkerProcess): refusals on record first.
  activities = asTemporalActivities(
    { startProduction: (input: StepInput<'startProduction'>) => startProduction.execute(input) },
    (refusal) => refusals.record(refusal),
  );
  connection = await NativeConnection.connect(temporalConnectionOptions());
  clientConnection = await Connection.connect(temporalConnectionOptions());
});
afterAll(async () => {
  await connection?.close();
  await clientConnection?.close();
  await dataSource?.destroy();
});

const newDonorCode = () =>
  formatDonorCode(
    generateDonorUniqueCode({
      facility: 'I0001',
      year: 2026,
      sequence: 1 + Math.floor(Math.random() * 999_998),
    }),
  );

/** The start of production as the journey sends it to production's activity. */
function startOf(donorCode: string): StepInput<'startProduction'> {
  return {
    journeyId: journeyWorkflowId(donorCode),
    donorCode,
    eventId: randomUUID(),
    occurrence: { cycle: 0, repeat: 0 },
    actor: { userId: 'operator', role: 'operator' },
    occurredAt: new Date().toISOString(),
    order: {
      patientReference: 'PAT-IT-ACK',
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: '2026-12-01',
    },
    specification: { productCode: 'CART-CD19', version: 1, ...CART_CD19_V1 },
    knownPositiveMarkers: [],
    payload: { labelScan: donorCode },
  };
}

/** What one journey's step left in the production schema. */
async function footprint(donorCode: string) {
  const count = async (sql: string, value: string) =>
    ((await dataSource.query(sql, [value])) as Array<{ n: number }>)[0].n;
  return {
    batches: await count(
      `SELECT count(*)::int AS n FROM production.batch WHERE donor_code = $1`,
      donorCode,
    ),
    stepRecords: await count(
      `SELECT count(*)::int AS n FROM production.step_record WHERE donor_code = $1`,
      donorCode,
    ),
    auditEntries: await count(
      `SELECT count(*)::int AS n FROM production.audit_entry WHERE journey_id = $1`,
      journeyWorkflowId(donorCode),
    ),
    outboxEvents: await count(
      `SELECT count(*)::int AS n FROM production.outbox WHERE message_key = $1`,
      donorCode,
    ),
  };
}

describe("production's step activity executed, its ack lost (CSV-04, issue 16)", () => {
  it('CSV-04 the start of production run again after its first attempt committed: one batch, as one run leaves', async () => {
    const reference = newDonorCode();
    await startProduction.execute(startOf(reference));
    const once = await footprint(reference);
    expect(once).toMatchObject({ batches: 1, stepRecords: 1, outboxEvents: 1 });
    expect(once.auditEntries).toBeGreaterThanOrEqual(1);

    const donorCode = newDonorCode();
    const { attempts, result } = await runWithFirstAckLost({
      connection,
      client: new Client({ connection: clientConnection, namespace: temporalNamespace() }),
      namespace: temporalNamespace(),
      activities,
      activity: 'startProduction',
      input: startOf(donorCode),
    });

    expect(attempts.map((a) => [a.attempt, a.error])).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
    // The second attempt answers the batch the first one started (its batch number).
    expect(attempts[1].result).toEqual(attempts[0].result);
    expect(result).toEqual(attempts[0].result);
    expect(await footprint(donorCode)).toEqual(once);
  });
});
