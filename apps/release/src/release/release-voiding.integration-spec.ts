import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type Actor, RELEASE_GATE_ITEMS, type ReleaseGateStanding } from '@v2v/contracts';
import { StepRecordReader } from '@v2v/messaging';
import { JourneySignatures, JourneyStepRecorder } from '@v2v/service-kit';
import {
  sealSignature,
  SignatureRecorder,
  signatureOf,
  signatureSealPrivateKey,
  signatureSealPublicKey,
} from '@v2v/signatures';
import { ProductEmergencyRepository } from '../emergencies/product-emergency.repository';
import { InstructionsForUseRepository } from '../instructions-for-use/instructions-for-use.repository';
import { QcRepository } from '../qc/qc.repository';
import { QcStandingUseCase } from '../qc/usecases/qc-standing.usecase';
import { SampleRepository } from '../samples/sample.repository';
import { RetentionStandingUseCase } from '../samples/usecases/retention-standing.usecase';
import { ReleaseSignatureVoidings } from './release-signature-voidings';
import { coveredHashOf } from './release-standing-rules';
import { ReleaseVoidingRepository } from './release-voiding.repository';
import { ReleaseBatchUseCase } from './usecases/release-batch.usecase';
import { ShipToSiteUseCase } from './usecases/ship-to-site.usecase';
import { VoidReleaseUseCase } from './usecases/void-release.usecase';
import {
  newDonorCode,
  openReleaseTestContext,
  stepInputOf,
} from '../__tests__/release-test-context';

const qp: Actor = { userId: 'it.qp', role: 'qa-qp' };
const ops: Actor = { userId: 'it.ops', role: 'ops' };

let dataSource: DataSource;
let owner: DataSource;
let steps: JourneyStepRecorder;
let signatures: SignatureRecorder;
let voidings: ReleaseVoidingRepository;
let voidRelease: VoidReleaseUseCase;
let shipment: ShipToSiteUseCase;
let release: ReleaseBatchUseCase;
let journeySignatures: JourneySignatures;

let context: Awaited<ReturnType<typeof openReleaseTestContext>>;

beforeAll(async () => {
  context = await openReleaseTestContext();
  ({ dataSource, owner, steps } = context);
  signatures = new SignatureRecorder('release', signatureSealPublicKey());
  voidings = new ReleaseVoidingRepository();
  voidRelease = new VoidReleaseUseCase(dataSource, voidings);
  shipment = new ShipToSiteUseCase(steps, voidings, new InstructionsForUseRepository(dataSource));
  const qc = new QcStandingUseCase(
    new QcRepository(dataSource),
    new RetentionStandingUseCase(new SampleRepository(dataSource)),
    new ProductEmergencyRepository(dataSource),
  );
  release = new ReleaseBatchUseCase(steps, qc, signatures);
  journeySignatures = new JourneySignatures(
    dataSource,
    'release',
    new StepRecordReader(dataSource, 'release'),
    new ReleaseSignatureVoidings(dataSource, voidings),
  );
});
afterAll(() => context?.destroy());

function standingOf(donorCode: string, batchNumber: string): ReleaseGateStanding {
  return {
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
  };
}

const inputOf = <P>(donorCode: string, actor: Actor, payload: P, repeat = 0) =>
  stepInputOf(donorCode, actor, payload, { repeat });

/**
 * A release as the journey records it, its signature and its gates in the record: written
 * through the step recorder and the signature recorder (the QC gate the use case checks again is
 * tested with it, in qc.integration-spec.ts).
 */
async function recordedRelease(donorCode: string, batchNumber: string, repeat = 0) {
  const eventId = randomUUID();
  const unsigned = {};
  const signature = sealSignature(
    signatureOf({ step: 'releaseBatch', donorCode, eventId, detail: unsigned }, qp),
    signatureSealPrivateKey(),
  );
  const input = { ...inputOf(donorCode, qp, { signature }, repeat), eventId };
  const standing = standingOf(donorCode, batchNumber);
  await steps.record(
    'releaseBatch',
    input,
    {
      summary: `batch ${batchNumber} released`,
      detail: { signature, releaseGates: { ...standing, coveredHash: coveredHashOf(standing) } },
    },
    (manager) => signatures.recordForStep(manager, 'releaseBatch', input),
  );
  return { eventId };
}

const shipmentOf = (donorCode: string) =>
  inputOf(donorCode, ops, {
    shippedAt: new Date().toISOString(),
    courier: 'IT courier',
    shipperId: 'SHIPPER-IT-UNKNOWN',
  });

describe('the void release (CSV-02)', () => {
  it('QA-02 records no release without the gates the journey evaluated', async () => {
    const donorCode = newDonorCode();
    const input = inputOf(donorCode, qp, { signature: {} });
    await expect(release.execute(input as never)).rejects.toMatchObject({
      code: 'QA-02',
      message: expect.stringContaining('none came with it (QA-02)'),
    });
    const open = { ...standingOf(donorCode, 'B-IT'), releasable: false };
    open.gates[1] = { ...open.gates[1], status: 'open', detail: 'review pending' };
    await expect(release.execute({ ...input, releaseGates: open } as never)).rejects.toMatchObject({
      code: 'QA-02',
      message: expect.stringContaining('QA-02.2 review pending'),
    });
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM release.step_record WHERE donor_code = $1`,
      [donorCode],
    );
    expect(n).toBe(0);
  });

  it('CSV-02 voidRelease writes its row once, with its audit entry and custody event, and the signature shows void', async () => {
    const donorCode = newDonorCode();
    const { eventId } = await recordedRelease(donorCode, 'B-IT-1');
    const before = await journeySignatures.list(donorCode);
    expect(before).toEqual([expect.objectContaining({ step: 'releaseBatch', valid: true })]);

    const reason =
      'the release of batch B-IT-1 is void: QA-02.1 changed since the release (CSV-02)';
    const query = { donorCode, batchNumber: 'B-IT-1', journeyId: `journey-${donorCode}` };
    await voidRelease.execute({ ...query, reason, changed: ['QA-02.1'] });
    await voidRelease.execute({ ...query, reason: 'a second voiding', changed: ['QA-01'] });

    const rows = await dataSource.query(
      `SELECT "voiding_id", "reason", "changed_items" FROM release.release_voiding WHERE release_event_id = $1`,
      [eventId],
    );
    expect(rows).toEqual([expect.objectContaining({ reason, changed_items: ['QA-02.1'] })]);
    const audit = await dataSource.query(
      `SELECT count(*)::int AS n FROM release.audit_entry WHERE record_type = 'release-voiding' AND record_id = $1`,
      [rows[0].voiding_id],
    );
    expect(audit[0].n).toBe(1);
    const events = await dataSource.query(
      `SELECT count(*)::int AS n FROM release.outbox WHERE message_type = 'batch.release-voided.v1' AND id = $1`,
      [rows[0].voiding_id],
    );
    expect(events[0].n).toBe(1);
    const after = await journeySignatures.list(donorCode);
    expect(after).toEqual([
      expect.objectContaining({ step: 'releaseBatch', valid: false, voidReason: reason }),
    ]);
  });

  it('QA-02 refuses the shipment of a voided release, and ships a release recorded after it', async () => {
    const donorCode = newDonorCode();
    await recordedRelease(donorCode, 'B-IT-2');
    const query = { donorCode, batchNumber: 'B-IT-2', journeyId: `journey-${donorCode}` };
    await voidRelease.execute({ ...query, reason: 'QA-02.3 is open now', changed: ['QA-02.3'] });
    await expect(shipment.execute(shipmentOf(donorCode))).rejects.toMatchObject({
      code: 'QA-02',
      message: expect.stringContaining('the release is void: QA-02.3 is open now'),
    });
    // A new release (the gates settled again): the void one no longer stands in the way, and
    // the shipment goes on to its own checks (this shipper is not qualified: MAT-03).
    await recordedRelease(donorCode, 'B-IT-2', 1);
    await expect(shipment.execute(shipmentOf(donorCode))).rejects.toMatchObject({
      code: 'MAT-03',
    });
  });

  it('CSV-02 the service role cannot UPDATE or DELETE a voiding, nor the owner change one', async () => {
    await expect(
      dataSource.query(`UPDATE release.release_voiding SET reason = reason WHERE false`),
    ).rejects.toThrow(/permission denied for table release_voiding/);
    await expect(
      dataSource.query(`DELETE FROM release.release_voiding WHERE false`),
    ).rejects.toThrow(/permission denied for table release_voiding/);
    const donorCode = newDonorCode();
    await recordedRelease(donorCode, 'B-IT-3');
    const query = { donorCode, batchNumber: 'B-IT-3', journeyId: `journey-${donorCode}` };
    await voidRelease.execute({ ...query, reason: 'QA-01 is open now', changed: ['QA-01'] });
    await expect(
      owner.query(`UPDATE release.release_voiding SET reason = 'x' WHERE donor_code = $1`, [
        donorCode,
      ]),
    ).rejects.toThrow(/never changed or deleted \(CSV-02\)/);
  });
});
