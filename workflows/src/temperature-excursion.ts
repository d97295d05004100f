import type { LegReadings } from '@v2v/contracts';

export interface Excursion {
  measuredAt: string;
  temperatureC: number;
  loggerId: string;
}

/** The earliest reading outside the leg's range, if any (GEN-01). Pure: unit-tested directly. */
export function firstExcursion(
  readings: LegReadings['readings'],
  range: { minTemperatureC: number; maxTemperatureC: number },
  loggerId: string,
): Excursion | undefined {
  const outside = readings
    .filter((r) => r.temperatureC < range.minTemperatureC || r.temperatureC > range.maxTemperatureC)
    .sort((a, b) => Date.parse(a.measuredAt) - Date.parse(b.measuredAt))[0];
  return (
    outside && { measuredAt: outside.measuredAt, temperatureC: outside.temperatureC, loggerId }
  );
}
