import { CART_CD19_V1, type OosInvestigationView, type QcResultView } from '@v2v/contracts';
import { qcResultsWithinSpecification } from '@v2v/testing';
import { qcReleaseGate, qcStanding } from './qc-standing';

const plan = CART_CD19_V1.qcTestPlan;
const BEFORE_RELEASE = plan.filter((t) => t.gating === 'before-release').map((t) => t.code);
const INVESTIGATION = '7d5a1c1e-0000-4000-8000-000000000001';
// What QC measures within specification for each test, as the scripts enter it.
const PASSING = new Map(
  qcResultsWithinSpecification(new Date('2026-12-01T08:00:00Z')).map((r) => [r.testCode, r]),
);
const OUT_OF_SPECIFICATION = { value: 55, unit: '%', verdict: 'out-of-specification' } as const;
let nextId = 1;
const result = (testCode: string, over: Partial<QcResultView> = {}): QcResultView => ({
  resultId: String(nextId++),
  testCode,
  value: PASSING.get(testCode)?.value ?? 1,
  unit: PASSING.get(testCode)?.unit ?? null,
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
const investigation = (
  resultId: string,
  status: OosInvestigationView['status'],
): OosInvestigationView => ({
  investigationId: INVESTIGATION,
  donorCode: 'A99991500000100M',
  testCode: 'viability',
  resultId,
  openedAt: '2026-12-01T09:00:00Z',
  status,
  events: [],
});
const passing = () => BEFORE_RELEASE.map((code) => result(code));
const statusOf = (standing: ReturnType<typeof qcStanding>, code: string) =>
  standing.find((t) => t.testCode === code);

describe('the QC standing and its release gate (QA-02.1)', () => {
  it('QA-02.1 settles with every before-release test passing, sterility to follow', () => {
    const { gate, resultsToFollow } = qcReleaseGate(plan, passing(), [], '2026-12-01T09:00:00Z');
    expect(gate).toMatchObject({ item: 'QA-02.1', answeredBy: 'release', status: 'settled' });
    expect(gate.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(resultsToFollow).toEqual([{ testCode: 'sterility', dueOn: '2026-12-15' }]);
  });

  it('QA-02.1 stays open naming each test with no result, and never waits on informational ones', () => {
    const { gate } = qcReleaseGate(plan, passing().slice(1), [], undefined);
    expect(gate).toMatchObject({ status: 'open', openRecords: ['endotoxin'] });
    expect(gate.detail).toBe('no result yet for endotoxin');
    expect(statusOf(qcStanding(plan, passing(), []), 'potency')?.status).toBe('pending');
    expect(qcReleaseGate(undefined, [], [], undefined).gate).toMatchObject({ status: 'open' });
  });

  it('QA-02.1 lets a correction supersede the result it corrects', () => {
    const results = passing();
    const viability = results.find((r) => r.testCode === 'viability')!;
    const correction = result('viability', {
      ...OUT_OF_SPECIFICATION,
      correctionOf: { resultId: viability.resultId, reason: 'value mistyped' },
    });
    const standing = qcStanding(plan, [...results, correction], []);
    expect(statusOf(standing, 'viability')).toMatchObject({
      status: 'out-of-specification',
      effectiveResultId: correction.resultId,
    });
    const { gate } = qcReleaseGate(plan, [...results, correction], [], undefined);
    expect(gate).toMatchObject({ status: 'open', openRecords: ['viability'] });
  });

  it('QA-02.1 counts a retest only once its investigation is invalidated', () => {
    const results = passing().filter((r) => r.testCode !== 'viability');
    const oos = result('viability', OUT_OF_SPECIFICATION);
    const retest = result('viability', { retestUnder: INVESTIGATION });
    const all = [...results, oos, retest];
    const open = qcReleaseGate(
      plan,
      all,
      [investigation(oos.resultId, 'retest-ordered')],
      undefined,
    );
    expect(open.gate).toMatchObject({ status: 'open', openRecords: [INVESTIGATION] });
    expect(
      statusOf(qcStanding(plan, all, [investigation(oos.resultId, 'retest-ordered')]), 'viability'),
    ).toMatchObject({ status: 'investigation-open', effectiveResultId: oos.resultId });
    const closed = [investigation(oos.resultId, 'invalidated')];
    expect(statusOf(qcStanding(plan, all, closed), 'viability')).toMatchObject({
      status: 'within-specification',
      effectiveResultId: retest.resultId,
      openInvestigations: [],
    });
    const settled = qcReleaseGate(plan, all, closed, undefined).gate;
    expect(settled.status).toBe('settled');
    expect(settled.contentHash).not.toBe(open.gate.contentHash);
  });

  it('QA-02.1 judges a stored result again: a value changed behind the service no longer passes, and changes the hash', () => {
    const results = passing();
    const before = qcReleaseGate(plan, results, [], undefined).gate;
    const viability = results.find((r) => r.testCode === 'viability')!;
    const nudged = results.map((r) => (r === viability ? { ...r, value: 71 } : r));
    const within = qcReleaseGate(plan, nudged, [], undefined).gate;
    expect(within.status).toBe('settled');
    expect(within.contentHash).not.toBe(before.contentHash);
    const edited = results.map((r) => (r === viability ? { ...r, value: 40 } : r));
    expect(statusOf(qcStanding(plan, edited, []), 'viability')?.status).toBe(
      'out-of-specification',
    );
    expect(qcReleaseGate(plan, edited, [], undefined).gate).toMatchObject({ status: 'open' });
  });

  it('QA-02.1 blocks the release once an OOS is confirmed', () => {
    const oos = result('viability', OUT_OF_SPECIFICATION);
    const { gate } = qcReleaseGate(
      plan,
      [...passing(), oos],
      [investigation(oos.resultId, 'oos-confirmed')],
      undefined,
    );
    expect(gate).toMatchObject({ status: 'blocked', openRecords: ['viability'] });
  });
});
