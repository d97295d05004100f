import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type Actor,
  CART_CD19_V1,
  type CheckOosOutcomeCommand,
  OOS_OUTCOME_RECORD,
  oosOutcomeDetail,
  type ProductSpecification,
} from '@v2v/contracts';
import { type StepInput } from '@v2v/service-kit';
import {
  sealSignature,
  SignatureRecorder,
  signatureOf,
  signatureSealPrivateKey,
  signatureSealPublicKey,
} from '@v2v/signatures';
import { qcResultsWithinSpecification } from '@v2v/testing';
import { ProductEmergencyRepository } from '../emergencies/product-emergency.repository';
import { RecordQcResultUseCase } from '../release/usecases/record-qc-result.usecase';
import { SampleRepository } from '../samples/sample.repository';
import { RetentionStandingUseCase } from '../samples/usecases/retention-standing.usecase';
import { QcRepository } from './qc.repository';
import type { QcEntry } from './qc-rules';
import { DecideOosOutcomeUseCase } from './usecases/decide-oos-outcome.usecase';
import { QcStandingUseCase } from './usecases/qc-standing.usecase';
import { RecordOosConclusionUseCase } from './usecases/record-oos-conclusion.usecase';
import { newDonorCode, openReleaseTestContext } from '../__tests__/release-test-context';

const qc: Actor = { userId: 'it.qc', role: 'qc' };
const qa: Actor = { userId: 'it.qa', role: 'qa-qp' };
const SPEC: ProductSpecification = { productCode: 'CART-CD19', version: 1, ...CART_CD19_V1 };

let dataSource: DataSource;
let owner: DataSource;
let repository: QcRepository;
let record: RecordQcResultUseCase;
let standing: QcStandingUseCase;
let conclusions: RecordOosConclusionUseCase;
let outcomes: DecideOosOutcomeUseCase;

let context: Awaited<ReturnType<typeof openReleaseTestContext>>;

beforeAll(async () => {
  context = await openReleaseTestContext();
  ({ dataSource, owner } = context);
  const { steps } = context;
  repository = new QcRepository(dataSource);
  const emergencies = new ProductEmergencyRepository(dataSource);
  record = new RecordQcResultUseCase(steps, repository, emergencies);
  standing = new QcStandingUseCase(
    repository,
    new RetentionStandingUseCase(new SampleRepository(dataSource)),
    emergencies,
  );
  conclusions = new RecordOosConclusionUseCase(dataSource, repository);
  outcomes = new DecideOosOutcomeUseCase(
    dataSource,
    repository,
    new SignatureRecorder('release', signatureSealPublicKey()),
  );
});
afterAll(() => context?.destroy());

const count = async (sql: string, params: unknown[]) =>
  ((await dataSource.query(sql, params)) as Array<{ n: number }>)[0].n;

const repeats = new Map<string, number>();

/** The `recordQcResult` step as the journey sends it, its next occurrence on the journey. */
function recordResults(
  donorCode: string,
  results: QcEntry[],
  specification: ProductSpecification = SPEC,
) {
  const repeat = repeats.get(donorCode) ?? 0;
  repeats.set(donorCode, repeat + 1);
  return record.execute({
    journeyId: `journey-${donorCode}`,
    donorCode,
    eventId: randomUUID(),
    occurrence: { cycle: 0, repeat },
    actor: qc,
    occurredAt: new Date().toISOString(),
    order: {
      patientReference: 'PAT-IT-QC',
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: '2026-12-01',
    },
    specification,
    knownPositiveMarkers: [],
    payload: { results },
  } as StepInput<'recordQcResult'>);
}

const passing = () => qcResultsWithinSpecification(new Date(Date.now() - 3_600_000));
const viability = (value: number, over: Partial<QcEntry> = {}): QcEntry => ({
  ...passing().find((r) => r.testCode === 'viability')!,
  value,
  ...over,
});
/** Every before-release result passing but viability, which is `value`. */
const withViability = (value: number) =>
  passing().map((r) => (r.testCode === 'viability' ? viability(value) : r));

const ids = (donorCode: string) => ({ donorCode, eventId: randomUUID() });

/** An outcome command with the signature the gateway seals for exactly this decision. */
function outcomeOf(
  base: Omit<CheckOosOutcomeCommand, 'eventId' | 'recordedBy'>,
  key = signatureSealPrivateKey(),
) {
  const command = { ...base, eventId: randomUUID(), recordedBy: qa };
  const signature = sealSignature(
    signatureOf(
      {
        meaning: 'approved',
        recordType: OOS_OUTCOME_RECORD,
        recordId: base.investigationId,
        donorCode: base.donorCode,
        detail: oosOutcomeDetail(base),
      },
      qa,
    ),
    key,
  );
  return { ...command, signature };
}

/** A journey with an OOS viability: its investigation id. */
async function withOos(donorCode: string): Promise<string> {
  await recordResults(donorCode, withViability(55));
  const [investigation] = await repository.investigations(donorCode);
  return investigation.investigationId;
}

const qaSignatures = (investigationId: string) =>
  count(
    `SELECT count(*)::int AS n FROM release.electronic_signature WHERE record_type = $1 AND record_id = $2`,
    [OOS_OUTCOME_RECORD, investigationId],
  );

describe('QC results judged by the system and OOS investigations (QA-02.1)', () => {
  it('QA-02.1 judges and stores raw results, each with its audit entry, and settles the gate', async () => {
    const donorCode = newDonorCode();
    await recordResults(donorCode, passing());
    const view = await standing.results(donorCode);
    expect(view.specification).toEqual({ productCode: 'CART-CD19', version: 1 });
    expect(view.results).toHaveLength(7);
    expect(view.results.every((r) => r.verdict === 'within-specification')).toBe(true);
    expect(view.results.find((r) => r.testCode === 'endotoxin')).toMatchObject({
      value: 0.12,
      unit: 'EU/mL',
      instrumentId: 'QC-INSTR-01',
    });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM release.audit_entry WHERE record_type = 'qc-result' AND record_id = ANY($1)`,
        [view.results.map((r) => r.resultId)],
      ),
    ).toBe(7);
    const gates = await standing.releaseGates({
      donorCode,
      batchNumber: 'B-IT',
      journeyId: `journey-${donorCode}`,
    });
    expect(gates.gates.map((g) => [g.item, g.status])).toEqual([
      ['QA-02.1', 'settled'],
      ['QA-01', 'open'],
    ]);
    expect(gates.resultsToFollow).toEqual([
      { testCode: 'sterility', dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    ]);
  });

  it('QA-02.1 refuses a specification without a test plan and an unknown test, writing nothing', async () => {
    const donorCode = newDonorCode();
    const { qcTestPlan: _plan, ...old } = SPEC;
    void _plan;
    await expect(recordResults(donorCode, passing(), old)).rejects.toMatchObject({
      code: 'QA-02',
      message: 'specification CART-CD19 v1 has no QC test plan (QA-02.1)',
    });
    await expect(
      recordResults(donorCode, [...passing(), { ...viability(90), testCode: 'ph' }]),
    ).rejects.toMatchObject({ code: 'QA-02', message: expect.stringContaining('test ph') });
    expect(
      await count(`SELECT count(*)::int AS n FROM release.qc_result WHERE donor_code = $1`, [
        donorCode,
      ]),
    ).toBe(0);
  });

  it('QA-02.1 keeps a corrected result and adds the correction with its reason', async () => {
    const donorCode = newDonorCode();
    await recordResults(donorCode, passing());
    const first = (await standing.results(donorCode)).results.find(
      (r) => r.testCode === 'viability',
    )!;
    await recordResults(donorCode, [
      viability(88, { correctionOf: { resultId: first.resultId, reason: '91 mistyped for 88' } }),
    ]);
    const view = await standing.results(donorCode);
    expect(view.results).toHaveLength(8);
    const correction = view.results.at(-1)!;
    expect(correction.correctionOf).toEqual({
      resultId: first.resultId,
      reason: '91 mistyped for 88',
    });
    expect(view.standing.find((t) => t.testCode === 'viability')?.effectiveResultId).toBe(
      correction.resultId,
    );
    await expect(
      recordResults(donorCode, [
        viability(87, { correctionOf: { resultId: first.resultId, reason: 'again' } }),
      ]),
    ).rejects.toMatchObject({ code: 'QA-02', message: expect.stringContaining('already') });
  });

  it('QA-02.1 opens an investigation on an OOS result and refuses a retest before phase I', async () => {
    const donorCode = newDonorCode();
    const investigationId = await withOos(donorCode);
    const [investigation] = await standing.investigations(donorCode);
    expect(investigation).toMatchObject({ testCode: 'viability', status: 'laboratory' });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM release.audit_entry WHERE record_type = 'oos-investigation' AND record_id = $1`,
        [investigationId],
      ),
    ).toBe(1);
    const { gate } = await standing.qcGate(donorCode);
    expect(gate).toMatchObject({ status: 'open', openRecords: [investigationId] });
    await expect(
      recordResults(donorCode, [viability(90, { retestUnder: investigationId })]),
    ).rejects.toMatchObject({ code: 'QA-02', message: expect.stringContaining('is laboratory') });
    await expect(
      recordResults(donorCode, [viability(90, { retestUnder: randomUUID() })]),
    ).rejects.toMatchObject({ code: 'QA-02' });
  });

  it('QA-02.1 assignable cause ⇒ retest; invalidated with a passing retest settles the gate', async () => {
    const donorCode = newDonorCode();
    const investigationId = await withOos(donorCode);
    const at = { ...ids(donorCode), investigationId };
    await expect(
      conclusions.process({ ...at, findings: 'too early', recordedBy: qa }),
    ).rejects.toMatchObject({ code: 'QA-02', message: expect.stringContaining('expected next') });
    const lab = { ...at, assignableCause: true, findings: 'pipette out of calibration' };
    expect(await conclusions.laboratory({ ...lab, recordedBy: qc })).toMatchObject({
      status: 'retest-ordered',
    });
    // The same event id again: the same answer, nothing more written.
    expect(await conclusions.laboratory({ ...lab, recordedBy: qc })).toMatchObject({
      status: 'retest-ordered',
      events: [{ phase: 'laboratory-conclusion' }],
    });
    const early = outcomeOf({ donorCode, investigationId, outcome: 'invalidated', rationale: 'r' });
    await expect(outcomes.execute(early)).rejects.toMatchObject({
      code: 'QA-02',
      message: expect.stringContaining('no retest within specification'),
    });
    expect(await qaSignatures(investigationId)).toBe(0);

    await recordResults(donorCode, [viability(89, { retestUnder: investigationId })]);
    expect((await standing.qcGate(donorCode)).gate.status).toBe('open');
    const decided = outcomeOf({
      donorCode,
      investigationId,
      outcome: 'invalidated',
      rationale: 'laboratory error confirmed; the retest stands',
    });
    expect(await outcomes.execute(decided)).toMatchObject({ status: 'invalidated' });
    expect(await qaSignatures(investigationId)).toBe(1);
    expect((await standing.qcGate(donorCode)).gate).toMatchObject({ status: 'settled' });
    await expect(
      recordResults(donorCode, [viability(90, { retestUnder: investigationId })]),
    ).rejects.toMatchObject({ code: 'QA-02', message: expect.stringContaining('is invalidated') });
  });

  it('QA-02.1 an OOS confirmed after phase II blocks the release and states its disposition', async () => {
    const donorCode = newDonorCode();
    const investigationId = await withOos(donorCode);
    const at = { investigationId, donorCode };
    await conclusions.laboratory({
      ...at,
      eventId: randomUUID(),
      assignableCause: false,
      findings: 'no laboratory error found',
      recordedBy: qc,
    });
    await conclusions.process({
      ...at,
      eventId: randomUUID(),
      findings: 'culture medium lot suspected',
      recordedBy: qa,
    });
    const noDisposition = outcomeOf({ ...at, outcome: 'oos-confirmed', rationale: 'confirmed' });
    await expect(outcomes.check(noDisposition)).rejects.toMatchObject({ code: 'QA-02' });
    const confirmed = outcomeOf({
      ...at,
      outcome: 'oos-confirmed',
      rationale: 'low viability confirmed',
      disposition: 'batch rejected and destroyed',
    });
    expect(await outcomes.execute(confirmed)).toMatchObject({ status: 'oos-confirmed' });
    expect((await standing.qcGate(donorCode)).gate).toMatchObject({
      status: 'blocked',
      openRecords: ['viability'],
    });
  });

  it('QA-02.1 allows the check of a recorded outcome retried under its event id, and only then', async () => {
    const donorCode = newDonorCode();
    const investigationId = await withOos(donorCode);
    await conclusions.laboratory({
      ...ids(donorCode),
      investigationId,
      assignableCause: true,
      findings: 'pipette out of calibration',
      recordedBy: qc,
    });
    await recordResults(donorCode, [viability(90, { retestUnder: investigationId })]);
    const decided = outcomeOf({
      donorCode,
      investigationId,
      outcome: 'invalidated',
      rationale: 'laboratory error confirmed; the retest stands',
    });
    expect(await outcomes.execute(decided)).toMatchObject({ status: 'invalidated' });
    // Its answer lost, the same request again: checked allowed, answered as the first time.
    expect(await outcomes.check(decided)).toEqual({ allowed: true });
    expect(await outcomes.execute(decided)).toMatchObject({ status: 'invalidated' });
    expect(await qaSignatures(investigationId)).toBe(1);
    await expect(outcomes.check({ ...decided, eventId: randomUUID() })).rejects.toMatchObject({
      code: 'QA-02',
      message: expect.stringContaining('not ready for its outcome'),
    });
  });

  it('CSV-02 refuses an outcome whose signature is forged or made for other content', async () => {
    const donorCode = newDonorCode();
    const investigationId = await withOos(donorCode);
    await conclusions.laboratory({
      ...ids(donorCode),
      investigationId,
      assignableCause: true,
      findings: 'sample mix-up',
      recordedBy: qc,
    });
    await recordResults(donorCode, [viability(92, { retestUnder: investigationId })]);
    const base = { donorCode, investigationId, outcome: 'invalidated' as const, rationale: 'ok' };
    const altered = { ...outcomeOf(base), rationale: 'another reason than the one signed' };
    await expect(outcomes.execute(altered)).rejects.toMatchObject({ code: 'CSV-02' });
    const forged = outcomeOf(base, generateKeyPairSync('ed25519').privateKey);
    await expect(outcomes.execute(forged)).rejects.toMatchObject({ code: 'CSV-02' });
    expect(await qaSignatures(investigationId)).toBe(0);
    expect((await standing.investigations(donorCode))[0].status).toBe('retest-ordered');
  });

  it('QA-02.1 keeps results and investigation phases append-only, even for the schema owner', async () => {
    const donorCode = newDonorCode();
    const investigationId = await withOos(donorCode);
    const eventId = randomUUID();
    await conclusions.laboratory({
      donorCode,
      investigationId,
      eventId,
      assignableCause: false,
      findings: 'nothing found',
      recordedBy: qc,
    });
    const [result] = (await standing.results(donorCode)).results;
    const rows: Array<[string, string, string]> = [
      ['qc_result', 'id', result.resultId],
      ['oos_investigation', 'investigation_id', investigationId],
      ['oos_investigation_event', 'event_id', eventId],
    ];
    for (const [table, key, id] of rows) {
      await expect(
        dataSource.query(`UPDATE release.${table} SET ${key} = ${key} WHERE ${key} = $1`, [id]),
      ).rejects.toThrow(/permission denied/);
      await expect(
        dataSource.query(`DELETE FROM release.${table} WHERE ${key} = $1`, [id]),
      ).rejects.toThrow(/permission denied/);
      await expect(
        owner.query(`UPDATE release.${table} SET ${key} = ${key} WHERE ${key} = $1`, [id]),
      ).rejects.toThrow(/never changed/);
    }
  });
});
