/**
 * A small line chart as a self-contained SVG string: a few series over one x axis, round-number
 * ticks, a legend. Enough for the soak run's charts (latency, throughput and errors, memory over
 * time) without a charting library or a browser.
 */
export interface Series {
  name: string;
  points: Array<[x: number, y: number | null]>;
  /** Drawn dashed (a secondary measure, e.g. p50 beside p99). */
  dashed?: boolean;
}

export interface LineChart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  /** The y axis starts at 0 unless told otherwise: flat memory should look flat, not magnified. */
  yFromZero?: boolean;
}

const WIDTH = 820;
const HEIGHT = 340;
const MARGIN = { top: 40, right: 180, bottom: 50, left: 70 };
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#17becf'];

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Round tick values (1, 2, 5 × 10^k) from at or below `min` to at or above `max`. */
export function ticks(min: number, max: number, wanted = 5): number[] {
  if (!(max > min)) return [min, min + 1];
  const raw = (max - min) / wanted;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const out: number[] = [];
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil(max / step - 1e-9);
  // Multiplying integers by the step avoids the drift of adding 0.1 again and again.
  for (let i = first; i <= last; i += 1) out.push(Number((i * step).toPrecision(12)));
  return out;
}

function label(value: number): string {
  return Math.abs(value) >= 1000 || Number.isInteger(value) ? String(Math.round(value)) : value.toFixed(Math.abs(value) < 1 ? 2 : 1);
}

export function lineChart(chart: LineChart): string {
  const xs = chart.series.flatMap((s) => s.points.map(([x]) => x));
  const ys = chart.series.flatMap((s) => s.points.map(([, y]) => y)).filter((y): y is number => y !== null);
  const xMin = Math.min(...xs, 0);
  const xMax = xs.length > 0 && Math.max(...xs) > xMin ? Math.max(...xs) : xMin + 1;
  const yTicks = ticks(chart.yFromZero === false && ys.length > 0 ? Math.min(...ys) : 0, Math.max(...ys, 1) * 1.05);
  const yMin = yTicks[0];
  const yMax = yTicks[yTicks.length - 1];
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const sx = (x: number) => MARGIN.left + ((x - xMin) / (xMax - xMin)) * plotW;
  const sy = (y: number) => MARGIN.top + plotH - ((y - yMin) / (yMax - yMin || 1)) * plotH;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${MARGIN.left}" y="22" font-size="15" font-weight="bold">${escape(chart.title)}</text>`,
  ];
  for (const y of yTicks) {
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${sy(y).toFixed(1)}" y2="${sy(y).toFixed(1)}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${(sy(y) + 4).toFixed(1)}" text-anchor="end">${label(y)}</text>`);
  }
  for (const x of ticks(xMin, xMax, 8).filter((x) => x <= xMax + 1e-9)) {
    parts.push(`<line x1="${sx(x).toFixed(1)}" x2="${sx(x).toFixed(1)}" y1="${MARGIN.top + plotH}" y2="${MARGIN.top + plotH + 4}" stroke="#333"/>`);
    parts.push(`<text x="${sx(x).toFixed(1)}" y="${MARGIN.top + plotH + 18}" text-anchor="middle">${label(x)}</text>`);
  }
  parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`);
  parts.push(`<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 10}" text-anchor="middle">${escape(chart.xLabel)}</text>`);
  parts.push(`<text transform="translate(18 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escape(chart.yLabel)}</text>`);

  chart.series.forEach((series, i) => {
    const colour = COLOURS[i % COLOURS.length];
    // A gap (null) breaks the line rather than drawing it through zero.
    const runs: string[][] = [[]];
    for (const [x, y] of series.points) {
      if (y === null) runs.push([]);
      else runs[runs.length - 1].push(`${sx(x).toFixed(1)},${sy(y).toFixed(1)}`);
    }
    for (const run of runs.filter((r) => r.length > 0)) {
      if (run.length === 1) parts.push(`<circle cx="${run[0].split(',')[0]}" cy="${run[0].split(',')[1]}" r="2.5" fill="${colour}"/>`);
      else parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="1.8"${series.dashed ? ' stroke-dasharray="5 3"' : ''} points="${run.join(' ')}"/>`);
    }
    const ly = MARGIN.top + 10 + i * 20;
    parts.push(`<line x1="${WIDTH - MARGIN.right + 14}" x2="${WIDTH - MARGIN.right + 38}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="2"${series.dashed ? ' stroke-dasharray="5 3"' : ''}/>`);
    parts.push(`<text x="${WIDTH - MARGIN.right + 44}" y="${ly + 4}">${escape(series.name)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** Grouped horizontal bars: one group per category (a scenario), one bar per series (a system). */
export interface BarChart {
  title: string;
  /** What the values are, under the axis ("req/s", "ms"). */
  unit: string;
  categories: string[];
  series: Array<{ name: string; values: Array<number | null> }>;
  /** A logarithmic axis, for values spanning orders of magnitude (throughput warm against cold). */
  log?: boolean;
}

export function barChart(chart: BarChart): string {
  const bar = 14;
  const gap = 10;
  const left = 230;
  const right = 90;
  const width = 860;
  const legendH = 20 * Math.ceil(chart.series.length / 2);
  const top = 40 + legendH;
  const groupH = chart.series.length * bar + gap;
  const height = top + chart.categories.length * groupH + 40;
  const values = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null && v > 0);
  const max = Math.max(...values, 1);
  const min = chart.log ? Math.max(Math.min(...values, max) / 2, 0.01) : 0;
  const tickValues = chart.log ? logTicks(min, max) : ticks(0, max * 1.05);
  const axisMax = chart.log ? tickValues[tickValues.length - 1] : tickValues[tickValues.length - 1];
  const axisMin = chart.log ? tickValues[0] : 0;
  const plotW = width - left - right;
  const sx = (v: number) => left + (chart.log ? (Math.log10(Math.max(v, axisMin)) - Math.log10(axisMin)) / (Math.log10(axisMax) - Math.log10(axisMin) || 1) : v / (axisMax || 1)) * plotW;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="10" y="22" font-size="15" font-weight="bold">${escape(chart.title)}</text>`,
  ];
  chart.series.forEach((series, i) => {
    const x = 10 + (i % 2) * 420;
    const y = 36 + Math.floor(i / 2) * 20;
    parts.push(`<rect x="${x}" y="${y}" width="14" height="12" fill="${COLOURS[i % COLOURS.length]}"/>`);
    parts.push(`<text x="${x + 20}" y="${y + 11}">${escape(series.name)}</text>`);
  });
  const plotBottom = top + chart.categories.length * groupH;
  for (const t of tickValues) {
    parts.push(`<line x1="${sx(t).toFixed(1)}" x2="${sx(t).toFixed(1)}" y1="${top - 4}" y2="${plotBottom}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${sx(t).toFixed(1)}" y="${plotBottom + 16}" text-anchor="middle">${label(t)}</text>`);
  }
  parts.push(`<text x="${left + plotW / 2}" y="${plotBottom + 34}" text-anchor="middle">${escape(chart.unit)}${chart.log ? ' (log scale)' : ''}</text>`);
  chart.categories.forEach((category, c) => {
    const y0 = top + c * groupH;
    parts.push(`<text x="${left - 8}" y="${(y0 + (chart.series.length * bar) / 2 + 4).toFixed(1)}" text-anchor="end">${escape(category)}</text>`);
    chart.series.forEach((series, i) => {
      const value = series.values[c];
      const y = y0 + i * bar;
      if (value === null || value === undefined) return;
      const w = Math.max(1, sx(value) - left);
      parts.push(`<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${bar - 2}" fill="${COLOURS[i % COLOURS.length]}"/>`);
      parts.push(`<text x="${(left + w + 4).toFixed(1)}" y="${y + bar - 4}" font-size="10">${label(value)}</text>`);
    });
  });
  parts.push(`<line x1="${left}" x2="${left}" y1="${top - 4}" y2="${plotBottom}" stroke="#333"/>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** Powers of ten from at or below `min` to at or above `max`. */
export function logTicks(min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e += 1) out.push(Number((10 ** e).toPrecision(12)));
  return out.length > 1 ? out : [out[0], out[0] * 10];
}
