import type { ExcursionBudget } from './excursion-budget-schema';
import type { Excursion, LoggedReading, TemperatureRange } from './leg-telemetry';

const MINUTE_MS = 60_000;

/**
 * The longest stretch one reading outside the range counts for (QA-04): a reading stands for the
 * time until the logger's next one, but a logger that fell silent says nothing of the hours
 * after it. Fifteen minutes is a usual logging interval of a transport logger, and no longer
 * than the shortest gap the specification tolerates in a logger's record (DON-04.2).
 */
export const OUT_OF_RANGE_INTERVAL_CAP_MINUTES = 15;

/** What the leg's stored readings add up to outside its range (QA-04). */
export interface TimeOutOfRange {
  minutesOutOfRange: number;
  /** The reading furthest outside the range; absent when none is outside. */
  worstExcursion?: Excursion;
}

const outside = (t: number, range: TemperatureRange) =>
  t < range.minTemperatureC || t > range.maxTemperatureC;

/** How far a temperature lies outside the range, in °C (0 within it). */
export function degreesOutside(t: number, range: TemperatureRange): number {
  return Math.max(range.minTemperatureC - t, t - range.maxTemperatureC, 0);
}

/**
 * QA-04: the cumulative time out of range over all of a leg's stored readings. Per logger, in
 * time order, a reading outside counts until that logger's next reading, at most
 * `OUT_OF_RANGE_INTERVAL_CAP_MINUTES`; the latest reading counts nothing yet (the time after it
 * is counted when the next reading comes). Readings of one logger at the same instant (a
 * conflicting value on record) are one instant, outside if any of them is.
 */
export function timeOutOfRange(readings: LoggedReading[], range: TemperatureRange): TimeOutOfRange {
  const byLogger = new Map<string, Map<number, boolean>>();
  for (const r of readings) {
    const instants = byLogger.get(r.loggerId) ?? new Map<number, boolean>();
    const at = Date.parse(r.measuredAt);
    instants.set(at, (instants.get(at) ?? false) || outside(r.temperatureC, range));
    byLogger.set(r.loggerId, instants);
  }
  let ms = 0;
  for (const instants of byLogger.values()) {
    const times = [...instants.keys()].sort((a, b) => a - b);
    times.forEach((at, i) => {
      if (instants.get(at) && i + 1 < times.length)
        ms += Math.min(times[i + 1] - at, OUT_OF_RANGE_INTERVAL_CAP_MINUTES * MINUTE_MS);
    });
  }
  const worst = readings
    .filter((r) => outside(r.temperatureC, range))
    .reduce<LoggedReading | undefined>(
      (w, r) =>
        !w || degreesOutside(r.temperatureC, range) > degreesOutside(w.temperatureC, range) ? r : w,
      undefined,
    );
  return {
    minutesOutOfRange: Math.round((ms / MINUTE_MS) * 10) / 10,
    ...(worst
      ? {
          worstExcursion: {
            measuredAt: worst.measuredAt,
            temperatureC: worst.temperatureC,
            loggerId: worst.loggerId,
          },
        }
      : {}),
  };
}

export type ExcursionJudgement =
  | { verdict: 'within-budget'; proposedDisposition: 'use'; reason: string }
  | { verdict: 'beyond-budget'; reason: string };

/**
 * QA-04: an excursion judged against the specification's budget. Within it, the product may be
 * used: that is a proposal, which QA confirms by closing the excursion's deviation, signed.
 * Beyond it (more minutes than the budget, or one reading past an absolute limit), the product
 * is on hold until QA closes the emergency.
 */
export function judgeExcursion(
  minutesOutOfRange: number,
  worst: Pick<Excursion, 'temperatureC'> | undefined,
  budget: ExcursionBudget,
): ExcursionJudgement {
  const { maxMinutesOutOfRange: max, absoluteMinTemperatureC: low } = budget;
  const high = budget.absoluteMaxTemperatureC;
  if (worst && low !== undefined && worst.temperatureC < low)
    return {
      verdict: 'beyond-budget',
      reason: `${worst.temperatureC} °C is below the absolute limit of ${low} °C (QA-04)`,
    };
  if (worst && high !== undefined && worst.temperatureC > high)
    return {
      verdict: 'beyond-budget',
      reason: `${worst.temperatureC} °C is above the absolute limit of ${high} °C (QA-04)`,
    };
  if (minutesOutOfRange > max)
    return {
      verdict: 'beyond-budget',
      reason: `${minutesOutOfRange} min out of range, beyond the budget of ${max} min (QA-04)`,
    };
  return {
    verdict: 'within-budget',
    proposedDisposition: 'use',
    reason: `${minutesOutOfRange} min out of range, within the budget of ${max} min (QA-04)`,
  };
}
