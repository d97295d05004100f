import { mergeLegTelemetry, summariseReadings } from './leg-telemetry';

const range = { minTemperatureC: 2, maxTemperatureC: 8 };

describe('temperature excursion', () => {
  it('GEN-01 finds the earliest reading outside the range', () => {
    const readings = [
      { loggerId: 'L1', measuredAt: '2026-12-01T10:00:00Z', temperatureC: 9.5 },
      { loggerId: 'L1', measuredAt: '2026-12-01T09:00:00Z', temperatureC: 1.5 },
      { loggerId: 'L1', measuredAt: '2026-12-01T08:00:00Z', temperatureC: 5 },
    ];
    expect(summariseReadings(readings, range)?.firstExcursion).toEqual({
      measuredAt: '2026-12-01T09:00:00Z',
      temperatureC: 1.5,
      loggerId: 'L1',
    });
  });

  it('GEN-01 finds nothing when every reading, limits included, is within the range', () => {
    const readings = [
      { loggerId: 'L1', measuredAt: '2026-12-01T08:00:00Z', temperatureC: 2 },
      { loggerId: 'L1', measuredAt: '2026-12-01T09:00:00Z', temperatureC: 8 },
    ];
    expect(summariseReadings(readings, range)?.firstExcursion).toBeUndefined();
  });
});

describe('leg telemetry summary', () => {
  const at = (h: number) => `2026-12-01T${String(h).padStart(2, '0')}:00:00.000Z`;

  it('GEN-01 summarises readings as their count, last time measured and earliest excursion', () => {
    const summary = summariseReadings(
      [
        { loggerId: 'L1', measuredAt: at(11), temperatureC: 9.1 },
        { loggerId: 'L1', measuredAt: at(12), temperatureC: 5 },
        { loggerId: 'L1', measuredAt: at(10), temperatureC: 1.2 },
      ],
      range,
    );
    expect(summary).toEqual({
      count: 3,
      lastMeasuredAt: at(12),
      firstExcursion: { measuredAt: at(10), temperatureC: 1.2, loggerId: 'L1' },
    });
  });

  it('GEN-01 summarises nothing for no readings and names no excursion without a range', () => {
    expect(summariseReadings([], range)).toBeUndefined();
    expect(
      summariseReadings([{ loggerId: 'L1', measuredAt: at(9), temperatureC: 30 }], undefined),
    ).toEqual({ count: 1, lastMeasuredAt: at(9) });
  });

  it('GEN-01 merges summaries: counts add up, the later last time and earlier excursion win', () => {
    const late = { measuredAt: at(14), temperatureC: 12, loggerId: 'L1' };
    const early = { measuredAt: at(9), temperatureC: 0, loggerId: 'L1' };
    expect(
      mergeLegTelemetry(
        { count: 2, lastMeasuredAt: at(15), firstExcursion: late },
        { count: 3, lastMeasuredAt: at(10), firstExcursion: early },
      ),
    ).toEqual({ count: 5, lastMeasuredAt: at(15), firstExcursion: early });
    expect(mergeLegTelemetry(undefined, { count: 1, lastMeasuredAt: at(1) })).toEqual({
      count: 1,
      lastMeasuredAt: at(1),
    });
  });
});
