import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type Actor,
  formatDonorCode,
  generateDonorUniqueCode,
  journeyWorkflowId,
  TOPICS,
} from '@v2v/contracts';
import { JourneyStepRecorder } from '@v2v/service-kit';
import {
  sealSignature,
  SignatureRecorder,
  signatureOf,
  signatureSealPrivateKey,
  signatureSealPublicKey,
} from '@v2v/signatures';
import { DONOR_INTAKE_SCHEMA, donorIntakeDataSourceOptions } from '../donor-intake.data-source';
import { DeviationRepository } from '../material/deviation.repository';
import { CloseDeviationUseCase } from '../material/usecases/close-deviation.usecase';
import { DonorMaterialGateRepository } from './donor-material-gate.repository';
import { DonorMaterialReleaseGatesUseCase } from './usecases/donor-material-release-gates.usecase';

// Real PostgreSQL: the donor-intake schema as migrated, through the services' role. The donor's
// registration and material records are put on record directly, as the step use cases record
// them; the transport deviation is raised and closed through the real recorder and use case.
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
  );
  closeDeviation = new CloseDeviationUseCase(
    dataSource,
    deviations,
    new SignatureRecorder(DONOR_INTAKE_SCHEMA, signatureSealPublicKey()),
  );
  steps = new JourneyStepRecorder(dataSource, {
    schema: DONOR_INTAKE_SCHEMA,
    producer: 'donor-intake',
    topic: TOPICS.donorIntake,
  });
});
afterAll(() => dataSource?.destroy());

/** A registered donor (facility Z9997 marks test data) of INST-001. */
async function registeredDonor(): Promise<string> {
  const donorCode = formatDonorCode(
    generateDonorUniqueCode({ facility: 'Z9997', year: 2026, sequence: randomInt(1, 999_999) }),
  );
  await dataSource.query(
    `INSERT INTO donor_intake.donor (donor_code, eye_readable, patient_reference, institution_id,
       product_code, request_key, registered_by)
     VALUES ($1, $1, 'PAT-IT-GATES', 'INST-001', 'CART-CD19', $2, 'it')`,
    [donorCode, randomUUID()],
  );
  return donorCode;
}

/** A step record as the step's use case writes it, recorded now (in the order called). */
async function stepRecord(
  donorCode: string,
  step: string,
  recordType: string,
  detail: Record<string, unknown>,
) {
  await dataSource.query(
    `INSERT INTO donor_intake.step_record (id, event_id, donor_code, journey_id, record_type,
       actor_user_id, actor_role, occurred_at, summary, detail, step, step_cycle, step_repeat,
       payload_hash)
     VALUES ($1, $2, $3, $4, $5, 'it', 'ops', now(), $6, $7, $8, 0, 0, 'it')`,
    [
      randomUUID(),
      randomUUID(),
      donorCode,
      journeyWorkflowId(donorCode),
      recordType,
      `${step} (integration test)`,
      JSON.stringify(detail),
      step,
    ],
  );
}

/** Screening, receipt (its DON-04.6 check as given) and QA's release, in that order. */
async function materialReleased(donorCode: string, markersPassed = true) {
  await stepRecord(donorCode, 'recordDonorScreening', 'donor-screening', {
    results: ['HIV', 'HBV', 'HCV', 'syphilis'].map((marker) => ({ marker, result: 'negative' })),
    specificationVersion: 1,
  });
  await stepRecord(donorCode, 'recordMaterialReceipt', 'receipt', {
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
  await stepRecord(donorCode, 'releaseMaterial', 'material-disposition', { comment: 'released' });
}

const query = (donorCode: string, journeyId = journeyWorkflowId(donorCode)) => ({
  donorCode,
  batchNumber: 'B-IT-DI-1',
  journeyId,
});
const byItem = (gates: Array<{ item: string }>) => gates.map((g) => g.item);

describe('the donor material release gates on real PostgreSQL (QA-02.3, QA-02.4, QA-02.5)', () => {
  it('QA-02.3 is open with a transport deviation and settles once QA closed it, signed', async () => {
    const donorCode = await registeredDonor();
    await materialReleased(donorCode);
    const deviationId = randomUUID();
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
    const open = await gates.execute(query(donorCode));
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

    const content = {
      meaning: 'closed' as const,
      recordType: 'deviation-closure',
      recordId: deviationId,
      donorCode,
      detail: { donorCode, ...CLOSURE },
    };
    await closeDeviation.execute(deviationId, {
      donorCode,
      ...CLOSURE,
      closedBy: qa,
      signature: sealSignature(signatureOf(content, qa), signatureSealPrivateKey()),
    });
    const closed = await gates.execute(query(donorCode));
    expect(closed[0]).toMatchObject({
      status: 'settled',
      detail: 'every donor material deviation (1) is closed by QA',
      openRecords: [],
    });
    expect(closed[0].contentHash).not.toBe(open[0].contentHash);
    expect(closed.slice(1)).toEqual(open.slice(1));
  });

  it('QA-02.5 asks an impact assessment when a required marker had no result at receipt', async () => {
    const donorCode = await registeredDonor();
    await materialReleased(donorCode, false);
    const [, , tests] = await gates.execute(query(donorCode));
    expect(tests).toMatchObject({
      item: 'QA-02.5',
      status: 'open',
      detail:
        'impact assessment of the donor material required: at receipt: no result for required marker(s) HTLV',
    });
  });

  it('QA-02.4 blocks when the records of the donor code are not the journey asked about', async () => {
    const donorCode = await registeredDonor();
    await materialReleased(donorCode);
    const [, order] = await gates.execute(query(donorCode, 'journey-of-someone-else'));
    expect(order).toMatchObject({ status: 'blocked', openRecords: [donorCode] });
    expect(order.detail).toContain(`records under the code name journey journey-${donorCode}`);
  });
});
