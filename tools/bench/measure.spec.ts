import { ladderUpTo, linearFit, p50, p99, quantile } from './measure';

describe('bench arithmetic', () => {
  it('takes quantiles by nearest rank, whatever the order of the values', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
    expect(p50(values)).toBe(50);
    expect(p99(values)).toBe(99);
    expect(quantile(values, 1)).toBe(100);
    expect(quantile([7], 0.99)).toBe(7);
    expect(p99([1, 2, 3, 1000])).toBe(1000);
    expect(() => quantile([], 0.5)).toThrow(/no values/);
  });

  it('fits the least-squares line: its slope and where it crosses x = 0', () => {
    // 300 MiB plus 12.5 MiB per thousand journeys, exactly.
    const exact = linearFit([1, 2, 5, 10, 20].map((x) => ({ x, y: 300 + 12.5 * x })));
    expect(exact.slope).toBeCloseTo(12.5, 9);
    expect(exact.intercept).toBeCloseTo(300, 9);
    // Scattered samples: mean x 1.5, mean y 3, Sxx 5, Sxy 6.
    const scattered = linearFit([
      { x: 0, y: 1 },
      { x: 1, y: 3 },
      { x: 2, y: 3 },
      { x: 3, y: 5 },
    ]);
    expect(scattered.slope).toBeCloseTo(1.2, 9);
    expect(scattered.intercept).toBeCloseTo(1.2, 9);
    expect(() => linearFit([{ x: 3, y: 1 }])).toThrow(/two different x/);
    expect(() => linearFit([])).toThrow(/two different x/);
  });

  it('climbs 1k, 2k, 5k, 10k… up to the maximum, with two counts at least', () => {
    expect(ladderUpTo(20_000)).toEqual([1_000, 2_000, 5_000, 10_000, 20_000]);
    expect(ladderUpTo(15_000)).toEqual([1_000, 2_000, 5_000, 10_000, 15_000]);
    expect(ladderUpTo(100_000)).toEqual([1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000]);
    expect(ladderUpTo(50)).toEqual([25, 50]);
    expect(ladderUpTo(1_000)).toEqual([500, 1_000]);
    expect(() => ladderUpTo(1)).toThrow(/whole max/);
  });
});
