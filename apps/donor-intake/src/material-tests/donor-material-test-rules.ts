import {
  DomainError,
  type DonorMaterialImpactAssessmentView,
  type DonorMaterialImpactCheck,
  type DonorMaterialTest,
  type DonorMaterialTestResultEntry,
  type DonorMaterialTestResultView,
  type DonorMaterialTestStanding,
  judgeAgainstCriterion,
  type QcVerdict,
} from '@v2v/contracts';

const refuse = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError('QA-02', `${message} (QA-02.5)`, { item: 'QA-02.5', ...details });

/**
 * QA-02.5, §7(1): a donor material test result is judged by the system against the tests of
 * the journey's pinned specification: an unknown test, a value of the wrong kind or unit, or a
 * correction of an unknown, already corrected or other test's result is refused, never
 * guessed. Returns the verdict.
 */
export function judgeDonorMaterialResult(
  tests: readonly DonorMaterialTest[],
  entry: DonorMaterialTestResultEntry,
  recorded: readonly DonorMaterialTestResultView[],
): QcVerdict {
  const test = tests.find((t) => t.code === entry.testCode);
  if (!test)
    throw refuse(
      `the specification has no donor material test ${entry.testCode}; its tests are ${tests.map((t) => t.code).join(', ')}`,
      { testCode: entry.testCode },
    );
  const corrected = entry.correctionOf?.resultId;
  if (corrected) {
    const original = recorded.find((r) => r.resultId === corrected);
    if (!original || original.testCode !== entry.testCode)
      throw refuse(`no result ${corrected} of donor material test ${entry.testCode} to correct`);
    if (recorded.some((r) => r.correctionOf?.resultId === corrected))
      throw refuse(
        `result ${corrected} of donor material test ${entry.testCode} is already corrected`,
      );
  }
  const judged = judgeAgainstCriterion(test.code, test.criterion, entry);
  if ('unjudgeable' in judged) throw refuse(judged.unjudgeable);
  return judged.verdict;
}

/** The results no correction replaced, in the order they were recorded. */
export function effectiveResults(
  results: readonly DonorMaterialTestResultView[],
): DonorMaterialTestResultView[] {
  const corrected = new Set(results.map((r) => r.correctionOf?.resultId).filter(Boolean));
  return results.filter((r) => !corrected.has(r.resultId));
}

/** Each test with its latest effective result, or pending. */
export function donorMaterialTestStandings(
  tests: readonly DonorMaterialTest[],
  results: readonly DonorMaterialTestResultView[],
): DonorMaterialTestStanding[] {
  const effective = effectiveResults(results);
  return tests.map((test) => {
    const result = effective.filter((r) => r.testCode === test.code).at(-1) ?? null;
    return {
      testCode: test.code,
      name: test.name,
      gating: test.gating,
      status: result?.verdict ?? 'pending',
      result,
    };
  });
}

const shown = (r: DonorMaterialTestResultView) => `${r.value}${r.unit ? ` ${r.unit}` : ''}`;

/**
 * DON-06 (§7(1), §7(10)): QA releases the donor material only with a result within
 * specification for every test needed before its release, and none of its results out of
 * specification. Each failure names the test, for `assertMaterialReleasable`.
 */
export function materialTestReleaseFailures(standings: readonly DonorMaterialTestStanding[]) {
  const failures: string[] = [];
  for (const s of standings) {
    if (s.result?.verdict === 'out-of-specification')
      failures.push(
        `DON-06.5: donor material test ${s.testCode} (${s.name}) is out of specification (${shown(s.result)})`,
      );
    else if (!s.result && s.gating === 'before-material-release')
      failures.push(`DON-06.5: donor material test ${s.testCode} (${s.name}) has no result`);
  }
  return failures;
}

/** The tests that may follow the material's release and have no result yet: used before them. */
export function testsPendingAtRelease(standings: readonly DonorMaterialTestStanding[]): string[] {
  return standings.filter((s) => s.status === 'pending').map((s) => s.testCode);
}

/**
 * QA-02.5: an impact assessment is recorded only where its case arose (a test was pending when
 * the material was released, or a result is out of specification), for tests of the
 * specification, covering at least each of those tests. Nothing is signed otherwise.
 */
export function requireAssessmentAdmissible(
  assessment: Pick<DonorMaterialImpactCheck, 'testCodes'>,
  facts: {
    tests: readonly DonorMaterialTest[];
    standings: readonly DonorMaterialTestStanding[];
    pendingAtRelease: readonly string[] | undefined;
  },
): void {
  if (!facts.pendingAtRelease) throw refuse('the donor material has not been released');
  const unknown = assessment.testCodes.filter((c) => !facts.tests.some((t) => t.code === c));
  if (unknown.length)
    throw refuse(`the specification has no donor material test ${unknown.join(', ')}`);
  const scope = assessmentScope(facts.standings, facts.pendingAtRelease);
  if (!scope.length)
    throw refuse(
      'every donor material test had a result within specification before the material was released: no impact assessment is needed',
    );
  const missing = scope.filter((c) => !assessment.testCodes.includes(c));
  if (missing.length)
    throw refuse(`the impact assessment must cover donor material test(s) ${missing.join(', ')}`);
}

/** The tests an assessment must cover: pending at release, or with a result out of spec. */
export function assessmentScope(
  standings: readonly DonorMaterialTestStanding[],
  pendingAtRelease: readonly string[],
): string[] {
  return standings
    .filter((s) => pendingAtRelease.includes(s.testCode) || s.status === 'out-of-specification')
    .map((s) => s.testCode);
}

/** What the QA-02.5 gate found of the donor material's own tests, for `materialTestsGate`. */
export interface MaterialTestsStanding {
  status: 'not-applicable' | 'open' | 'blocked' | 'settled';
  detail: string;
  openRecords: string[];
}

/**
 * QA-02.5 (§10(2)): material used before its tests completed needs QA's impact assessment. Not
 * applicable when nothing was pending at release and no result is out of specification; open
 * while such a test has no result, without an assessment, or when the latest one does not
 * cover every result of those tests as they stand now (a later result reopens it); blocked
 * when it concluded the product is affected; settled otherwise.
 */
export function materialTestsStanding(
  standings: readonly DonorMaterialTestStanding[],
  pendingAtRelease: readonly string[],
  assessment: DonorMaterialImpactAssessmentView | undefined,
): MaterialTestsStanding {
  const scope = assessmentScope(standings, pendingAtRelease);
  if (!scope.length)
    return {
      status: 'not-applicable',
      detail: 'every donor material test had a result within specification before release',
      openRecords: [],
    };
  const inScope = standings.filter((s) => scope.includes(s.testCode));
  const waiting = inScope.filter((s) => !s.result).map((s) => s.testCode);
  const used = `the donor material was released with ${pendingAtRelease.join(', ') || 'no test'} pending`;
  const open = (why: string, openRecords: string[]): MaterialTestsStanding => ({
    status: 'open',
    detail: `impact assessment of the donor material required: ${used}; ${why}`,
    openRecords,
  });
  if (waiting.length) return open(`still no result for ${waiting.join(', ')}`, waiting);
  if (!assessment) return open('QA has not recorded a signed impact assessment', scope);
  const uncovered = inScope.filter(
    (s) =>
      !assessment.testCodes.includes(s.testCode) ||
      (s.result && !assessment.coveredResultIds.includes(s.result.resultId)),
  );
  if (uncovered.length)
    return open(
      `the assessment of ${assessment.assessedAt} does not cover the result(s) of ${uncovered.map((s) => s.testCode).join(', ')} now on record`,
      uncovered.map((s) => s.testCode),
    );
  const results = inScope.map((s) => `${s.testCode} ${s.status}`).join(', ');
  if (assessment.conclusion === 'product-affected')
    return {
      status: 'blocked',
      detail: `QA's signed impact assessment concluded the product is affected (${results}): not releasable`,
      openRecords: [assessment.assessmentId],
    };
  return {
    status: 'settled',
    detail: `${used}; QA's signed impact assessment by ${assessment.assessedBy} found no impact (${results})`,
    openRecords: [],
  };
}
