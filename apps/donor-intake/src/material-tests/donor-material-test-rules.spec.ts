import { CART_CD19_V1, type DonorMaterialTestResultView } from '@v2v/contracts';
import {
  donorMaterialTestStandings,
  judgeDonorMaterialResult,
  materialTestReleaseFailures,
  materialTestsStanding,
  requireAssessmentAdmissible,
  testsPendingAtRelease,
} from './donor-material-test-rules';

const tests = CART_CD19_V1.donorMaterialTests;
const entry = { method: 'analyser', testedAt: '2026-12-01T08:00:00Z' };
let seq = 0;
const result = (
  testCode: string,
  value: number | string,
  verdict: DonorMaterialTestResultView['verdict'] = 'within-specification',
  correctionOf: DonorMaterialTestResultView['correctionOf'] = null,
): DonorMaterialTestResultView => ({
  resultId: `r-${++seq}`,
  testCode,
  value,
  unit: typeof value === 'number' ? (testCode === 'viability' ? '%' : 'x10^9') : null,
  method: 'm',
  testedAt: '2026-12-01T08:00:00Z',
  verdict,
  correctionOf,
  recordedBy: 'qc',
  recordedAt: `2026-12-01T09:00:0${seq % 10}Z`,
});
const before = () => [result('cell-count', 4.2), result('viability', 96)];
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a refusal');
};
const assessment = (covered: string[], conclusion: 'no-impact' | 'product-affected') => ({
  assessmentId: 'a-1',
  testCodes: ['sterility'],
  coveredResultIds: covered,
  rationale: 'r',
  conclusion,
  signatureId: 's-1',
  assessedBy: 'qa-qp',
  assessedAt: '2026-12-09T08:00:00Z',
});

describe("the donor material's own tests (DON-06, QA-02.5)", () => {
  it('QA-02.5 judges a result against the pinned tests and refuses what it cannot judge', () => {
    expect(
      judgeDonorMaterialResult(
        tests,
        { ...entry, testCode: 'viability', value: 79, unit: '%' },
        [],
      ),
    ).toBe('out-of-specification');
    expect(
      refusal(() => judgeDonorMaterialResult(tests, { ...entry, testCode: 'cd34', value: 1 }, [])),
    ).toMatchObject({
      code: 'QA-02',
      message:
        'the specification has no donor material test cd34; its tests are cell-count, viability, sterility (QA-02.5)',
    });
    expect(
      refusal(() =>
        judgeDonorMaterialResult(tests, { ...entry, testCode: 'sterility', value: 3 }, []),
      ).message,
    ).toBe('test sterility takes one of "no growth", not the number 3 (QA-02.5)');
  });

  it('QA-02.5 refuses a correction of an unknown, other test or already corrected result', () => {
    const first = result('viability', 96);
    const fix = (resultId: string) => ({
      ...entry,
      testCode: 'viability',
      value: 95,
      unit: '%',
      correctionOf: { resultId, reason: 'transcription' },
    });
    expect(judgeDonorMaterialResult(tests, fix(first.resultId), [first])).toBe(
      'within-specification',
    );
    expect(refusal(() => judgeDonorMaterialResult(tests, fix('nope'), [first])).message).toContain(
      'no result nope of donor material test viability to correct',
    );
    const again = result('viability', 95, 'within-specification', {
      resultId: first.resultId,
      reason: 'x',
    });
    expect(
      refusal(() => judgeDonorMaterialResult(tests, fix(first.resultId), [first, again])).message,
    ).toContain('is already corrected');
  });

  it('DON-06 refuses the release while a test needed before it has no result or is out of specification, naming it', () => {
    const standings = donorMaterialTestStandings(tests, [
      result('viability', 60, 'out-of-specification'),
    ]);
    expect(materialTestReleaseFailures(standings)).toEqual([
      'DON-06.5: donor material test cell-count (Total nucleated cells of the apheresis material) has no result',
      'DON-06.5: donor material test viability (Viability of the apheresis material) is out of specification (60 %)',
    ]);
    const ready = donorMaterialTestStandings(tests, before());
    expect(materialTestReleaseFailures(ready)).toEqual([]);
    expect(testsPendingAtRelease(ready)).toEqual(['sterility']);
  });

  it('DON-06 judges the corrected result, not the one it replaced', () => {
    const wrong = result('viability', 60, 'out-of-specification');
    const fixed = result('viability', 96, 'within-specification', {
      resultId: wrong.resultId,
      reason: 'wrong sample tube',
    });
    const standings = donorMaterialTestStandings(tests, [result('cell-count', 4.2), wrong, fixed]);
    expect(materialTestReleaseFailures(standings)).toEqual([]);
  });

  it('QA-02.5 is not applicable when every test had a result within specification at release', () => {
    const standings = donorMaterialTestStandings(tests, [
      ...before(),
      result('sterility', 'no growth'),
    ]);
    expect(materialTestsStanding(standings, [], undefined).status).toBe('not-applicable');
  });

  it('QA-02.5 is open while a test pending at release has no result, then until QA assesses it', () => {
    const pending = donorMaterialTestStandings(tests, before());
    expect(materialTestsStanding(pending, ['sterility'], undefined)).toEqual({
      status: 'open',
      detail:
        'impact assessment of the donor material required: the donor material was released with sterility pending; still no result for sterility',
      openRecords: ['sterility'],
    });
    const sterility = result('sterility', 'no growth');
    const done = donorMaterialTestStandings(tests, [...before(), sterility]);
    expect(materialTestsStanding(done, ['sterility'], undefined).detail).toContain(
      'QA has not recorded a signed impact assessment',
    );
    const settled = materialTestsStanding(
      done,
      ['sterility'],
      assessment([sterility.resultId], 'no-impact'),
    );
    expect(settled.status).toBe('settled');
    expect(settled.detail).toContain('found no impact (sterility within-specification)');
  });

  it('QA-02.5 opens again for a result recorded after the assessment', () => {
    const sterility = result('sterility', 'no growth');
    const corrected = result('sterility', 'growth', 'out-of-specification', {
      resultId: sterility.resultId,
      reason: 'culture read again on day 7',
    });
    const standings = donorMaterialTestStandings(tests, [...before(), sterility, corrected]);
    const gate = materialTestsStanding(
      standings,
      ['sterility'],
      assessment([sterility.resultId], 'no-impact'),
    );
    expect(gate.status).toBe('open');
    expect(gate.detail).toContain('does not cover the result(s) of sterility now on record');
  });

  it('QA-02.5 blocks when the assessment of an out-of-specification result found the product affected', () => {
    const growth = result('sterility', 'growth', 'out-of-specification');
    const standings = donorMaterialTestStandings(tests, [...before(), growth]);
    expect(
      materialTestsStanding(
        standings,
        ['sterility'],
        assessment([growth.resultId], 'product-affected'),
      ),
    ).toMatchObject({ status: 'blocked', openRecords: ['a-1'] });
  });

  it('QA-02.5 refuses an assessment where no test was pending, or one that leaves a pending test out', () => {
    const complete = donorMaterialTestStandings(tests, [
      ...before(),
      result('sterility', 'no growth'),
    ]);
    expect(
      refusal(() =>
        requireAssessmentAdmissible(
          { testCodes: ['sterility'] },
          { tests, standings: complete, pendingAtRelease: [] },
        ),
      ).message,
    ).toContain('no impact assessment is needed (QA-02.5)');
    const pending = donorMaterialTestStandings(tests, before());
    expect(
      refusal(() =>
        requireAssessmentAdmissible(
          { testCodes: ['viability'] },
          { tests, standings: pending, pendingAtRelease: ['sterility'] },
        ),
      ).message,
    ).toBe('the impact assessment must cover donor material test(s) sterility (QA-02.5)');
    expect(
      refusal(() =>
        requireAssessmentAdmissible(
          { testCodes: ['sterility'] },
          { tests, standings: pending, pendingAtRelease: undefined },
        ),
      ).message,
    ).toBe('the donor material has not been released (QA-02.5)');
  });
});
