import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type Actor, journeyWorkflowId, TOPICS } from '@v2v/contracts';
import { JourneyStepRecorder } from '@v2v/service-kit';
import {
  sealSignature,
  SignatureRecorder,
  signatureOf,
  signatureSealPrivateKey,
  signatureSealPublicKey,
} from '@v2v/signatures';
import { gatesQuery, registeredDonor, rowsOf, stepRecord } from '../__tests__/donor-records';
import { DONOR_INTAKE_SCHEMA, donorIntakeDataSourceOptions } from '../donor-intake.data-source';
import { DeviationRepository } from '../material/deviation.repository';
import { CloseDeviationUseCase } from '../material/usecases/close-deviation.usecase';
import { DonorMaterialTestRepository } from '../material-tests/donor-material-test.repository';
import { DonorMaterialGateRepository } from './donor-material-gate.repository';
import { DonorMaterialReleaseGatesUseCase } from './usecases/donor-material-release-gates.usecase';

// Real PostgreSQL: the donor-intake schema as migrated, through the services' role. The donor's
// registration and material records are put on record directly, as the step use cases record
// them; the transport deviation is raised and closed through the real recorder and use case.
// The donor material's own tests and their gate: material-tests/donor-material-tests spec.
let dataSource: DataSource;
let gates: DonorMaterialReleaseGatesUseCase;
let closeDeviation: CloseDeviationUseCase;
let steps: JourneyStepRecorder;
const qa: Actor = { userId: 'it.qa', role: 'qa-qp' };
const CLOSURE = {
  investigation: 'logger trace read: 40 min above 8 °C at the courier hub',
  rootCause: 'cool box left outside the cold room during a hand-over',
  correctiveAction: 'hub hand-over procedure changed; courier retrained',
};

beforeAll(async () => {
  dataSource = await new DataSource(donorIntakeDataSourceOptions()).initialize();
  const deviations = new DeviationRepository(dataSource);
  gates = new DonorMaterialReleaseGatesUseCase(
    dataSource,
    new DonorMaterialGateRepository(),
    deviations,
    new DonorMaterialTestRepository(dataSource),
  );
  const signatures = new SignatureRecorder(DONOR_INTAKE_SCHEMA, signatureSealPublicKey());
  closeDeviation = new CloseDeviationUseCase(dataSource, deviations, signatures);
  steps = new JourneyStepRecorder(dataSource, {
    schema: DONOR_INTAKE_SCHEMA,
    producer: 'donor-intake',
    topic: TOPICS.donorIntake,
  });
});
afterAll(() => dataSource?.destroy());

/** Screening, receipt (its DON-04.6 check as given) and QA's release, in that order. */
async function materialReleased(donorCode: string, markersPassed = true) {
  await stepRecord(dataSource, donorCode, 'recordDonorScreening', 'donor-screening', {
    results: ['HIV', 'HBV', 'HCV', 'syphilis'].map((marker) => ({ marker, result: 'negative' })),
    specificationVersion: 1,
  });
  await stepRecord(dataSource, donorCode, 'recordMaterialReceipt', 'receipt', {
    outcome: markersPassed ? 'accepted' : 'quarantined',
    inspection: [
      markersPassed
        ? { item: 'DON-04.6', check: 'screening results present', passed: true }
        : {
            item: 'DON-04.6',
            check: 'screening results present',
            passed: false,
            reason: 'no result for required marker(s) HTLV',
          },
    ],
  });
  await stepRecord(dataSource, donorCode, 'releaseMaterial', 'material-disposition', {
    comment: 'released',
  });
}

/** A transport deviation of the donor's material, raised through the real step recorder. */
async function transportDeviation(donorCode: string, deviationId = randomUUID()) {
  await steps.deviation({
    journeyId: journeyWorkflowId(donorCode),
    donorCode,
    deviation: {
      deviationId,
      rule: 'GEN-01',
      leg: 'transport-to-factory',
      detectedAt: new Date().toISOString(),
      description: 'transport to factory: 40 min above 8 °C',
    },
  });
  return deviationId;
}

/** QA's closure as the gateway sends it: a signature sealed anew for every attempt. */
function closureCommand(deviationId: string, donorCode: string, eventId = randomUUID()) {
  const content = {
    meaning: 'closed' as const,
    recordType: 'deviation-closure',
    recordId: deviationId,
    donorCode,
    detail: { donorCode, ...CLOSURE },
  };
  const signature = sealSignature(signatureOf(content, qa), signatureSealPrivateKey());
  return { donorCode, ...CLOSURE, eventId, closedBy: qa, signature };
}

const byItem = (gates: Array<{ item: string }>) => gates.map((g) => g.item);

describe('the donor material release gates on real PostgreSQL (QA-02.3, QA-02.4, QA-02.5)', () => {
  it('QA-02.3 is open with a transport deviation and settles once QA closed it, signed', async () => {
    const donorCode = await registeredDonor(dataSource);
    await materialReleased(donorCode);
    const deviationId = await transportDeviation(donorCode);
    const open = await gates.execute(gatesQuery(donorCode));
    expect(byItem(open)).toEqual(['QA-02.3', 'QA-02.4', 'QA-02.5']);
    expect(open[0]).toMatchObject({
      answeredBy: 'donor-intake',
      status: 'open',
      detail:
        '1 of 1 donor material deviations not closed: transport to factory: 40 min above 8 °C',
      openRecords: [deviationId],
    });
    expect(open[1]).toMatchObject({ status: 'settled' });
    expect(open[1].detail).toContain('is the order of patient PAT-IT-GATES (INST-001)');
    expect(open[2]).toMatchObject({ status: 'not-applicable' });

    await closeDeviation.execute(deviationId, closureCommand(deviationId, donorCode));
    const closed = await gates.execute(gatesQuery(donorCode));
    expect(closed[0]).toMatchObject({
      status: 'settled',
      detail: 'every donor material deviation (1) is closed by QA',
      openRecords: [],
    });
    expect(closed[0].contentHash).not.toBe(open[0].contentHash);
    expect(closed.slice(1)).toEqual(open.slice(1));
  });

  it('DON-06.4 CSV-01 answers a closure retried under its event id as the first time, and only that closure', async () => {
    const donorCode = await registeredDonor(dataSource);
    await materialReleased(donorCode);
    const deviationId = await transportDeviation(donorCode);
    const otherId = await transportDeviation(donorCode);
    const eventId = randomUUID();
    const closed = await closeDeviation.execute(
      deviationId,
      closureCommand(deviationId, donorCode, eventId),
    );
    // Its answer lost, the same request again: answered as the first time, nothing written.
    await expect(
      closeDeviation.execute(deviationId, closureCommand(deviationId, donorCode, eventId)),
    ).resolves.toEqual(closed);
    expect(await rowsOf(dataSource, 'deviation_closure', `deviation_id = $1`, deviationId)).toBe(1);
    const ofClosure = `record_type = 'deviation-closure' AND record_id = $1`;
    expect(await rowsOf(dataSource, 'electronic_signature', ofClosure, deviationId)).toBe(1);
    expect(await rowsOf(dataSource, 'audit_entry', ofClosure, deviationId)).toBe(1);
    await expect(
      closeDeviation.execute(deviationId, closureCommand(deviationId, donorCode)),
    ).rejects.toMatchObject({
      code: 'DEVIATION_ALREADY_CLOSED',
      message: `deviation ${deviationId} is already closed`,
    });
    await expect(
      closeDeviation.execute(otherId, closureCommand(otherId, donorCode, eventId)),
    ).rejects.toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
      message: `event id ${eventId} was already used to close deviation ${deviationId}`,
    });
    expect(await rowsOf(dataSource, 'deviation_closure', `deviation_id = $1`, otherId)).toBe(0);
  });

  it('QA-02.5 asks an impact assessment when a required marker had no result at receipt', async () => {
    const donorCode = await registeredDonor(dataSource);
    await materialReleased(donorCode, false);
    const [, , tests] = await gates.execute(gatesQuery(donorCode));
    expect(tests).toMatchObject({
      item: 'QA-02.5',
      status: 'open',
      detail:
        'impact assessment of the donor material required: at receipt: no result for required marker(s) HTLV',
    });
  });

  it('QA-02.4 blocks when the records of the donor code are not the journey asked about', async () => {
    const donorCode = await registeredDonor(dataSource);
    await materialReleased(donorCode);
    const [, order] = await gates.execute(gatesQuery(donorCode, 'journey-of-someone-else'));
    expect(order).toMatchObject({ status: 'blocked', openRecords: [donorCode] });
    expect(order.detail).toContain(`records under the code name journey journey-${donorCode}`);
  });
});
