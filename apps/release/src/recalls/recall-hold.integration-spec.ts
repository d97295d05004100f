import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type Actor,
  type EventEnvelope,
  RELEASE_GATE_ITEMS,
  type ReleaseGateStanding,
} from '@v2v/contracts';
import { JourneyStepRecorder } from '@v2v/service-kit';
import {
  sealSignature,
  SignatureRecorder,
  signatureOf,
  signatureSealPrivateKey,
  signatureSealPublicKey,
} from '@v2v/signatures';
import {
  newDonorCode,
  openReleaseTestContext,
  stepInputOf,
} from '../__tests__/release-test-context';
import { ProductEmergencyRepository } from '../emergencies/product-emergency.repository';
import { QcRepository } from '../qc/qc.repository';
import { QcStandingUseCase } from '../qc/usecases/qc-standing.usecase';
import { ReleaseBatchUseCase } from '../release/usecases/release-batch.usecase';
import { SampleRepository } from '../samples/sample.repository';
import { RetentionStandingUseCase } from '../samples/usecases/retention-standing.usecase';
import { RecallHoldRepository } from './recall-hold.repository';
import { HoldRecalledProductsUseCase } from './usecases/hold-recalled-products.usecase';

// Real PostgreSQL: the release schema as migrated, written through the services' role.
const qp: Actor = { userId: 'it.qp', role: 'qa-qp' };
let context: Awaited<ReturnType<typeof openReleaseTestContext>>;
let dataSource: DataSource;
let steps: JourneyStepRecorder;
let release: ReleaseBatchUseCase;
const hold = new HoldRecalledProductsUseCase(new RecallHoldRepository());

beforeAll(async () => {
  context = await openReleaseTestContext();
  ({ dataSource, steps } = context);
  const qc = new QcStandingUseCase(
    new QcRepository(dataSource),
    new RetentionStandingUseCase(new SampleRepository(dataSource)),
    new ProductEmergencyRepository(dataSource),
  );
  release = new ReleaseBatchUseCase(
    steps,
    qc,
    new SignatureRecorder('release', signatureSealPublicKey()),
  );
});
afterAll(() => context?.destroy());

/** The `recall.notified.v1` production publishes for a lot recall reaching the donor's batch. */
const recallNotified = (donorCode: string, batchNumber: string): EventEnvelope => {
  const recallId = randomUUID();
  return {
    id: randomUUID(),
    aggregateType: 'journey',
    aggregateId: donorCode,
    messageType: 'recall.notified.v1',
    occurredAt: new Date().toISOString(),
    payload: {
      donorCode,
      journeyId: `journey-${donorCode}`,
      actor: qp,
      recordId: recallId,
      summary: `product of batch ${batchNumber} recalled`,
      detail: {
        recallId,
        classification: 'I',
        scope: 'key-material-lot',
        subject: 'KML-IT-RECALLED',
        batchNumbers: [batchNumber],
        reason: 'vector lot failed its replication-competent lentivirus retest',
        decidedAt: new Date().toISOString(),
      },
    },
    metadata: { producer: 'production' },
  };
};

/** Every release gate settled: only the recall stands in the way. */
const settled = (donorCode: string, batchNumber: string): ReleaseGateStanding => ({
  donorCode,
  batchNumber,
  gates: RELEASE_GATE_ITEMS.map((item) => ({
    item,
    answeredBy: 'release',
    status: 'settled',
    detail: `${item} settled`,
    openRecords: [],
    contentHash: `${item}-v1`,
  })),
  releasable: true,
  resultsToFollow: [],
  evaluatedAt: new Date().toISOString(),
});

describe('the recall hold where the release is written (QA-04)', () => {
  it('QA-04 refuses the release of a batch a recall reached, naming it, and records nothing', async () => {
    const donorCode = newDonorCode();
    const batchNumber = `B-IT-${randomUUID().slice(0, 8)}`;
    const notified = recallNotified(donorCode, batchNumber);
    await dataSource.transaction((manager) => hold.execute(notified, manager));

    const eventId = randomUUID();
    const signature = sealSignature(
      signatureOf({ step: 'releaseBatch', donorCode, eventId, detail: {} }, qp),
      signatureSealPrivateKey(),
    );
    const input = {
      ...stepInputOf(donorCode, qp, { signature }),
      eventId,
      releaseGates: settled(donorCode, batchNumber),
    };
    const recallId = (notified.payload as { recordId: string }).recordId;
    await expect(release.execute(input as never)).rejects.toMatchObject({
      code: 'QA-04',
      message: expect.stringContaining(`recall ${recallId} (class I, key-material-lot`),
      details: { recalls: [recallId] },
    });
    const [{ records, signatures }] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM release.step_record WHERE donor_code = $1) AS records,
              (SELECT count(*)::int FROM release.electronic_signature WHERE record_id = $2)
                AS signatures`,
      [donorCode, eventId],
    );
    expect({ records, signatures }).toEqual({ records: 0, signatures: 0 });
  });
});
