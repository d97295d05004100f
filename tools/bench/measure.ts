/**
 * The arithmetic every bench shares: quantiles of latencies, the least-squares line through
 * samples, and the results row each bench prints. (The bounded pool of concurrent jobs is
 * `pool` of `@v2v/testing`, shared with the fault suite.)
 */

/** The q-quantile (0 < q ≤ 1) by the nearest-rank method: always one of the values. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) throw new Error('the quantile of no values is undefined');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))];
}
export const p50 = (values: number[]) => quantile(values, 0.5);
export const p99 = (values: number[]) => quantile(values, 0.99);

export interface Line {
  slope: number;
  intercept: number;
}

/** The least-squares line y = intercept + slope·x through at least two distinct x. */
export function linearFit(points: Array<{ x: number; y: number }>): Line {
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - meanX) ** 2, 0);
  if (!(sxx > 0)) throw new Error('a line needs samples at two different x at least');
  const sxy = points.reduce((s, p) => s + (p.x - meanX) * (p.y - meanY), 0);
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

/** A row of a bench's results table: `| id | measured | floor | 1.23× | goal |`. */
export const resultRow = (
  id: string,
  measured: string,
  floor: string,
  ratio: number,
  goal: string,
) => `| ${id} | ${measured} | ${floor} | ${ratio.toFixed(2)}× | ${goal} |`;

const LADDER = [1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000];

/**
 * The counts a bench measures at on its way to `max`: 1k, 2k, 5k, 10k… below it, then `max`;
 * at least two, so that a slope can be drawn (half of `max` first for a short run).
 */
export function ladderUpTo(max: number): number[] {
  if (!(Number.isInteger(max) && max >= 2))
    throw new Error(`${max}: a ladder needs a whole max ≥ 2`);
  const steps = [...LADDER.filter((step) => step < max), max];
  return steps.length >= 2 ? steps : [Math.ceil(max / 2), max];
}
