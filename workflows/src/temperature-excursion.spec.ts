import { firstExcursion } from './temperature-excursion';

const range = { minTemperatureC: 2, maxTemperatureC: 8 };

describe('temperature excursion', () => {
  it('GEN-01 finds the earliest reading outside the range', () => {
    const readings = [
      { measuredAt: '2026-12-01T10:00:00Z', temperatureC: 9.5 },
      { measuredAt: '2026-12-01T09:00:00Z', temperatureC: 1.5 },
      { measuredAt: '2026-12-01T08:00:00Z', temperatureC: 5 },
    ];
    expect(firstExcursion(readings, range, 'L1')).toEqual({
      measuredAt: '2026-12-01T09:00:00Z',
      temperatureC: 1.5,
      loggerId: 'L1',
    });
  });

  it('GEN-01 finds nothing when every reading, limits included, is within the range', () => {
    expect(
      firstExcursion(
        [
          { measuredAt: '2026-12-01T08:00:00Z', temperatureC: 2 },
          { measuredAt: '2026-12-01T09:00:00Z', temperatureC: 8 },
        ],
        range,
        'L1',
      ),
    ).toBeUndefined();
  });
});
