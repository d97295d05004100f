export interface TemperatureRange {
  minTemperatureC: number;
  maxTemperatureC: number;
}

export interface Excursion {
  measuredAt: string;
  temperatureC: number;
  loggerId: string;
}

/** A reading as a leg's summary counts it: which logger measured what, when. */
export interface LoggedReading {
  loggerId: string;
  measuredAt: string;
  temperatureC: number;
}

/**
 * What a custody leg is told of newly recorded readings (GEN-01): how many, the latest time
 * measured and the earliest excursion among them. The readings themselves stay in
 * donor-intake's store, out of the leg's workflow history.
 */
export interface LegTelemetry {
  count: number;
  lastMeasuredAt: string;
  firstExcursion?: Excursion;
  /**
   * QA-04: the cumulative minutes out of range over ALL the leg's stored readings (not only the
   * new ones), and the worst reading; absent from summaries sent before budgets were judged.
   */
  minutesOutOfRange?: number;
  worstExcursion?: Excursion;
  /**
   * How many of the leg's stored readings (conflicting values included) `minutesOutOfRange`
   * was computed over; absent from summaries sent before it was counted.
   */
  storedReadings?: number;
}

/**
 * GEN-01: the summary of readings a leg needs, or undefined when there are none. Without a
 * range (legs started before readings were watched) nothing counts as an excursion.
 */
export function summariseReadings(
  readings: LoggedReading[],
  range: TemperatureRange | undefined,
): LegTelemetry | undefined {
  if (readings.length === 0) return undefined;
  const last = readings.reduce((a, b) =>
    Date.parse(b.measuredAt) > Date.parse(a.measuredAt) ? b : a,
  );
  const excursion = range && earliestOutside(readings, range);
  return {
    count: readings.length,
    lastMeasuredAt: last.measuredAt,
    ...(excursion ? { firstExcursion: excursion } : {}),
  };
}

/**
 * Two summaries as one: counts add up, the later last time and the earlier excursion win. The
 * time out of range is already cumulative (computed from the store): it is never added up; the
 * figure of the later store stands (`laterCumulative`), since summaries may arrive out of order
 * (the binding's may be learned after a newer upload's; uploads arrive in any order).
 */
export function mergeLegTelemetry(a: LegTelemetry | undefined, b: LegTelemetry): LegTelemetry {
  if (!a) return b;
  const cumulative = laterCumulative(a, b);
  const excursions = [a.firstExcursion, b.firstExcursion].filter((e): e is Excursion => !!e);
  const first = excursions.sort((x, y) => Date.parse(x.measuredAt) - Date.parse(y.measuredAt))[0];
  return {
    count: a.count + b.count,
    lastMeasuredAt:
      Date.parse(b.lastMeasuredAt) > Date.parse(a.lastMeasuredAt)
        ? b.lastMeasuredAt
        : a.lastMeasuredAt,
    ...(first ? { firstExcursion: first } : {}),
    ...(cumulative.minutesOutOfRange !== undefined
      ? { minutesOutOfRange: cumulative.minutesOutOfRange }
      : {}),
    ...(cumulative.worstExcursion ? { worstExcursion: cumulative.worstExcursion } : {}),
    ...(cumulative.storedReadings !== undefined
      ? { storedReadings: cumulative.storedReadings }
      : {}),
  };
}

/**
 * QA-04: of two summaries, the one whose time out of range was computed over more stored
 * readings. The store only grows, so that figure is the later and truer one, smaller as it may
 * be: an upload that arrived late fills the gap an excursion was counted over until its
 * logger's next reading (up to 15 min). Where either does not say (sent before the count), the
 * larger figure stands, as before.
 */
function laterCumulative(a: LegTelemetry, b: LegTelemetry): LegTelemetry {
  if (a.storedReadings !== undefined && b.storedReadings !== undefined)
    if (a.storedReadings !== b.storedReadings) return b.storedReadings > a.storedReadings ? b : a;
  return (b.minutesOutOfRange ?? -1) >= (a.minutesOutOfRange ?? -1) ? b : a;
}

function earliestOutside(
  readings: LoggedReading[],
  range: TemperatureRange,
): Excursion | undefined {
  const outside = readings
    .filter((r) => r.temperatureC < range.minTemperatureC || r.temperatureC > range.maxTemperatureC)
    .sort((a, b) => Date.parse(a.measuredAt) - Date.parse(b.measuredAt))[0];
  return (
    outside && {
      measuredAt: outside.measuredAt,
      temperatureC: outside.temperatureC,
      loggerId: outside.loggerId,
    }
  );
}
