import { openJourneyPoints } from './plot-open-journeys';
import { lineChartSvg, ticks } from './svg-line-plot';

describe('the benchmarks plot', () => {
  it('picks round ticks from zero to at least the largest value', () => {
    expect(ticks(539)).toEqual([0, 200, 400, 600]);
    expect(ticks(12)).toEqual([0, 5, 10, 15]);
    expect(ticks(2048)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
    expect(ticks(0)).toEqual([0]);
  });

  it('draws each point, the goal line and escaped labels', () => {
    const svg = lineChartSvg({
      title: 'RSS <MiB> & journeys',
      xLabel: 'k',
      yLabel: 'MiB',
      points: [
        { x: 0, y: 100 },
        { x: 10, y: 500 },
      ],
      goal: { y: 1000, label: 'goal' },
    });
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).toContain('RSS &lt;MiB&gt; &amp; journeys');
    expect(svg).toContain('stroke-dasharray');
    // x 0..10 over 550 px from 70; y 0..1000 over 310 px from 350 upwards.
    expect(svg).toContain('<polyline points="70.0,319.0 620.0,195.0"');
    expect(() => lineChartSvg({ title: 't', xLabel: 'x', yLabel: 'y', points: [] })).toThrow(
      /no points/,
    );
  });

  it("reads P7's points from a run's table, open journeys when the server counted them", () => {
    const log = [
      'P7 slope: …',
      '| journeys started | open on the server | worker RSS MiB | peak RSS MiB | threads |',
      '|---|---|---|---|---|',
      '| 0 | 2000 | 457 | 539 | 19 |',
      '| 1000 | — | 544 | 544 | 19 |',
      '',
      '| id | measured | floor | slope | goal |',
    ].join('\n');
    expect(openJourneyPoints(log)).toEqual([
      { x: 2, y: 457 },
      { x: 1, y: 544 },
    ]);
    expect(() => openJourneyPoints('nothing')).toThrow(/no result table/);
  });
});
