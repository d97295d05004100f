import {
  DomainError,
  judgeAgainstCriterion,
  type OosInvestigationStatus,
  type OosInvestigationView,
  type OosOutcome,
  type ProductSpecification,
  type QcResultView,
  type QcTest,
  type QcTestPlan,
  type QcVerdict,
  type StepRequestBody,
} from '@v2v/contracts';

/** One raw result as QC enters it (the step's payload). */
export type QcEntry = StepRequestBody<'recordQcResult'>['results'][number];

const refuse = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError('QA-02', `${message} (QA-02.1)`, { item: 'QA-02.1', ...details });

/**
 * QA-02.1: results are judged against the test plan of the specification the journey is pinned
 * to. A version published before test plans were part of the specification has none, and its
 * results cannot be judged: refused, never guessed.
 */
export function requireQcTestPlan(specification: ProductSpecification): QcTestPlan {
  if (!specification.qcTestPlan?.length)
    throw refuse(
      `specification ${specification.productCode} v${specification.version} has no QC test plan`,
      { productCode: specification.productCode, version: specification.version },
    );
  return specification.qcTestPlan;
}

/**
 * QA-02.1: the system, not the analyst, decides whether a raw result is within specification
 * (`judgeAgainstCriterion`). Informational tests are judged as well; they only never gate the
 * release (qcStanding).
 */
export function judgeQcResult(test: QcTest, entry: Pick<QcEntry, 'value' | 'unit'>): QcVerdict {
  const judged = judgeAgainstCriterion(test.code, test.criterion, entry);
  if ('unjudgeable' in judged) throw refuse(judged.unjudgeable);
  return judged.verdict;
}

/** The phase of an investigation from its recorded events (each phase at most once). */
export function investigationStatus(
  events: Pick<OosInvestigationView['events'][number], 'phase' | 'assignableCause' | 'outcome'>[],
): OosInvestigationStatus {
  const outcome = events.find((e) => e.phase === 'outcome');
  if (outcome?.outcome) return outcome.outcome;
  const laboratory = events.find((e) => e.phase === 'laboratory-conclusion');
  if (!laboratory) return 'laboratory';
  if (laboratory.assignableCause) return 'retest-ordered';
  return events.some((e) => e.phase === 'process-conclusion') ? 'awaiting-outcome' : 'process';
}

export const isOpen = (status: OosInvestigationStatus) =>
  status !== 'invalidated' && status !== 'oos-confirmed';

/** What comes next in an investigation of each status, for the refusal of anything else. */
const EXPECTED_NEXT: Record<OosInvestigationStatus, string> = {
  laboratory: 'phase I: QC records the laboratory conclusion',
  'retest-ordered': 'QC records the retest under it, then QA records the signed outcome',
  process: "phase II: QA records the process investigation's conclusion",
  'awaiting-outcome': 'QA records the signed outcome',
  invalidated: 'nothing: it is closed, invalidated',
  'oos-confirmed': 'nothing: it is closed, OOS confirmed',
};

const PHASE_ALLOWED_IN: Record<
  'laboratory-conclusion' | 'process-conclusion' | 'outcome',
  OosInvestigationStatus[]
> = {
  'laboratory-conclusion': ['laboratory'],
  'process-conclusion': ['process'],
  outcome: ['retest-ordered', 'awaiting-outcome'],
};

/**
 * QA-02.1: an investigation's phases in their order — phase I's laboratory conclusion, then
 * (no assignable cause) phase II's process conclusion, then QA's outcome; after an assignable
 * cause the retest and the outcome. Anything else is refused with what is expected next.
 */
export function requireOosPhase(
  investigation: Pick<OosInvestigationView, 'investigationId' | 'status'>,
  phase: keyof typeof PHASE_ALLOWED_IN,
): void {
  if (!PHASE_ALLOWED_IN[phase].includes(investigation.status))
    throw refuse(
      `investigation ${investigation.investigationId} is not ready for its ${phase}; expected next: ${EXPECTED_NEXT[investigation.status]}`,
      { status: investigation.status, expected: EXPECTED_NEXT[investigation.status] },
    );
}

/** The results not superseded by a correction. */
export function uncorrected(results: QcResultView[]): QcResultView[] {
  const corrected = new Set(results.map((r) => r.correctionOf?.resultId).filter(Boolean));
  return results.filter((r) => !corrected.has(r.resultId));
}

/**
 * QA-02.1: QA's outcome. `invalidated` makes the retest count, so it needs one: the latest
 * retest under the investigation must be within specification. `oos-confirmed` makes the batch
 * unreleasable and states what is done with it.
 */
export function requireOutcomeAllowed(
  investigation: Pick<OosInvestigationView, 'investigationId'>,
  decision: { outcome: OosOutcome; disposition?: string },
  results: QcResultView[],
): void {
  if (decision.outcome === 'oos-confirmed') {
    if (!decision.disposition?.trim())
      throw refuse(
        `an OOS confirmed under investigation ${investigation.investigationId} states the batch's disposition (e.g. rejected and destroyed)`,
      );
    return;
  }
  const retests = uncorrected(results).filter(
    (r) => r.retestUnder === investigation.investigationId,
  );
  const latest = retests[retests.length - 1];
  if (latest?.verdict !== 'within-specification')
    throw refuse(
      `investigation ${investigation.investigationId} cannot be invalidated: no retest within specification is recorded under it`,
      { latestRetest: latest?.resultId ?? null },
    );
}

/**
 * QA-02.1: what a result may refer to. The test is one of the plan's; a correction names a
 * recorded result of the same test that no other correction superseded, with its reason, and
 * keeps its retest's investigation; a retest is taken under an open investigation of its test
 * for which phase I ordered one.
 */
export function requireAdmissibleEntry(
  plan: QcTestPlan,
  entry: QcEntry,
  recorded: { results: QcResultView[]; investigations: OosInvestigationView[] },
): QcTest {
  const test = plan.find((t) => t.code === entry.testCode);
  if (!test)
    throw refuse(
      `test ${entry.testCode} is not in the test plan (${plan.map((t) => t.code).join(', ')})`,
    );
  if (entry.correctionOf) {
    const { resultId } = entry.correctionOf;
    const corrected = recorded.results.find((r) => r.resultId === resultId);
    if (!corrected) throw refuse(`result ${resultId} to be corrected is not on record`);
    if (corrected.testCode !== test.code)
      throw refuse(`result ${resultId} is of test ${corrected.testCode}, not ${test.code}`);
    if (recorded.results.some((r) => r.correctionOf?.resultId === resultId))
      throw refuse(`result ${resultId} is already corrected; correct its correction instead`);
    if ((corrected.retestUnder ?? undefined) !== entry.retestUnder)
      throw refuse(
        `result ${resultId} was ${corrected.retestUnder ? `a retest under investigation ${corrected.retestUnder}` : 'no retest'}; its correction is the same`,
      );
  }
  if (entry.retestUnder) {
    const investigation = recorded.investigations.find(
      (i) => i.investigationId === entry.retestUnder,
    );
    if (!investigation || investigation.testCode !== test.code)
      throw refuse(`no investigation ${entry.retestUnder} of test ${test.code} is on record`);
    if (investigation.status !== 'retest-ordered')
      throw refuse(
        `a retest of ${test.code} is taken only under an open investigation that ordered one; investigation ${investigation.investigationId} is ${investigation.status}`,
      );
  }
  return test;
}

/** An OOS result of a gating test opens an investigation (a retest belongs to its own). */
export function opensInvestigation(test: QcTest, entry: QcEntry, verdict: QcVerdict): boolean {
  return (
    verdict === 'out-of-specification' && test.gating !== 'informational' && !entry.retestUnder
  );
}
