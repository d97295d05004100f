import {
  DomainError,
  type LegTelemetry,
  type LoggedReading,
  summariseReadings,
  type TemperatureRange,
  timeOutOfRange,
} from '@v2v/contracts';

/** The logger a leg is bound to; `loggerId` null when its hand-over named none. */
export interface LegLoggerBinding {
  leg: string;
  loggerId: string | null;
}

/**
 * GEN-01: a data logger is bound to the custody leg it was packed with at hand-over, so an
 * upload for that leg from any other logger is refused (and set aside, never stored as the
 * leg's evidence). A leg not yet opened, or whose hand-over named no logger, binds nothing.
 */
export function requireBoundLogger(
  binding: LegLoggerBinding | undefined,
  upload: { donorCode: string; leg: string; loggerId: string; uploadedBy?: string },
): void {
  if (!binding?.loggerId || binding.loggerId === upload.loggerId) return;
  const sender = upload.uploadedBy ? `, sent by ${upload.uploadedBy},` : '';
  throw new DomainError(
    'GEN-01',
    `logger ${upload.loggerId}${sender} is not the logger of ${upload.donorCode}'s ${upload.leg} leg: its hand-over named logger ${binding.loggerId} (GEN-01)`,
    { leg: upload.leg, loggerId: upload.loggerId, boundLoggerId: binding.loggerId },
  );
}

/**
 * GEN-01: a reading dated before the journey's material was first collected cannot be evidence
 * about that material (a logger clock set back, an upload meant for another journey): the whole
 * upload is refused, naming the first such reading, and set aside for the sender to correct. A
 * code with no collection on record binds nothing here: a leg opens only at a hand-over, which
 * the journey takes after the collection, so its uploads always find one.
 */
export function requireReadingsSinceCollection(
  firstCollectedAt: string | undefined,
  upload: { donorCode: string; loggerId: string; readings: Array<{ measuredAt: string }> },
): void {
  if (!firstCollectedAt) return;
  const collected = Date.parse(firstCollectedAt);
  const early = upload.readings.find((r) => Date.parse(r.measuredAt) < collected);
  if (!early) return;
  throw new DomainError(
    'GEN-01',
    `logger ${upload.loggerId}'s reading at ${early.measuredAt} is before ${upload.donorCode}'s material was collected (${new Date(collected).toISOString()}): not a reading of this journey (GEN-01)`,
    { loggerId: upload.loggerId, measuredAt: early.measuredAt, collectedAt: firstCollectedAt },
  );
}

export type ReadingOutcome = 'new' | 'duplicate' | 'conflict';

/**
 * GEN-01, CSV-04: a reading keyed by code, leg, logger and time is new when none is stored, a
 * duplicate (a no-op) when the stored one has the same temperature, and a conflict, to be
 * flagged beside the stored one and never silently dropped, when it has another. Stored values
 * are numeric(6,2): the incoming one is compared at that precision.
 */
export function classifyReading(
  stored: { temperatureC: number } | undefined,
  incoming: { temperatureC: number },
): ReadingOutcome {
  if (!stored) return 'new';
  const cents = (t: number) => Math.round(t * 100);
  return cents(stored.temperatureC) === cents(incoming.temperatureC) ? 'duplicate' : 'conflict';
}

/**
 * GEN-01, QA-04: what a leg is told of an upload: the summary of the readings newly recorded
 * (GEN-01), with the time out of range over ALL the leg's stored readings (QA-04), cumulative
 * from the store so that the leg never adds figures up, with how many stored readings it counts
 * (the leg keeps the figure of the later store, `mergeLegTelemetry`). Without a range there is
 * nothing to be out of, and the summary is as before.
 */
export function summariseForLeg(
  recorded: LoggedReading[],
  legReadings: LoggedReading[],
  range: TemperatureRange | undefined,
): LegTelemetry | undefined {
  const summary = summariseReadings(recorded, range);
  return summary && range
    ? { ...summary, ...timeOutOfRange(legReadings, range), storedReadings: legReadings.length }
    : summary;
}
