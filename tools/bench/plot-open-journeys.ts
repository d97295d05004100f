import { readFileSync, writeFileSync } from 'node:fs';
import { lineChartSvg } from './svg-line-plot';

/**
 * P7's plot from a saved run: `npm run bench:open-journeys | tee p7.log`, then
 * `npm run bench:plot-open-journeys -- p7.log docs/benchmarks-p7.svg`. Reads the run's table
 * (journeys started, open on the server, worker RSS) and draws RSS against open journeys.
 */
export function openJourneyPoints(log: string): Array<{ x: number; y: number }> {
  const header = log.indexOf('| journeys started | open on the server | worker RSS MiB |');
  if (header === -1) throw new Error('no result table of bench:open-journeys in the log');
  const rows = log
    .slice(header)
    .split('\n')
    .slice(2)
    .filter((row) => /^\| \d/.test(row));
  return rows.map((row) => {
    const [started, open, rss] = row
      .split('|')
      .slice(1, 4)
      .map((cell) => cell.trim());
    return { x: (open === '—' ? Number(started) : Number(open)) / 1000, y: Number(rss) };
  });
}

function main(): void {
  const [logFile, svgFile = 'docs/benchmarks-p7.svg'] = process.argv.slice(2);
  if (!logFile) throw new Error('usage: plot-open-journeys <bench log> [svg file]');
  const points = openJourneyPoints(readFileSync(logFile, 'utf8'));
  writeFileSync(
    svgFile,
    lineChartSvg({
      title: 'P7: journey worker resident set against open journeys',
      xLabel: 'journeys open on the server (thousands)',
      yLabel: 'worker RSS (MiB)',
      points,
      goal: { y: 2048, label: 'goal: < 2 GiB at 100k open' },
    }),
  );
  console.log(`${svgFile}: ${points.length} points`);
}

if (require.main === module) main();
