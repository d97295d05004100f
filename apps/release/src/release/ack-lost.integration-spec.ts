import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { journeyWorkflowId, type Actor } from '@v2v/contracts';
import { RefusalRecordRepository } from '@v2v/messaging';
import type { StepInput } from '@v2v/service-kit';
import { asTemporalActivities, temporalConnectionOptions, temporalNamespace } from '@v2v/temporal';
import { runWithFirstAckLost } from '@v2v/testing';
import {
  newDonorCode,
  openReleaseTestContext,
  stepInputOf,
} from '../__tests__/release-test-context';
import { ProductEmergencyRepository } from '../emergencies/product-emergency.repository';
import { RecordThawUseCase } from './usecases/record-thaw.usecase';

// Real PostgreSQL (the release schema as migrated, the service's own role) and the real
// Temporal dev server, with a worker of this test on a task queue of its own.
const nurse: Actor = { userId: 'it.nurse', role: 'hospital' };
let context: Awaited<ReturnType<typeof openReleaseTestContext>>;
let connection: NativeConnection;
let clientConnection: Connection;
let thaw: RecordThawUseCase;
let activities: { recordThaw: (input: StepInput<'recordThaw'>) => Promise<unknown> };

beforeAll(async () => {
  context = await openReleaseTestContext();
  thaw = new RecordThawUseCase(context.steps, new ProductEmergencyRepository(context.dataSource));
  const refusals = new RefusalRecordRepository(context.dataSource, 'release', 'release');
  // As the service wires its worker (activityWorkerProcess): refusals on record first.
  activities = asTemporalActivities(
    { recordThaw: (input: StepInput<'recordThaw'>) => thaw.execute(input) },
    (refusal) => refusals.record(refusal),
  );
  connection = await NativeConnection.connect(temporalConnectionOptions());
  clientConnection = await Connection.connect(temporalConnectionOptions());
});
afterAll(async () => {
  await connection?.close();
  await clientConnection?.close();
  await context?.destroy();
});

/** A thaw of 3 minutes at 37 °C, completed a minute ago, as the journey sends it. */
const thawOf = (donorCode: string) => {
  const completedAt = Date.now() - 60_000;
  return stepInputOf(donorCode, nurse, {
    thawStartedAt: new Date(completedAt - 3 * 60_000).toISOString(),
    thawCompletedAt: new Date(completedAt).toISOString(),
    bathTemperatureC: 37,
    methodNote: 'water bath at 37 °C',
  }) as StepInput<'recordThaw'>;
};

/** What one journey's step left in the release schema. */
async function footprint(donorCode: string) {
  const count = async (sql: string, value: string) =>
    ((await context.dataSource.query(sql, [value])) as Array<{ n: number }>)[0].n;
  return {
    stepRecords: await count(
      `SELECT count(*)::int AS n FROM release.step_record WHERE donor_code = $1`,
      donorCode,
    ),
    auditEntries: await count(
      `SELECT count(*)::int AS n FROM release.audit_entry WHERE journey_id = $1`,
      journeyWorkflowId(donorCode),
    ),
    outboxEvents: await count(
      `SELECT count(*)::int AS n FROM release.outbox WHERE message_key = $1`,
      donorCode,
    ),
  };
}

describe("release's step activity executed, its ack lost (CSV-04, issue 16)", () => {
  it('CSV-04 the thaw run again after its first attempt committed: one record, one audit entry, one event', async () => {
    const reference = newDonorCode();
    await thaw.execute(thawOf(reference));
    const once = await footprint(reference);
    expect(once).toEqual({ stepRecords: 1, auditEntries: 1, outboxEvents: 1 });

    const donorCode = newDonorCode();
    const { attempts, result } = await runWithFirstAckLost({
      connection,
      client: new Client({ connection: clientConnection, namespace: temporalNamespace() }),
      namespace: temporalNamespace(),
      activities,
      activity: 'recordThaw',
      input: thawOf(donorCode),
    });

    expect(attempts.map((a) => [a.attempt, a.error])).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
    expect(attempts[1].result).toEqual(attempts[0].result);
    expect(result).toEqual(attempts[0].result);
    expect(await footprint(donorCode)).toEqual(once);
    const [event] = await context.dataSource.query(
      `SELECT message_type FROM release.outbox WHERE message_key = $1`,
      [donorCode],
    );
    expect(event).toEqual({ message_type: 'product.thawed.v1' });
  });
});
