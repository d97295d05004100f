import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type Actor,
  CART_CD19_V1,
  DONOR_MATERIAL_IMPACT_MEANING,
  DONOR_MATERIAL_IMPACT_RECORD,
  donorMaterialImpactDetail,
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
import { gatesQuery, registeredDonor, rowsOf, stepRecord } from '../__tests__/donor-records';
import { DONOR_INTAKE_SCHEMA, donorIntakeDataSourceOptions } from '../donor-intake.data-source';
import { InstitutionRepository } from '../institutions/institution.repository';
import { InstitutionStandingCheck } from '../institutions/institution-standing';
import { DeviationRepository } from '../material/deviation.repository';
import { MaterialRecordRepository } from '../material/material-record.repository';
import { ReleaseMaterialUseCase } from '../material/usecases/release-material.usecase';
import { DonorMaterialGateRepository } from '../release-gates/donor-material-gate.repository';
import { DonorMaterialReleaseGatesUseCase } from '../release-gates/usecases/donor-material-release-gates.usecase';
import { DonorMaterialTestRepository } from './donor-material-test.repository';
import { keepTestPlan } from './keep-test-plan';
import { AssessDonorMaterialImpactUseCase } from './usecases/assess-donor-material-impact.usecase';
import { RecordDonorMaterialResultsUseCase } from './usecases/record-donor-material-results.usecase';

// Real PostgreSQL: the donor-intake schema as migrated, through the services' role. The donor's
// registration and step records are put on record directly, as the step use cases record them;
// results, QA's material release and QA's assessment go through the real use cases.
let dataSource: DataSource;
let gates: DonorMaterialReleaseGatesUseCase;
let materialTests: DonorMaterialTestRepository;
let releaseMaterial: ReleaseMaterialUseCase;
let recordResults: RecordDonorMaterialResultsUseCase;
let assessImpact: AssessDonorMaterialImpactUseCase;
const qa: Actor = { userId: 'it.qa', role: 'qa-qp' };
const qc: Actor = { userId: 'it.qc', role: 'qc' };
const SPEC: ProductSpecification = { ...CART_CD19_V1, productCode: 'CART-CD19', version: 1 };

beforeAll(async () => {
  dataSource = await new DataSource(donorIntakeDataSourceOptions()).initialize();
  materialTests = new DonorMaterialTestRepository(dataSource);
  gates = new DonorMaterialReleaseGatesUseCase(
    dataSource,
    new DonorMaterialGateRepository(),
    new DeviationRepository(dataSource),
    materialTests,
  );
  const signatures = new SignatureRecorder(DONOR_INTAKE_SCHEMA, signatureSealPublicKey());
  const steps = new JourneyStepRecorder(dataSource, {
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

/** Collected two hours ago, screened, received with every check passed, its tests kept. */
async function receivedWithTests(donorCode: string) {
  const collectedAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
  await stepRecord(dataSource, donorCode, 'recordCollection', 'collection', {
    collectedAt,
    volumeMl: 180,
  });
  await stepRecord(dataSource, donorCode, 'recordDonorScreening', 'donor-screening', {
    results: ['HIV', 'HBV', 'HCV', 'syphilis'].map((marker) => ({ marker, result: 'negative' })),
    specificationVersion: 1,
  });
  await stepRecord(dataSource, donorCode, 'recordMaterialReceipt', 'receipt', {
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
const results = (
  donorCode: string,
  entries: Array<Record<string, unknown>>,
  eventId: string = randomUUID(),
) =>
  recordResults.execute({
    donorCode,
    eventId,
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

/** QA's assessment as the gateway sends it: its id the event id, a signature sealed anew. */
function assessment(
  donorCode: string,
  conclusion: 'no-impact' | 'product-affected' = 'no-impact',
  assessmentId = randomUUID(),
) {
  const check = {
    donorCode,
    assessmentId,
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
  return {
    ...check,
    signature: sealSignature(signatureOf(content, qa), signatureSealPrivateKey()),
  };
}

const assess = (donorCode: string, conclusion?: 'no-impact' | 'product-affected') =>
  assessImpact.execute(assessment(donorCode, conclusion));

const materialTestsGateOf = async (donorCode: string) =>
  (await gates.execute(gatesQuery(donorCode)))[2];

describe("the donor material's own tests on real PostgreSQL (DON-06, QA-02.5)", () => {
  it('QA-02.5 judges each result, keeps it append-only, and refuses a result before the receipt', async () => {
    const early = await registeredDonor(dataSource);
    await expect(
      results(early, [{ testCode: 'sterility', value: 'no growth' }]),
    ).rejects.toMatchObject({
      code: 'QA-02',
      message: expect.stringContaining("results are recorded after the material's receipt"),
    });
    const donorCode = await registeredDonor(dataSource);
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

  it('QA-02.5 CSV-01 answers results retried under their event id with the first ones, writing nothing', async () => {
    const donorCode = await registeredDonor(dataSource);
    await receivedWithTests(donorCode);
    const eventId = randomUUID();
    const entries = [
      { testCode: 'cell-count', value: 4.2, unit: 'x10^9' },
      { testCode: 'viability', value: 60, unit: '%' },
    ];
    const first = await results(donorCode, entries, eventId);
    // Its answer lost, the same request again, twice at once: each gets the first answer.
    const retries = await Promise.all([1, 2].map(() => results(donorCode, entries, eventId)));
    expect(retries).toEqual([first, first]);
    expect((await materialTests.results(donorCode)).map((r) => r.resultId)).toEqual(
      first.results.map((r) => r.resultId),
    );
    const audited = await dataSource.query(
      `SELECT 1 FROM donor_intake.audit_entry WHERE record_type = 'donor-material-test-result'
         AND record_id = ANY($1)`,
      [first.results.map((r) => r.resultId)],
    );
    expect(audited).toHaveLength(2);
    // The same event id for another donor code's material is a conflict; nothing is written.
    const other = await registeredDonor(dataSource);
    await receivedWithTests(other);
    await expect(results(other, entries, eventId)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
      message: expect.stringContaining(`event id ${eventId} was already used`),
    });
    expect(await materialTests.results(other)).toEqual([]);
  });

  it('DON-06 QA-02.5 refuses the release until the tests before it pass, then the gate follows the pending sterility, the signed assessment and a later result', async () => {
    const donorCode = await registeredDonor(dataSource);
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

  it('QA-02.5 CSV-01 answers an assessment retried under its event id with the first one, writing nothing', async () => {
    const donorCode = await registeredDonor(dataSource);
    await receivedWithTests(donorCode);
    await results(donorCode, [
      { testCode: 'cell-count', value: 4.2, unit: 'x10^9' },
      { testCode: 'viability', value: 96, unit: '%' },
    ]);
    await release(donorCode);
    await results(donorCode, [{ testCode: 'sterility', value: 'no growth' }]);
    const eventId = randomUUID();
    const first = await assessImpact.execute(assessment(donorCode, 'no-impact', eventId));
    // Its answer lost, the same request again: checked allowed, answered as the first time.
    const retry = assessment(donorCode, 'no-impact', eventId);
    await expect(assessImpact.check(retry)).resolves.toEqual({ admissible: true });
    await expect(assessImpact.execute(retry)).resolves.toEqual(first);
    expect(await materialTests.assessments(donorCode)).toEqual([
      expect.objectContaining({ assessmentId: eventId, signatureId: first.signatureId }),
    ]);
    const ofAssessment = `record_type = '${DONOR_MATERIAL_IMPACT_RECORD}' AND record_id = $1`;
    expect(await rowsOf(dataSource, 'electronic_signature', ofAssessment, eventId)).toBe(1);
    expect(await rowsOf(dataSource, 'audit_entry', ofAssessment, eventId)).toBe(1);
    // The same event id for another donor code's material is a conflict, checked or recorded.
    const other = assessment(await registeredDonor(dataSource), 'no-impact', eventId);
    for (const attempt of [assessImpact.check(other), assessImpact.execute(other)])
      await expect(attempt).rejects.toMatchObject({
        code: 'IDEMPOTENCY_CONFLICT',
        message: expect.stringContaining(`event id ${eventId} was already used`),
      });
    expect(await materialTests.assessments(donorCode)).toHaveLength(1);
  });
});
