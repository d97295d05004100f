/**
 * The QC and release screens (issue 12's APIs) as the console reads them: the shapes the
 * gateway answers, as libs/contracts declares them (type-only: nothing of it is bundled), and
 * the small decisions of the screens.
 */
import type {
  OosInvestigationStatus,
  OosInvestigationView,
  QcResultsView,
  QcResultView,
  QcTest,
  QcTestPlan,
  QcTestStatus,
  ReleaseGateStanding,
  ReleaseGateStatus,
  StepRequestBody,
} from '@v2v/contracts';
import { TAG_COLOURS } from '../../components/tag-colours';

export type {
  OosInvestigationView,
  QcResultsView,
  QcResultView,
  QcTest,
  QcTestPlan,
  ReleaseGateStanding,
};
export type QcResultsEntry = StepRequestBody<'recordQcResult'>;
export type QcResultEntryRow = QcResultsEntry['results'][number];

const { settled: SETTLED, open: OPEN, blocked: BLOCKED } = TAG_COLOURS;

export const GATE_COLOURS: Record<ReleaseGateStatus, string> = {
  settled: SETTLED,
  open: OPEN,
  blocked: BLOCKED,
  'not-applicable': 'default',
};

export const TEST_COLOURS: Record<QcTestStatus, string> = {
  'within-specification': SETTLED,
  'out-of-specification': BLOCKED,
  pending: 'default',
  'investigation-open': OPEN,
  'oos-confirmed': BLOCKED,
};

/** An investigation is gold while it is open, grey once decided. */
export const investigationColour = (status: OosInvestigationStatus) =>
  status === 'invalidated' || status === 'oos-confirmed' ? 'default' : OPEN;

/**
 * The record an OOS investigation's status expects next, and who gives it (QA-02.1): QC's
 * laboratory conclusion (phase I), QA's process conclusion (phase II), QA's signed outcome
 * (once a retest is ordered, or after phase II; the server refuses `invalidated` until the
 * latest retest is within specification); none once decided. QC's retest itself is a row of
 * the results entry.
 */
export type OosAction = 'laboratory-conclusion' | 'process-conclusion' | 'outcome';

export function expectedAction(status: OosInvestigationStatus): OosAction | undefined {
  switch (status) {
    case 'laboratory':
      return 'laboratory-conclusion';
    case 'process':
      return 'process-conclusion';
    case 'retest-ordered':
    case 'awaiting-outcome':
      return 'outcome';
    default:
      return undefined;
  }
}

const ACTION_ROLES: Record<OosAction, string> = {
  'laboratory-conclusion': 'qc',
  'process-conclusion': 'qa-qp',
  outcome: 'qa-qp',
};

/** The action a role may take on an investigation now, if any. */
export function actionFor(role: string, investigation: OosInvestigationView) {
  const action = expectedAction(investigation.status);
  return action && ACTION_ROLES[action] === role ? action : undefined;
}

/** A range criterion's unit, prefilled in the entry form; none for an allowed set. */
export const criterionUnit = (test: Pick<QcTest, 'criterion'>) =>
  test.criterion.kind === 'range' ? test.criterion.unit : undefined;

/** The acceptance criterion as the analyst reads it: `≥ 70 %`, `0–0.5 EU/mL`, `not detected`. */
export function criterionText(test: Pick<QcTest, 'criterion'>): string {
  const c = test.criterion;
  if (c.kind === 'allowed') return c.values.join(' / ');
  if (c.min !== undefined && c.max !== undefined) return `${c.min}–${c.max} ${c.unit}`;
  return c.min !== undefined ? `≥ ${c.min} ${c.unit}` : `≤ ${c.max} ${c.unit}`;
}

/** A value typed into the form: a number for a range test, the observation otherwise. */
export function enteredValue(test: Pick<QcTest, 'criterion'>, typed: string): number | string {
  const trimmed = typed.trim();
  return test.criterion.kind === 'range' && trimmed !== '' && Number.isFinite(Number(trimmed))
    ? Number(trimmed)
    : trimmed;
}

/** Each open investigation awaiting its retest (phase I found an assignable cause). */
export const retestsOrdered = (investigations: OosInvestigationView[]) =>
  investigations.filter((i) => i.status === 'retest-ordered');

/** A result's value with its unit, as recorded. */
export const valueWithUnit = (result: Pick<QcResultView, 'value' | 'unit'>) =>
  result.unit ? `${result.value} ${result.unit}` : String(result.value);

/**
 * The items with something still to do, each once (an item may be answered by several
 * services): what the banner names when not releasable.
 */
export const openItems = (standing: ReleaseGateStanding) => [
  ...new Set(
    standing.gates.filter((g) => g.status === 'open' || g.status === 'blocked').map((g) => g.item),
  ),
];
