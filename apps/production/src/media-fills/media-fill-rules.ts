import { DomainError, type MediaFillRequest } from '@v2v/contracts';
import type { MediaFillRun, MediaFillStandingView } from './media-fill';

/** §9(2)5: at least one pass per shift every six (calendar) months. */
const VALIDITY_MONTHS = 6;

/** PRD-02: a run passes iff units were filled and none of them is contaminated. */
export function judgeMediaFill(unitsFilled: number, unitsContaminated: number): 'pass' | 'fail' {
  return unitsFilled > 0 && unitsContaminated === 0 ? 'pass' : 'fail';
}

/** `day` plus `months` calendar months, the day clamped to the month's end (UTC dates). */
export function addCalendarMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

const previousDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const inOrder = (a: MediaFillRun, b: MediaFillRun) =>
  a.performedOn.localeCompare(b.performedOn) || a.recordedAt.localeCompare(b.recordedAt);

/**
 * PRD-02 standing of a line and shift at `at` (its UTC day), from the line's runs: the line
 * needs a passed `initial` run, the shift a pass within the last six calendar months, and the
 * shift's latest run must not have failed. Runs performed after that day do not count.
 */
export function mediaFillStanding(
  lineCode: string,
  shiftCode: string,
  at: Date,
  runs: readonly MediaFillRun[],
): MediaFillStandingView {
  const day = at.toISOString().slice(0, 10);
  const line = runs.filter((r) => r.lineCode === lineCode && r.performedOn <= day).sort(inOrder);
  const shift = line.filter((r) => r.shiftCode === shiftCode);
  const lastPass = shift.filter((r) => r.result === 'pass').at(-1);
  const validUntil = lastPass
    ? previousDay(addCalendarMonths(lastPass.performedOn, VALIDITY_MONTHS))
    : null;
  const latest = shift.at(-1);
  const where = `line ${lineCode} on shift ${shiftCode}`;
  const reason = !line.some((r) => r.kind === 'initial' && r.result === 'pass')
    ? `line ${lineCode} has no passed initial media fill qualification`
    : latest?.result === 'fail'
      ? `the latest media fill of ${where} (${latest.performedOn}) failed; a new pass is needed`
      : !lastPass
        ? `${where} has no passed media fill`
        : validUntil && validUntil < day
          ? `the last passed media fill of ${where} (${lastPass.performedOn}) counted until ${validUntil}; a pass per shift every six months is needed`
          : null;
  return {
    lineCode,
    shiftCode,
    at: at.toISOString(),
    current: reason === null,
    reason,
    validUntil,
    lastPassOn: lastPass?.performedOn ?? null,
  };
}

/** PRD-02: production on a line and shift without a current media fill pass is refused. */
export function requireMediaFillCurrent(
  lineCode: string,
  shiftCode: string,
  at: Date,
  runs: readonly MediaFillRun[],
): MediaFillStandingView {
  const standing = mediaFillStanding(lineCode, shiftCode, at, runs);
  if (standing.reason)
    throw new DomainError('PRD-02', `${standing.reason} (PRD-02)`, {
      lineCode,
      shiftCode,
      validUntil: standing.validUntil,
    });
  return standing;
}

/**
 * PRD-02, §9(2)5: a bracketing or matrix run states its rationale and the worst-case conditions
 * it covers, and is only for a line whose initial qualification already passed. `lineRuns` are
 * the line's recorded runs.
 */
export function requireMediaFillDesign(
  run: MediaFillRequest,
  lineRuns: readonly MediaFillRun[],
): void {
  if (run.approach === 'single') return;
  const missing = [
    ...(run.rationale?.trim() ? [] : ['rationale']),
    ...(run.worstCaseConditions?.length ? [] : ['worstCaseConditions']),
  ];
  if (missing.length > 0)
    throw new DomainError(
      'PRD-02',
      `a ${run.approach} media fill needs its written rationale and the worst-case conditions it covers; missing ${missing.join(', ')} (PRD-02)`,
      { fieldErrors: missing.map((path) => ({ path, message: 'required' })) },
    );
  const qualified = lineRuns.some(
    (r) => r.kind === 'initial' && r.result === 'pass' && r.performedOn <= run.performedOn,
  );
  if (!qualified)
    throw new DomainError(
      'PRD-02',
      `line ${run.lineCode} has no passed initial media fill before ${run.performedOn}; ${run.approach} applies only after it (PRD-02)`,
      { lineCode: run.lineCode },
    );
}

/** The units and the day as a run can have them: no more contaminated than filled, not ahead. */
export function requireMediaFillUnits(run: MediaFillRequest, today: string): void {
  const errors = [
    ...(run.unitsContaminated > run.unitsFilled
      ? [{ path: 'unitsContaminated', message: 'more than the units filled' }]
      : []),
    ...(run.performedOn > today ? [{ path: 'performedOn', message: 'in the future' }] : []),
  ];
  if (errors.length > 0)
    throw new DomainError('VALIDATION_FAILED', 'the media fill run is not consistent', {
      fieldErrors: errors,
    });
}
