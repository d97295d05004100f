import {
  type OosInvestigationView,
  type QcResultView,
  type QcTest,
  type QcTestPlan,
  type QcTestStanding,
  type ReleaseGate,
  type QcVerdict,
  type ResultToFollow,
} from '@v2v/contracts';
import { canonicalContent, contentHash } from '@v2v/integrity';
import { isOpen, judgeQcResult, uncorrected } from './qc-rules';

/**
 * QA-02.1: how each test of the plan stands. The effective result of a test is its latest
 * result that counts: a correction supersedes what it corrects; a retest counts only once its
 * investigation is `invalidated`, and then the result that opened it no longer does. An
 * investigation confirmed OOS, or one still open, decides the test's standing whatever its
 * results.
 */
export function qcStanding(
  plan: QcTestPlan,
  results: QcResultView[],
  investigations: OosInvestigationView[],
): QcTestStanding[] {
  const invalidated = new Set(
    investigations.filter((i) => i.status === 'invalidated').map((i) => i.investigationId),
  );
  const invalidatedResults = new Set(
    investigations.filter((i) => i.status === 'invalidated').map((i) => i.resultId),
  );
  const counting = uncorrected(results).filter(
    (r) =>
      (r.retestUnder === null || invalidated.has(r.retestUnder)) &&
      !invalidatedResults.has(r.resultId),
  );
  return plan.map((test) => {
    const ofTest = investigations.filter((i) => i.testCode === test.code);
    const open = ofTest.filter((i) => isOpen(i.status)).map((i) => i.investigationId);
    const effective = counting.filter((r) => r.testCode === test.code).at(-1);
    const status = ofTest.some((i) => i.status === 'oos-confirmed')
      ? 'oos-confirmed'
      : open.length
        ? 'investigation-open'
        : effective
          ? verdictNow(test, effective)
          : 'pending';
    return {
      testCode: test.code,
      gating: test.gating,
      status,
      effectiveResultId: effective?.resultId ?? null,
      openInvestigations: open,
    };
  });
}

/**
 * A stored result is judged again as it reads now: a value changed behind the service (the
 * schema owner past the append-only trigger) no longer passes on the verdict stored beside it.
 */
function verdictNow(test: QcTest, result: QcResultView): QcVerdict {
  let judged: QcVerdict;
  try {
    judged = judgeQcResult(test, { value: result.value, unit: result.unit ?? undefined });
  } catch {
    judged = 'out-of-specification';
  }
  return judged === 'within-specification' && result.verdict === 'within-specification'
    ? 'within-specification'
    : 'out-of-specification';
}

const day = (instant: string, plusDays: number) =>
  new Date(Date.parse(instant) + plusDays * 86_400_000).toISOString().slice(0, 10);

/**
 * The `QA-02.1` release gate from the standing: blocked by a confirmed OOS; open while a test
 * needed before release has no result that counts, an investigation is open, or a gating
 * result counts out of specification; settled otherwise. Tests that may follow the release and
 * have no result yet are the conditional release's `resultsToFollow`, due `resultDueDays` after
 * `firstResultAt` (the release service does not know the batch's completion: the day the first
 * QC result was recorded stands in for it). `contentHash` covers the effective results with
 * their ids and the investigations with their status, except a result within specification of a
 * test the standing release left to follow: it completes that conditional release, so it must
 * not void it (CSV-02); one out of specification opens the gate and does.
 */
export function qcReleaseGate(
  plan: QcTestPlan | undefined,
  results: QcResultView[],
  investigations: OosInvestigationView[],
  firstResultAt: string | undefined,
  release?: { resultsToFollow: string[] },
): { gate: ReleaseGate; resultsToFollow: ResultToFollow[] } {
  const standing = plan ? qcStanding(plan, results, investigations) : [];
  const completesRelease = (t: QcTestStanding) =>
    t.status === 'within-specification' && !!release?.resultsToFollow.includes(t.testCode);
  const gate = (status: ReleaseGate['status'], detail: string, openRecords: string[] = []) => ({
    item: 'QA-02.1' as const,
    answeredBy: 'release' as const,
    status,
    detail,
    openRecords,
    contentHash: contentHash(
      canonicalContent({
        // The whole result (value, unit, method, instrument, sample, time): a release covers
        // what was measured, not only which row it was.
        effective: standing
          .filter((t) => t.effectiveResultId && !completesRelease(t))
          .map((t) => ({
            status: t.status,
            result: results.find((r) => r.resultId === t.effectiveResultId),
          })),
        investigations: investigations.map((i) => [i.investigationId, i.status]),
      }),
    ),
  });
  if (!plan)
    return { gate: gate('open', 'no QC result is on record for this batch'), resultsToFollow: [] };
  const gating = standing.filter((t) => t.gating !== 'informational');
  const resultsToFollow = plan
    .filter((t) => t.gating === 'may-follow-release')
    .filter((t) => standing.find((s) => s.testCode === t.code)?.status === 'pending')
    .map((t) => ({
      testCode: t.code,
      dueOn: firstResultAt && t.resultDueDays ? day(firstResultAt, t.resultDueDays) : null,
    }));
  const confirmed = gating.filter((t) => t.status === 'oos-confirmed').map((t) => t.testCode);
  if (confirmed.length)
    return {
      gate: gate('blocked', `OOS confirmed for ${confirmed.join(', ')}: not releasable`, confirmed),
      resultsToFollow,
    };
  const pending = gating
    .filter((t) => t.gating === 'before-release' && t.status === 'pending')
    .map((t) => t.testCode);
  const failing = gating.filter((t) => t.status === 'out-of-specification').map((t) => t.testCode);
  const openInvestigations = gating.flatMap((t) => t.openInvestigations);
  const open = [
    pending.length ? `no result yet for ${pending.join(', ')}` : '',
    failing.length ? `out of specification: ${failing.join(', ')}` : '',
    openInvestigations.length ? `OOS investigation open: ${openInvestigations.join(', ')}` : '',
  ].filter(Boolean);
  if (open.length)
    return {
      gate: gate('open', open.join('; '), [...pending, ...failing, ...openInvestigations]),
      resultsToFollow,
    };
  const following = resultsToFollow.length
    ? `; to follow the release: ${resultsToFollow.map((r) => r.testCode).join(', ')}`
    : '';
  return {
    gate: gate('settled', `every result needed before release is within specification${following}`),
    resultsToFollow,
  };
}
