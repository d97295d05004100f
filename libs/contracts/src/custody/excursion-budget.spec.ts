import {
  judgeExcursion,
  OUT_OF_RANGE_INTERVAL_CAP_MINUTES,
  timeOutOfRange,
} from './excursion-budget';
import { excursionBudgetSchema } from './excursion-budget-schema';
import { mergeLegTelemetry } from './leg-telemetry';
import { CART_CD19_V1 } from '../journey/reference-specification';
import { productSpecificationContentSchema } from '../journey/product-specification';

const range = { minTemperatureC: 2, maxTemperatureC: 8 };
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 8, minute)).toISOString();
const reading = (minute: number, temperatureC: number, loggerId = 'L1') => ({
  loggerId,
  measuredAt: at(minute),
  temperatureC,
});

describe('time out of range', () => {
  it('QA-04 counts each reading outside until the next reading of its logger', () => {
    const readings = [
      reading(0, 5),
      reading(5, 9),
      reading(10, 10),
      reading(15, 5),
      reading(20, 9),
    ];
    expect(timeOutOfRange(readings, range)).toEqual({
      minutesOutOfRange: 10,
      worstExcursion: { measuredAt: at(10), temperatureC: 10, loggerId: 'L1' },
    });
  });

  it('QA-04 counts readings in time order whatever order they were uploaded in', () => {
    const readings = [reading(10, 5), reading(0, 1), reading(5, 1.5)];
    expect(timeOutOfRange(readings, range).minutesOutOfRange).toBe(10);
  });

  it('QA-04 counts interleaved loggers each against its own next reading', () => {
    const readings = [
      reading(0, 9, 'A'),
      reading(1, 5, 'B'),
      reading(4, 5, 'A'),
      reading(6, 9, 'B'),
    ];
    expect(timeOutOfRange(readings, range).minutesOutOfRange).toBe(4);
  });

  it('QA-04 counts one instant once, outside when a conflicting value at it is outside', () => {
    const readings = [reading(0, 5), reading(0, 12), reading(0, 12), reading(3, 5)];
    expect(timeOutOfRange(readings, range)).toEqual({
      minutesOutOfRange: 3,
      worstExcursion: { measuredAt: at(0), temperatureC: 12, loggerId: 'L1' },
    });
  });

  it('QA-04 caps the interval of a logger that fell silent, and counts nothing after the last', () => {
    const readings = [reading(0, 9), reading(180, 9)];
    expect(timeOutOfRange(readings, range).minutesOutOfRange).toBe(
      OUT_OF_RANGE_INTERVAL_CAP_MINUTES,
    );
  });

  it('QA-04 finds no time out of range when every reading, limits included, is within', () => {
    expect(timeOutOfRange([reading(0, 2), reading(5, 8), reading(9, 5)], range)).toEqual({
      minutesOutOfRange: 0,
    });
  });

  it('QA-04 merges the cumulative figure: the larger stands, never a sum', () => {
    const worst = { measuredAt: at(3), temperatureC: 12, loggerId: 'L1' };
    const older = { count: 3, lastMeasuredAt: at(4), minutesOutOfRange: 9, worstExcursion: worst };
    const newer = { count: 2, lastMeasuredAt: at(6), minutesOutOfRange: 11, worstExcursion: worst };
    expect(mergeLegTelemetry(older, newer)).toMatchObject({ count: 5, minutesOutOfRange: 11 });
    // The binding's summary learned after a newer upload's does not take the figure back.
    expect(mergeLegTelemetry(newer, older)).toMatchObject({ minutesOutOfRange: 11 });
    expect(mergeLegTelemetry(older, { count: 1, lastMeasuredAt: at(7) })).toMatchObject({
      minutesOutOfRange: 9,
      worstExcursion: worst,
    });
  });

  it('QA-04 keeps the figure of the later store, smaller as it may be, whatever the order summaries arrive in', () => {
    const worst = { measuredAt: at(3), temperatureC: 12, loggerId: 'L1' };
    // An upload arrived out of order: with the reading after the excursion missing, its gap
    // counted 15 min; once the late reading is stored, 5.
    const gap = {
      count: 2,
      lastMeasuredAt: at(20),
      minutesOutOfRange: 15,
      worstExcursion: worst,
      storedReadings: 4,
    };
    const filled = {
      count: 1,
      lastMeasuredAt: at(8),
      minutesOutOfRange: 5,
      worstExcursion: worst,
      storedReadings: 5,
    };
    for (const merged of [mergeLegTelemetry(gap, filled), mergeLegTelemetry(filled, gap)])
      expect(merged).toEqual({
        count: 3,
        lastMeasuredAt: at(20),
        minutesOutOfRange: 5,
        worstExcursion: worst,
        storedReadings: 5,
      });
    // A summary that does not say how many it counted (sent before the count): the larger.
    const uncounted = { count: 1, lastMeasuredAt: at(9), minutesOutOfRange: 7 };
    expect(mergeLegTelemetry(filled, uncounted)).toMatchObject({ minutesOutOfRange: 7 });
    expect(mergeLegTelemetry(uncounted, gap)).toMatchObject({
      minutesOutOfRange: 15,
      storedReadings: 4,
    });
  });
});

describe('excursion judged against the budget', () => {
  const budget = {
    maxMinutesOutOfRange: 30,
    stabilityReference: 'STAB-1',
    absoluteMaxTemperatureC: -120,
  };
  const cryo = { temperatureC: -140 };

  it('QA-04 proposes the disposition use for an excursion within the budget', () => {
    expect(judgeExcursion(30, cryo, budget)).toEqual({
      verdict: 'within-budget',
      proposedDisposition: 'use',
      reason: '30 min out of range, within the budget of 30 min (QA-04)',
    });
  });

  it('QA-04 judges more minutes than the budget beyond it', () => {
    expect(judgeExcursion(30.5, cryo, budget)).toEqual({
      verdict: 'beyond-budget',
      reason: '30.5 min out of range, beyond the budget of 30 min (QA-04)',
    });
  });

  it('QA-04 judges one reading past an absolute limit beyond the budget at once', () => {
    expect(judgeExcursion(0, { temperatureC: -100 }, budget).verdict).toBe('beyond-budget');
    const fresh = { ...budget, absoluteMinTemperatureC: 0, absoluteMaxTemperatureC: 25 };
    expect(judgeExcursion(1, { temperatureC: -0.5 }, fresh)).toMatchObject({
      verdict: 'beyond-budget',
      reason: '-0.5 °C is below the absolute limit of 0 °C (QA-04)',
    });
  });

  it('QA-04 refuses a budget whose absolute limits are crossed or inside the range', () => {
    expect(
      excursionBudgetSchema.safeParse({
        ...budget,
        absoluteMinTemperatureC: -100,
        absoluteMaxTemperatureC: -120,
      }).success,
    ).toBe(false);
    const spec = CART_CD19_V1;
    const inside = {
      ...spec,
      shipmentToSite: {
        ...spec.shipmentToSite,
        excursionBudget: { ...budget, absoluteMaxTemperatureC: -160 },
      },
    };
    expect(productSpecificationContentSchema.safeParse(inside).success).toBe(false);
  });

  it('QA-04 requires a budget of a newly published transport leg; the reference has them', () => {
    const spec = CART_CD19_V1;
    expect(productSpecificationContentSchema.safeParse(spec).success).toBe(true);
    const withoutBudget = { ...spec.transportToFactory, excursionBudget: undefined };
    expect(
      productSpecificationContentSchema.safeParse({ ...spec, transportToFactory: withoutBudget })
        .success,
    ).toBe(false);
  });
});
