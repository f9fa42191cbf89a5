/// <reference lib="dom" />
// The analyst page's chart, drawn by Observable Plot from the same table the page lists: bars per
// value of the first dimension (grouped by the second when there is one), and for corridors a
// matrix of origin (rows) by host (columns), one panel per permit class. A suppressed cell is never
// drawn as a number: it is a grey ✕ on the axis (bars) or a grey square marked S (matrix), since
// its true count may be anything from 1 up.
import * as Plot from '@observablehq/plot';
import { compareKey, keyLabel, type Row, type Table } from './statistics.js';

interface Datum {
  k0: string;
  k1: string;
  k2: string;
  count: number;
  title: string;
}

const BAR = '#2f6690';
const SUPPRESSED = '#9a9a9a';
const format = (n: number) => n.toLocaleString('en');

function datum(table: Table, row: Row): Datum {
  const [k0, k1, k2] = row.keys.map(keyLabel);
  const where = table.columns.map((c, i) => `${c.label}: ${keyLabel(row.keys[i])}`).join('\n');
  return { k0, k1, k2, count: row.count ?? 0, title: `${where}\n${row.suppressed ? 'suppressed' : `count: ${format(row.count!)}`}` };
}

/** The distinct labels of one key column, in key order (the table's own order is by its first column). */
function domain(table: Table, column: number): string[] {
  const keys = [...new Set(table.rows.map((row) => row.keys[column]))].sort(compareKey);
  return keys.map(keyLabel);
}

export function drawChart(table: Table): SVGSVGElement | HTMLElement {
  const counted = table.rows.filter((r) => !r.suppressed).map((r) => datum(table, r));
  const suppressed = table.rows.filter((r) => r.suppressed).map((r) => datum(table, r));
  return table.statistic === 'corridors' ? flowMatrix(table, counted, suppressed) : bars(table, counted, suppressed);
}

function bars(table: Table, counted: Datum[], suppressed: Datum[]): SVGSVGElement | HTMLElement {
  const groups = domain(table, 0);
  const [first, second] = table.columns;
  const along = { marginBottom: 70, y: { grid: true, label: 'Count', tickFormat: format }, style: { fontSize: '12px' } };
  const mark = { y: 'count', title: 'title', ...(second ? { fx: 'k0', x: 'k1', fill: 'k1' } : { x: 'k0', fill: BAR }) };
  const crosses = Plot.dot(suppressed, { ...mark, y: () => 0, fill: null, stroke: SUPPRESSED, symbol: 'times', r: 5, strokeWidth: 2 });
  if (!second) {
    return Plot.plot({
      ...along,
      ariaLabel: `Counts by ${first.label.toLowerCase()}`,
      width: Math.max(480, groups.length * 36 + 80),
      x: { domain: groups, label: first.label, tickRotate: groups.length > 10 ? -40 : 0 },
      marks: [Plot.barY(counted, mark), crosses, Plot.ruleY([0])],
    });
  }
  const members = domain(table, 1);
  return Plot.plot({
    ...along,
    ariaLabel: `Counts by ${first.label.toLowerCase()} and ${second.label.toLowerCase()}`,
    width: Math.max(480, groups.length * (members.length * 14 + 16) + 80),
    fx: { domain: groups, label: first.label, padding: 0.12, tickRotate: groups.length > 10 ? -40 : 0 },
    x: { domain: members, axis: null, padding: 0.1 },
    color: { domain: members, legend: true, label: second.label, scheme: 'tableau10' },
    marks: [Plot.barY(counted, mark), crosses, Plot.ruleY([0])],
  });
}

function flowMatrix(table: Table, counted: Datum[], suppressed: Datum[]): SVGSVGElement | HTMLElement {
  const origins = domain(table, 0);
  const hosts = domain(table, 1);
  const byClass = table.columns.length === 3;
  const classes = byClass ? domain(table, 2) : [];
  const where = { x: 'k1', y: 'k0', ...(byClass ? { fx: 'k2' } : {}), title: 'title' };
  const panel = hosts.length * 40 + 24;
  return Plot.plot({
    ariaLabel: byClass ? 'Workers by origin and host, one panel per permit class' : 'Workers by origin and host',
    width: Math.max(480, (byClass ? classes.length : 1) * panel + 90),
    height: origins.length * 30 + 110,
    marginLeft: 70,
    style: { fontSize: '12px' },
    caption: 'Rows: origin (nationality). Columns: host country.',
    x: { domain: hosts, label: null, axis: 'top', tickRotate: -40 },
    y: { domain: origins, label: null },
    ...(byClass ? { fx: { domain: classes, label: null, axis: 'bottom', padding: 0.08 } } : {}),
    color: { type: 'sqrt', scheme: 'blues', legend: true, label: 'Workers (active permits)', tickFormat: format },
    marks: [
      Plot.cell(counted, { ...where, fill: 'count', inset: 0.5 }),
      Plot.cell(suppressed, { ...where, fill: '#e4e4e4', inset: 0.5 }),
      Plot.text(counted, { ...where, text: (d: Datum) => format(d.count), fill: 'black', stroke: 'white', strokeWidth: 3, fontSize: 10 }),
      Plot.text(suppressed, { ...where, text: () => 'S', fill: SUPPRESSED, fontSize: 10 }),
    ],
  });
}
