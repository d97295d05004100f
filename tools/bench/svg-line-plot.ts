/** One series of measured points and, optionally, the goal's horizontal line. */
export interface LinePlot {
  title: string;
  xLabel: string;
  yLabel: string;
  points: Array<{ x: number; y: number }>;
  goal?: { y: number; label: string };
}

const WIDTH = 640;
const HEIGHT = 400;
const MARGIN = { left: 70, right: 20, top: 40, bottom: 50 };

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** About five round ticks from 0 to at least `max`. */
export function ticks(max: number): number[] {
  if (max <= 0) return [0];
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const count = Math.ceil(max / step);
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/**
 * A self-contained SVG line chart of measured points (axes from zero, ticks, the goal's line),
 * for docs/benchmarks.md: no plotting library, so the bench's output is the only input.
 */
export function lineChartSvg(plot: LinePlot): string {
  if (plot.points.length === 0) throw new Error(`${plot.title}: no points to plot`);
  const xs = ticks(Math.max(...plot.points.map((p) => p.x)));
  const ys = ticks(Math.max(...plot.points.map((p) => p.y), plot.goal?.y ?? 0));
  const [xMax, yMax] = [xs[xs.length - 1] || 1, ys[ys.length - 1] || 1];
  const innerW = WIDTH - MARGIN.left - MARGIN.right;
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const px = (x: number) => MARGIN.left + (x / xMax) * innerW;
  const py = (y: number) => MARGIN.top + innerH - (y / yMax) * innerH;
  const f = (n: number) => n.toFixed(1);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="14">${escape(plot.title)}</text>`,
    ...xs.map(
      (x) =>
        `<line x1="${f(px(x))}" y1="${f(py(0))}" x2="${f(px(x))}" y2="${f(py(0) + 5)}" stroke="black"/>` +
        `<text x="${f(px(x))}" y="${f(py(0) + 18)}" text-anchor="middle">${x}</text>`,
    ),
    ...ys.map(
      (y) =>
        `<line x1="${f(px(0))}" y1="${f(py(y))}" x2="${f(px(xMax))}" y2="${f(py(y))}" stroke="#ddd"/>` +
        `<text x="${f(px(0) - 8)}" y="${f(py(y) + 4)}" text-anchor="end">${y}</text>`,
    ),
    `<line x1="${f(px(0))}" y1="${f(py(0))}" x2="${f(px(xMax))}" y2="${f(py(0))}" stroke="black"/>`,
    `<line x1="${f(px(0))}" y1="${f(py(0))}" x2="${f(px(0))}" y2="${f(py(yMax))}" stroke="black"/>`,
    `<text x="${f(px(xMax / 2))}" y="${HEIGHT - 12}" text-anchor="middle">${escape(plot.xLabel)}</text>`,
    `<text transform="translate(18 ${f(py(yMax / 2))}) rotate(-90)" text-anchor="middle">${escape(plot.yLabel)}</text>`,
  ];
  if (plot.goal)
    parts.push(
      `<line x1="${f(px(0))}" y1="${f(py(plot.goal.y))}" x2="${f(px(xMax))}" y2="${f(py(plot.goal.y))}" stroke="#c00" stroke-dasharray="6 4"/>`,
      `<text x="${f(px(xMax) - 4)}" y="${f(py(plot.goal.y) - 6)}" text-anchor="end" fill="#c00">${escape(plot.goal.label)}</text>`,
    );
  const path = plot.points.map((p) => `${f(px(p.x))},${f(py(p.y))}`).join(' ');
  parts.push(`<polyline points="${path}" fill="none" stroke="#1f5fbf" stroke-width="2"/>`);
  for (const p of plot.points)
    parts.push(
      `<circle cx="${f(px(p.x))}" cy="${f(py(p.y))}" r="3.5" fill="#1f5fbf"><title>${p.x}: ${p.y}</title></circle>`,
    );
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
