import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type Actor, RELEASE_GATE_ITEMS, type ReleaseGateStanding } from '@v2v/contracts';
import { JourneyStepRecorder, type StepInput } from '@v2v/service-kit';
import {
  sealSignature,
  SignatureRecorder,
  signatureOf,
  signatureSealPrivateKey,
  signatureSealPublicKey,
} from '@v2v/signatures';
import { bedsideInfusion, qcResultsWithinSpecification } from '@v2v/testing';
import { QcRepository } from '../qc/qc.repository';
import { QcStandingUseCase } from '../qc/usecases/qc-standing.usecase';
import { RecordInfusionUseCase } from '../release/usecases/record-infusion.usecase';
import { RecordQcResultUseCase } from '../release/usecases/record-qc-result.usecase';
import { SampleRepository } from '../samples/sample.repository';
import { RetentionStandingUseCase } from '../samples/usecases/retention-standing.usecase';
import {
  newDonorCode,
  openReleaseTestContext,
  stepInputOf,
} from '../__tests__/release-test-context';
import { ProductEmergencyRepository } from './product-emergency.repository';
import { CloseProductEmergencyUseCase } from './usecases/close-product-emergency.usecase';
import { RaiseBedsideMismatchUseCase } from './usecases/raise-bedside-mismatch.usecase';

const qc: Actor = { userId: 'it.qc', role: 'qc' };
const qp: Actor = { userId: 'it.qp', role: 'qa-qp' };
const qa: Actor = { userId: 'it.qa', role: 'qa-qp' };
const nurse: Actor = { userId: 'it.nurse', role: 'hospital' };

let dataSource: DataSource;
let owner: DataSource;
let steps: JourneyStepRecorder;
let emergencies: ProductEmergencyRepository;
let recordQc: RecordQcResultUseCase;
let standing: QcStandingUseCase;
let infusion: RecordInfusionUseCase;
let closeEmergency: CloseProductEmergencyUseCase;

let context: Awaited<ReturnType<typeof openReleaseTestContext>>;

beforeAll(async () => {
  context = await openReleaseTestContext();
  ({ dataSource, owner, steps } = context);
  const qcRepository = new QcRepository(dataSource);
  emergencies = new ProductEmergencyRepository(dataSource);
  recordQc = new RecordQcResultUseCase(steps, qcRepository, emergencies);
  standing = new QcStandingUseCase(
    qcRepository,
    new RetentionStandingUseCase(new SampleRepository(dataSource)),
    emergencies,
  );
  infusion = new RecordInfusionUseCase(
    steps,
    emergencies,
    new RaiseBedsideMismatchUseCase(dataSource, emergencies),
    context.instructions,
  );
  closeEmergency = new CloseProductEmergencyUseCase(
    dataSource,
    emergencies,
    new SignatureRecorder('release', signatureSealPublicKey()),
  );
});
afterAll(() => context?.destroy());

const inputOf = <P>(donorCode: string, actor: Actor, payload: P, repeat = 0) =>
  stepInputOf(donorCode, actor, payload, { repeat });

const qcStep = (donorCode: string, results: unknown[], repeat: number) =>
  inputOf(donorCode, qc, { results }, repeat) as StepInput<'recordQcResult'>;

const sterility = (value: string) => ({
  testCode: 'sterility',
  value,
  method: 'BacT/ALERT 14 days',
  instrumentId: 'QC-INSTR-09',
  sampleId: 'QCS-FP-02',
  testedAt: new Date().toISOString(),
});

/** A conditional release as the journey records it (sterility to follow). */
async function conditionallyReleased(donorCode: string) {
  await recordQc.execute(qcStep(donorCode, qcResultsWithinSpecification(new Date()), 0));
  const { gate, resultsToFollow } = await standing.qcGate(donorCode);
  expect(resultsToFollow.map((r) => r.testCode)).toEqual(['sterility']);
  const gates: ReleaseGateStanding = {
    donorCode,
    batchNumber: `B-${donorCode}`,
    gates: RELEASE_GATE_ITEMS.map((item) =>
      item === 'QA-02.1'
        ? gate
        : {
            item,
            answeredBy: 'release',
            status: 'settled',
            detail: `${item} settled`,
            openRecords: [],
            contentHash: `${item}-v1`,
          },
    ),
    releasable: true,
    resultsToFollow,
    evaluatedAt: new Date().toISOString(),
  };
  await steps.record('releaseBatch', inputOf(donorCode, qp, { signature: {} }), {
    summary: 'released conditionally',
    detail: { releaseGates: gates },
  });
  return gate;
}

const atSite = (donorCode: string) => context.productAtSite(donorCode, nurse);

const infusionOf = (donorCode: string) =>
  inputOf(
    donorCode,
    nurse,
    bedsideInfusion({
      donorCode,
      patientReference: 'PAT-IT-1',
      endedAt: new Date().toISOString(),
      clinicians: [nurse.userId, 'it.nurse-2'],
    }),
  ) as StepInput<'recordInfusion'>;

describe('results after a conditional release (QA-04, QA-02.1)', () => {
  it('QA-02.1 a late sterility result within specification completes the release and leaves its gate as covered', async () => {
    const donorCode = newDonorCode();
    const covered = await conditionallyReleased(donorCode);
    const late = await recordQc.execute(qcStep(donorCode, [sterility('no growth')], 1));
    expect(late.deviations).toBeUndefined();
    const { gate, resultsToFollow } = await standing.qcGate(donorCode);
    expect(gate).toMatchObject({ status: 'settled', contentHash: covered.contentHash });
    expect(resultsToFollow).toEqual([]);
    expect(await emergencies.list(donorCode)).toEqual([]);
  });

  it('QA-04 a late sterility result out of specification raises an emergency with its event in the same transaction, holds the infusion until QA closes it signed', async () => {
    const donorCode = newDonorCode();
    await conditionallyReleased(donorCode);
    const step = qcStep(donorCode, [sterility('growth')], 1);
    const record = await recordQc.execute(step);
    expect(record.deviations).toEqual([
      {
        deviationId: expect.any(String),
        rule: 'QA-04',
        detectedAt: step.occurredAt,
        description: expect.stringContaining('sterility result growth'),
      },
    ]);
    const emergencyId = record.deviations![0].deviationId;
    // A repeat of the step (the answer was lost) returns the same record and raises nothing more.
    expect((await recordQc.execute(step)).deviations).toEqual(record.deviations);
    expect(await emergencies.list(donorCode)).toEqual([
      expect.objectContaining({ deviationId: emergencyId, rule: 'QA-04', status: 'open' }),
    ]);
    const events = await dataSource.query(
      `SELECT "envelope"->'payload' AS "payload" FROM release.outbox
        WHERE "message_key" = $1 AND "message_type" = 'deviation.raised.v1'`,
      [donorCode],
    );
    expect(events).toEqual([
      {
        payload: expect.objectContaining({
          recordId: emergencyId,
          detail: expect.objectContaining({ rule: 'QA-04', deviationId: emergencyId }),
        }),
      },
    ]);
    const { gate } = await standing.qcGate(donorCode);
    expect(gate.status).toBe('open');

    await atSite(donorCode);
    await expect(infusion.execute(infusionOf(donorCode))).rejects.toMatchObject({
      code: 'QA-04',
      message: expect.stringContaining(emergencyId),
    });

    const closure = {
      investigation: 'sterility positive on day 9; product already at site',
      rootCause: 'contaminated sampling port',
      correctiveAction: 'patient informed; sampling procedure changed',
    };
    const signature = sealSignature(
      signatureOf(
        {
          meaning: 'closed',
          recordType: 'deviation-closure',
          recordId: emergencyId,
          donorCode,
          detail: { donorCode, ...closure },
        },
        qa,
      ),
      signatureSealPrivateKey(),
    );
    const command = { donorCode, ...closure, eventId: randomUUID(), closedBy: qa, signature };
    await expect(closeEmergency.execute(emergencyId, command)).resolves.toMatchObject({
      status: 'closed',
    });
    await expect(
      closeEmergency.execute(emergencyId, { ...command, eventId: randomUUID() }),
    ).rejects.toMatchObject({ code: 'DEVIATION_ALREADY_CLOSED' });
    await expect(infusion.execute(infusionOf(donorCode))).resolves.toMatchObject({
      summary: 'infused after bedside identity check',
    });
  });

  it('QA-04 an emergency and its closure are never changed or deleted, not by the service role nor by the owner', async () => {
    const donorCode = newDonorCode();
    await conditionallyReleased(donorCode);
    await recordQc.execute(qcStep(donorCode, [sterility('growth')], 1));
    for (const db of [dataSource, owner]) {
      await expect(
        db.query(`UPDATE release.product_emergency SET "description" = 'x' WHERE donor_code = $1`, [
          donorCode,
        ]),
      ).rejects.toThrow();
      await expect(
        db.query(`DELETE FROM release.product_emergency WHERE donor_code = $1`, [donorCode]),
      ).rejects.toThrow();
    }
    expect(await emergencies.list(donorCode)).toHaveLength(1);
  });

  it('QA-04 a closure without a signature made for it is refused and leaves nothing', async () => {
    const donorCode = newDonorCode();
    await conditionallyReleased(donorCode);
    const record = await recordQc.execute(qcStep(donorCode, [sterility('growth')], 1));
    const emergencyId = record.deviations![0].deviationId;
    const forged = sealSignature(
      signatureOf(
        {
          meaning: 'closed',
          recordType: 'deviation-closure',
          recordId: emergencyId,
          donorCode,
          detail: { donorCode, investigation: 'other', rootCause: 'x', correctiveAction: 'y' },
        },
        qa,
      ),
      signatureSealPrivateKey(),
    );
    await expect(
      closeEmergency.execute(emergencyId, {
        donorCode,
        investigation: 'none',
        rootCause: 'none',
        correctiveAction: 'none',
        eventId: randomUUID(),
        closedBy: qa,
        signature: forged,
      }),
    ).rejects.toMatchObject({ code: 'CSV-02' });
    expect(await emergencies.list(donorCode)).toEqual([
      expect.objectContaining({ status: 'open' }),
    ]);
  });
});
