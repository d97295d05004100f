import {
  CART_CD19_V1,
  type OosInvestigationView,
  type QcResultView,
  type QcTest,
} from '@v2v/contracts';
import {
  investigationStatus,
  judgeQcResult,
  opensInvestigation,
  type QcEntry,
  requireAdmissibleEntry,
  requireOosPhase,
  requireOutcomeAllowed,
  requireQcTestPlan,
} from './qc-rules';

const plan = CART_CD19_V1.qcTestPlan;
const test = (code: string) => plan.find((t) => t.code === code) as QcTest;
const entry = (over: Partial<QcEntry>): QcEntry => ({
  testCode: 'viability',
  value: 91,
  unit: '%',
  method: '7-AAD flow cytometry',
  instrumentId: 'QC-INSTR-01',
  sampleId: 'QCS-1',
  testedAt: '2026-12-01T08:00:00Z',
  ...over,
});
const result = (over: Partial<QcResultView>): QcResultView => ({
  resultId: '1',
  testCode: 'viability',
  value: 91,
  unit: '%',
  method: 'm',
  instrumentId: 'i',
  sampleId: 's',
  testedAt: '2026-12-01T08:00:00Z',
  verdict: 'within-specification',
  correctionOf: null,
  retestUnder: null,
  recordedBy: 'qc',
  recordedAt: '2026-12-01T09:00:00Z',
  ...over,
});
const investigation = (over: Partial<OosInvestigationView>): OosInvestigationView => ({
  investigationId: '7d5a1c1e-0000-4000-8000-000000000001',
  donorCode: 'A99991500000100M',
  testCode: 'viability',
  resultId: '1',
  openedAt: '2026-12-01T09:00:00Z',
  status: 'laboratory',
  events: [],
  ...over,
});
const QA_02_1 = (message: RegExp) =>
  expect.objectContaining({ code: 'QA-02', message: expect.stringMatching(message) });

describe('QC results judged by the system (QA-02.1)', () => {
  it('QA-02.1 judges a range result within its bounds, inclusive, and out of them', () => {
    expect(judgeQcResult(test('viability'), entry({ value: 70 }))).toBe('within-specification');
    expect(judgeQcResult(test('viability'), entry({ value: 69.9 }))).toBe('out-of-specification');
    const cells = test('total-viable-cells');
    expect(judgeQcResult(cells, entry({ value: 10, unit: 'x10^8' }))).toBe('within-specification');
    expect(judgeQcResult(cells, entry({ value: 10.1, unit: 'x10^8' }))).toBe(
      'out-of-specification',
    );
    const endotoxin = test('endotoxin');
    expect(judgeQcResult(endotoxin, entry({ value: 0.6, unit: 'EU/mL' }))).toBe(
      'out-of-specification',
    );
  });

  it('QA-02.1 judges an allowed-set observation, whatever its case and spacing', () => {
    const mycoplasma = test('mycoplasma');
    const of = (value: string) => entry({ testCode: 'mycoplasma', value, unit: undefined });
    expect(judgeQcResult(mycoplasma, of(' Not  detected '))).toBe('within-specification');
    expect(judgeQcResult(mycoplasma, of('detected'))).toBe('out-of-specification');
  });

  it('QA-02.1 judges informational tests too, and opens investigations only for gating ones', () => {
    const potency = test('potency');
    const low = entry({ testCode: 'potency', value: 5, unit: '% lysis' });
    expect(judgeQcResult(potency, low)).toBe('out-of-specification');
    expect(opensInvestigation(potency, low, 'out-of-specification')).toBe(false);
    expect(opensInvestigation(test('viability'), entry({}), 'out-of-specification')).toBe(true);
    const sterility = entry({ testCode: 'sterility', value: 'growth', unit: undefined });
    expect(opensInvestigation(test('sterility'), sterility, 'out-of-specification')).toBe(true);
    const retest = entry({ retestUnder: investigation({}).investigationId });
    expect(opensInvestigation(test('viability'), retest, 'out-of-specification')).toBe(false);
  });

  it('QA-02.1 refuses a unit mismatch, a number for an allowed set and text for a range', () => {
    expect(() => judgeQcResult(test('viability'), entry({ unit: 'percent' }))).toThrow(
      QA_02_1(/judged in %; the result is in percent \(QA-02\.1\)$/),
    );
    expect(() => judgeQcResult(test('viability'), entry({ unit: undefined }))).toThrow(
      QA_02_1(/no unit/),
    );
    expect(() =>
      judgeQcResult(test('rcl'), entry({ testCode: 'rcl', value: 0, unit: undefined })),
    ).toThrow(QA_02_1(/not the number 0 \(QA-02\.1\)$/));
    expect(() => judgeQcResult(test('viability'), entry({ value: '91' }))).toThrow(
      QA_02_1(/takes a number/),
    );
  });

  it('QA-02.1 refuses a specification without a test plan, naming its version', () => {
    const { qcTestPlan: _plan, ...old } = { ...CART_CD19_V1, productCode: 'CART-CD19', version: 1 };
    void _plan;
    expect(() => requireQcTestPlan(old)).toThrow(
      QA_02_1(/^specification CART-CD19 v1 has no QC test plan \(QA-02\.1\)$/),
    );
    expect(requireQcTestPlan({ ...old, qcTestPlan: plan })).toBe(plan);
  });

  it('QA-02.1 refuses an unknown test and corrections of unknown, other or corrected results', () => {
    const recorded = { results: [result({})], investigations: [] };
    expect(() => requireAdmissibleEntry(plan, entry({ testCode: 'ph' }), recorded)).toThrow(
      QA_02_1(/test ph is not in the test plan/),
    );
    const correction = (resultId: string, testCode = 'viability') =>
      entry({ testCode, correctionOf: { resultId, reason: 'transcription error' } });
    expect(() => requireAdmissibleEntry(plan, correction('9'), recorded)).toThrow(
      QA_02_1(/result 9 to be corrected is not on record/),
    );
    const other = correction('1', 'car-expression');
    expect(() => requireAdmissibleEntry(plan, other, recorded)).toThrow(
      QA_02_1(/result 1 is of test viability, not car-expression/),
    );
    expect(requireAdmissibleEntry(plan, correction('1'), recorded).code).toBe('viability');
    const corrected = {
      results: [
        result({}),
        result({ resultId: '2', correctionOf: { resultId: '1', reason: 'r' } }),
      ],
      investigations: [],
    };
    expect(() => requireAdmissibleEntry(plan, correction('1'), corrected)).toThrow(
      QA_02_1(/already corrected/),
    );
  });

  it('QA-02.1 takes a retest only under an open investigation of its test that ordered one', () => {
    const id = investigation({}).investigationId;
    const retest = entry({ retestUnder: id });
    const under = (i: Partial<OosInvestigationView>[]) => ({
      results: [result({ verdict: 'out-of-specification' })],
      investigations: i.map(investigation),
    });
    expect(() => requireAdmissibleEntry(plan, retest, under([]))).toThrow(
      QA_02_1(/no investigation .* of test viability is on record/),
    );
    expect(() =>
      requireAdmissibleEntry(plan, retest, under([{ testCode: 'car-expression' }])),
    ).toThrow(QA_02_1(/is on record/));
    for (const status of ['laboratory', 'process', 'invalidated', 'oos-confirmed'] as const)
      expect(() => requireAdmissibleEntry(plan, retest, under([{ status }]))).toThrow(
        QA_02_1(new RegExp(`investigation ${id} is ${status} \\(QA-02\\.1\\)$`)),
      );
    expect(requireAdmissibleEntry(plan, retest, under([{ status: 'retest-ordered' }])).code).toBe(
      'viability',
    );
  });
});

describe('OOS investigations in their order (QA-02.1)', () => {
  const lab = (assignableCause: boolean) => ({
    phase: 'laboratory-conclusion' as const,
    assignableCause,
    outcome: null,
  });
  const processConclusion = {
    phase: 'process-conclusion' as const,
    assignableCause: null,
    outcome: null,
  };

  it('QA-02.1 moves from phase I to a retest or to phase II, then to the outcome', () => {
    expect(investigationStatus([])).toBe('laboratory');
    expect(investigationStatus([lab(true)])).toBe('retest-ordered');
    expect(investigationStatus([lab(false)])).toBe('process');
    expect(investigationStatus([lab(false), processConclusion])).toBe('awaiting-outcome');
    const outcome = {
      phase: 'outcome' as const,
      assignableCause: null,
      outcome: 'oos-confirmed' as const,
    };
    expect(investigationStatus([lab(false), processConclusion, outcome])).toBe('oos-confirmed');
  });

  it('QA-02.1 refuses a phase out of order, saying what is expected next', () => {
    const i = (status: OosInvestigationView['status']) => investigation({ status });
    expect(() => requireOosPhase(i('laboratory'), 'outcome')).toThrow(
      QA_02_1(/expected next: phase I: QC records the laboratory conclusion \(QA-02\.1\)$/),
    );
    expect(() => requireOosPhase(i('retest-ordered'), 'process-conclusion')).toThrow(
      QA_02_1(/expected next: QC records the retest under it/),
    );
    expect(() => requireOosPhase(i('process'), 'laboratory-conclusion')).toThrow(
      QA_02_1(/phase II/),
    );
    expect(() => requireOosPhase(i('invalidated'), 'outcome')).toThrow(QA_02_1(/closed/));
    expect(() => requireOosPhase(i('awaiting-outcome'), 'outcome')).not.toThrow();
  });

  it('QA-02.1 invalidates only with a passing latest retest, confirms only with a disposition', () => {
    const i = investigation({ status: 'retest-ordered' });
    const retest = (resultId: string, verdict: QcResultView['verdict']) =>
      result({ resultId, verdict, retestUnder: i.investigationId });
    const invalidated = { outcome: 'invalidated' as const };
    expect(() => requireOutcomeAllowed(i, invalidated, [result({})])).toThrow(
      QA_02_1(/no retest within specification/),
    );
    const failedLast = [retest('2', 'within-specification'), retest('3', 'out-of-specification')];
    expect(() => requireOutcomeAllowed(i, invalidated, failedLast)).toThrow(QA_02_1(/retest/));
    expect(() =>
      requireOutcomeAllowed(i, invalidated, [retest('2', 'within-specification')]),
    ).not.toThrow();
    expect(() => requireOutcomeAllowed(i, { outcome: 'oos-confirmed' }, [])).toThrow(
      QA_02_1(/states the batch's disposition/),
    );
    expect(() =>
      requireOutcomeAllowed(i, { outcome: 'oos-confirmed', disposition: 'reject, destroy' }, []),
    ).not.toThrow();
  });
});
