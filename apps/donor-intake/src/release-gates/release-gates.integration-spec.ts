import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type Actor,
  CART_CD19_V1,
  DONOR_MATERIAL_IMPACT_MEANING,
  DONOR_MATERIAL_IMPACT_RECORD,
  donorMaterialImpactDetail,
  formatDonorCode,
  generateDonorUniqueCode,
  journeyWorkflowId,
  type ProductSpecification,
  TOPICS,
} from '@v2v/contracts';
import { JourneyStepRecorder, type StepInput } from '@v2v/service-kit';
import {
  sealSignature,
  SignatureRecorder,
  signatureOf,
  signatureSealPrivateKey,
  signatureSealPublicKey,
} from '@v2v/signatures';
import { DONOR_INTAKE_SCHEMA, donorIntakeDataSourceOptions } from '../donor-intake.data-source';
import { InstitutionRepository } from '../institutions/institution.repository';
import { InstitutionStandingCheck } from '../institutions/institution-standing';
import { DeviationRepository } from '../material/deviation.repository';
import { MaterialRecordRepository } from '../material/material-record.repository';
import { CloseDeviationUseCase } from '../material/usecases/close-deviation.usecase';
import { ReleaseMaterialUseCase } from '../material/usecases/release-material.usecase';
import { DonorMaterialTestRepository } from '../material-tests/donor-material-test.repository';
import { keepTestPlan } from '../material-tests/keep-test-plan';
import { AssessDonorMaterialImpactUseCase } from '../material-tests/usecases/assess-donor-material-impact.usecase';
import { RecordDonorMaterialResultsUseCase } from '../material-tests/usecases/record-donor-material-results.usecase';
import { DonorMaterialGateRepository } from './donor-material-gate.repository';
import { DonorMaterialReleaseGatesUseCase } from './usecases/donor-material-release-gates.usecase';

// Real PostgreSQL: the donor-intake schema as migrated, through the services' role. The donor's
// registration and material records are put on record directly, as the step use cases record
// them; the transport deviation is raised and closed through the real recorder and use case.
let dataSource: DataSource;
let gates: DonorMaterialReleaseGatesUseCase;
let closeDeviation: CloseDeviationUseCase;
let steps: JourneyStepRecorder;
let materialTests: DonorMaterialTestRepository;
let releaseMaterial: ReleaseMaterialUseCase;
let recordResults: RecordDonorMaterialResultsUseCase;
let assessImpact: AssessDonorMaterialImpactUseCase;
const qa: Actor = { userId: 'it.qa', role: 'qa-qp' };
const qc: Actor = { userId: 'it.qc', role: 'qc' };
const SPEC: ProductSpecification = { ...CART_CD19_V1, productCode: 'CART-CD19', version: 1 };
const CLOSURE = {
  investigation: 'logger trace read: 40 min above 8 °C at the courier hub',
  rootCause: 'cool box left outside the cold room during a hand-over',
  correctiveAction: 'hub hand-over procedure changed; courier retrained',
};

beforeAll(async () => {
  dataSource = await new DataSource(donorIntakeDataSourceOptions()).initialize();
  const deviations = new DeviationRepository(dataSource);
  materialTests = new DonorMaterialTestRepository(dataSource);
  gates = new DonorMaterialReleaseGatesUseCase(
    dataSource,
    new DonorMaterialGateRepository(),
    deviations,
    materialTests,
  );
  const signatures = new SignatureRecorder(DONOR_INTAKE_SCHEMA, signatureSealPublicKey());
  closeDeviation = new CloseDeviationUseCase(dataSource, deviations, signatures);
  steps = new JourneyStepRecorder(dataSource, {
    schema: DONOR_INTAKE_SCHEMA,
    producer: 'donor-intake',
    topic: TOPICS.donorIntake,
  });
  releaseMaterial = new ReleaseMaterialUseCase(
    steps,
    new MaterialRecordRepository(dataSource),
    new InstitutionStandingCheck(new InstitutionRepository(dataSource)),
    signatures,
    materialTests,
  );
  recordResults = new RecordDonorMaterialResultsUseCase(dataSource, materialTests);
  assessImpact = new AssessDonorMaterialImpactUseCase(dataSource, materialTests, signatures);
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

/** Collected two hours ago, screened, received with every check passed, its tests kept. */
async function receivedWithTests(donorCode: string) {
  const collectedAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
  await stepRecord(donorCode, 'recordCollection', 'collection', { collectedAt, volumeMl: 180 });
  await stepRecord(donorCode, 'recordDonorScreening', 'donor-screening', {
    results: ['HIV', 'HBV', 'HCV', 'syphilis'].map((marker) => ({ marker, result: 'negative' })),
    specificationVersion: 1,
  });
  await stepRecord(donorCode, 'recordMaterialReceipt', 'receipt', {
    outcome: 'accepted',
    inspection: [{ item: 'DON-04.6', check: 'screening results present', passed: true }],
  });
  await dataSource.transaction((manager) =>
    keepTestPlan(materialTests, manager, {
      donorCode,
      journeyId: journeyWorkflowId(donorCode),
      actor: { userId: 'it.operator', role: 'operator' },
      specification: SPEC,
    }),
  );
}

const testedAt = () => new Date(Date.now() - 60_000).toISOString();
const results = (donorCode: string, entries: Array<Record<string, unknown>>) =>
  recordResults.execute({
    donorCode,
    recordedBy: qc,
    results: entries.map((e) => ({ method: 'it method', testedAt: testedAt(), ...e })) as never,
  });

/** QA's signed material release through the real step use case (DON-06). */
function release(donorCode: string) {
  const eventId = randomUUID();
  const detail = { comment: 'eligibility, label, storage and transport record reviewed' };
  const signature = sealSignature(
    signatureOf({ step: 'releaseMaterial', donorCode, eventId, detail }, qa),
    signatureSealPrivateKey(),
  );
  return releaseMaterial.execute({
    journeyId: journeyWorkflowId(donorCode),
    donorCode,
    eventId,
    occurrence: { cycle: 0, repeat: 0 },
    actor: qa,
    occurredAt: new Date().toISOString(),
    order: {
      patientReference: 'PAT-IT-GATES',
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: '2026-12-01',
    },
    specification: SPEC,
    knownPositiveMarkers: [],
    payload: { ...detail, signature },
  } as StepInput<'releaseMaterial'>);
}

function assess(donorCode: string, conclusion: 'no-impact' | 'product-affected' = 'no-impact') {
  const check = {
    donorCode,
    assessmentId: randomUUID(),
    assessedBy: qa,
    testCodes: ['sterility'],
    rationale: 'apheresis sterility no growth; final product sterility tested',
    conclusion,
  };
  const content = {
    meaning: DONOR_MATERIAL_IMPACT_MEANING,
    recordType: DONOR_MATERIAL_IMPACT_RECORD,
    recordId: check.assessmentId,
    donorCode,
    detail: donorMaterialImpactDetail(check),
  };
  return assessImpact.execute({
    ...check,
    signature: sealSignature(signatureOf(content, qa), signatureSealPrivateKey()),
  });
}

const materialTestsGateOf = async (donorCode: string) => (await gates.execute(query(donorCode)))[2];

describe("the donor material's own tests on real PostgreSQL (DON-06, QA-02.5)", () => {
  it('QA-02.5 judges each result, keeps it append-only, and refuses a result before the receipt', async () => {
    const early = await registeredDonor();
    await expect(
      results(early, [{ testCode: 'sterility', value: 'no growth' }]),
    ).rejects.toMatchObject({
      code: 'QA-02',
      message: expect.stringContaining("results are recorded after the material's receipt"),
    });
    const donorCode = await registeredDonor();
    await receivedWithTests(donorCode);
    const judged = await results(donorCode, [
      { testCode: 'cell-count', value: 4.2, unit: 'x10^9' },
      { testCode: 'viability', value: 60, unit: '%' },
    ]);
    expect(judged.results.map((r) => `${r.testCode} ${r.verdict}`)).toEqual([
      'cell-count within-specification',
      'viability out-of-specification',
    ]);
    await expect(
      results(donorCode, [{ testCode: 'viability', value: 'high', unit: '%' }]),
    ).rejects.toMatchObject({ code: 'QA-02' });
    const id = judged.results[1].resultId;
    await expect(
      dataSource.query(
        `UPDATE donor_intake.donor_material_test_result SET verdict = 'within-specification' WHERE result_id = $1`,
        [id],
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      dataSource.query(`DELETE FROM donor_intake.donor_material_test_result WHERE result_id = $1`, [
        id,
      ]),
    ).rejects.toThrow(/permission denied/);
    const audit: unknown[] = await dataSource.query(
      `SELECT 1 FROM donor_intake.audit_entry WHERE record_type = 'donor-material-test-result' AND record_id = $1`,
      [id],
    );
    expect(audit).toHaveLength(1);
  });

  it('DON-06 QA-02.5 refuses the release until the tests before it pass, then the gate follows the pending sterility, the signed assessment and a later result', async () => {
    const donorCode = await registeredDonor();
    await receivedWithTests(donorCode);
    const first = await results(donorCode, [
      { testCode: 'cell-count', value: 4.2, unit: 'x10^9' },
      { testCode: 'viability', value: 60, unit: '%' },
    ]);
    await expect(release(donorCode)).rejects.toMatchObject({
      code: 'DON-06',
      message: expect.stringContaining(
        'DON-06.5: donor material test viability (Viability of the apheresis material) is out of specification (60 %)',
      ),
    });
    const viabilityId = first.results[1].resultId;
    await results(donorCode, [
      {
        testCode: 'viability',
        value: 96,
        unit: '%',
        correctionOf: { resultId: viabilityId, reason: 'sample of another tube read' },
      },
    ]);
    await release(donorCode);
    expect(await materialTests.pendingAtLatestRelease(donorCode)).toEqual(['sterility']);

    const pending = await materialTestsGateOf(donorCode);
    expect(pending).toMatchObject({ status: 'open', openRecords: ['sterility'] });
    expect(pending.detail).toContain('still no result for sterility');
    const sterility = await results(donorCode, [{ testCode: 'sterility', value: 'no growth' }]);
    const resulted = await materialTestsGateOf(donorCode);
    expect(resulted.detail).toContain('QA has not recorded a signed impact assessment');

    await assess(donorCode);
    const settled = await materialTestsGateOf(donorCode);
    expect(settled.status).toBe('settled');
    expect(new Set([pending, resulted, settled].map((g) => g.contentHash)).size).toBe(3);

    await results(donorCode, [
      {
        testCode: 'sterility',
        value: 'growth',
        correctionOf: { resultId: sterility.results[0].resultId, reason: 'day-7 reading' },
      },
    ]);
    const reopened = await materialTestsGateOf(donorCode);
    expect(reopened.status).toBe('open');
    expect(reopened.detail).toContain('does not cover the result(s) of sterility');
    await assess(donorCode, 'product-affected');
    expect((await materialTestsGateOf(donorCode)).status).toBe('blocked');
  });
});
