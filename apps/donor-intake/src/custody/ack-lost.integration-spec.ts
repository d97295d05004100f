import { randomInt, randomUUID } from 'node:crypto';
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
import { JourneyStepRecorder, type StepInput } from '@v2v/service-kit';
import { asTemporalActivities, temporalConnectionOptions, temporalNamespace } from '@v2v/temporal';
import { runWithFirstAckLost } from '@v2v/testing';
import { DONOR_INTAKE_SCHEMA, donorIntakeDataSourceOptions } from '../donor-intake.data-source';
import { InstitutionRepository } from '../institutions/institution.repository';
import { RecordCollectionUseCase } from './usecases/record-collection.usecase';

// Real PostgreSQL (the donor-intake schema as migrated, the service's own role) and the real
// Temporal dev server, with a worker of this test on a task queue of its own.
let dataSource: DataSource;
let connection: NativeConnection;
let clientConnection: Connection;
let collection: RecordCollectionUseCase;
let activities: { recordCollection: (input: StepInput<'recordCollection'>) => Promise<unknown> };

beforeAll(async () => {
  dataSource = await new DataSource({
    ...donorIntakeDataSourceOptions(),
    logging: false,
  }).initialize();
  const steps = new JourneyStepRecorder(dataSource, {
    schema: DONOR_INTAKE_SCHEMA,
    producer: 'donor-intake',
    topic: TOPICS.donorIntake,
  });
  collection = new RecordCollectionUseCase(steps, new InstitutionRepository(dataSource));
  const refusals = new RefusalRecordRepository(dataSource, DONOR_INTAKE_SCHEMA, 'donor-intake');
  // As the service wires its worker (activityWorkerProcess): refusals on record first.
  activities = asTemporalActivities(
    { recordCollection: (input: StepInput<'recordCollection'>) => collection.execute(input) },
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
    generateDonorUniqueCode({ facility: 'Z9995', year: 2026, sequence: randomInt(1, 999_999) }),
  );

/** The collection as the journey sends it to donor-intake's activity. */
function collectionOf(donorCode: string): StepInput<'recordCollection'> {
  const collectedAt = new Date(Date.now() - 3_600_000).toISOString();
  return {
    journeyId: journeyWorkflowId(donorCode),
    donorCode,
    eventId: randomUUID(),
    occurrence: { cycle: 0, repeat: 0 },
    actor: { userId: 'it.nurse', role: 'hospital' },
    occurredAt: new Date().toISOString(),
    order: {
      patientReference: 'PAT-IT-ACK',
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: collectedAt.slice(0, 10),
    },
    specification: { productCode: 'CART-CD19', version: 1, ...CART_CD19_V1 },
    knownPositiveMarkers: [],
    payload: {
      collectedAt,
      volumeMl: 180,
      bagLot: 'BAG-IT-ACK',
      collectionOperator: 'Nurse IT',
    },
  };
}

/** What one journey's step left in the donor-intake schema. */
async function footprint(donorCode: string) {
  const count = async (sql: string, value: string) =>
    ((await dataSource.query(sql, [value])) as Array<{ n: number }>)[0].n;
  return {
    stepRecords: await count(
      `SELECT count(*)::int AS n FROM donor_intake.step_record WHERE donor_code = $1`,
      donorCode,
    ),
    auditEntries: await count(
      `SELECT count(*)::int AS n FROM donor_intake.audit_entry WHERE journey_id = $1`,
      journeyWorkflowId(donorCode),
    ),
    outboxEvents: await count(
      `SELECT count(*)::int AS n FROM donor_intake.outbox WHERE message_key = $1`,
      donorCode,
    ),
  };
}

describe("donor-intake's step activity executed, its ack lost (CSV-04, issue 16)", () => {
  it('CSV-04 the collection run again after its first attempt committed: one record, one audit entry, one event', async () => {
    const reference = newDonorCode();
    await collection.execute(collectionOf(reference));
    const once = await footprint(reference);
    expect(once).toEqual({ stepRecords: 1, auditEntries: 1, outboxEvents: 1 });

    const donorCode = newDonorCode();
    const { attempts, result } = await runWithFirstAckLost({
      connection,
      client: new Client({ connection: clientConnection, namespace: temporalNamespace() }),
      namespace: temporalNamespace(),
      activities,
      activity: 'recordCollection',
      input: collectionOf(donorCode),
    });

    expect(attempts.map((a) => [a.attempt, a.error])).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
    // The second attempt answers the record the first one wrote.
    expect(attempts[1].result).toEqual(attempts[0].result);
    expect(result).toEqual(attempts[0].result);
    expect(await footprint(donorCode)).toEqual(once);
    const [event] = await dataSource.query(
      `SELECT message_type FROM donor_intake.outbox WHERE message_key = $1`,
      [donorCode],
    );
    expect(event).toEqual({ message_type: 'donor-material.collected.v1' });
  });
});
