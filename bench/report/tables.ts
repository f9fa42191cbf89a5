import type { Row } from '../measure/measurement.js';

/** The per-scenario table, as rows of cells: printed to the console and written to REPORT.md. */
export const HEADER = ['system', 'phase', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'with errors', 'registry calls/op', '429s', 'gateway MiB', 'subgraphs MiB', 'registries MiB'];

export function fixed(value: number | null, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return value.toFixed(digits);
}

function mib(value: number | null): string {
  return value === null ? '–' : value.toFixed(0);
}

export function rowCells(row: Row): string[] {
  const phase = row.primed === false ? `${row.phase} (priming incomplete)` : row.phase;
  // A lower bound when calls were still arriving after the settle window.
  const callsPerOp = row.callsPerOp === null ? '–' : `${row.settled ? '' : '≥'}${fixed(row.callsPerOp, 2)}`;
  return [
    row.label,
    phase,
    fixed(row.rps),
    fixed(row.p50Ms, 0),
    fixed(row.p99Ms, 0),
    String(row.requests),
    String(row.errorResponses),
    callsPerOp,
    String(row.rateLimited),
    mib(row.memoryMiB.gateway),
    mib(row.memoryMiB.subgraphs),
    mib(row.memoryMiB.registries),
  ];
}

/** A plain-text table with aligned columns (numbers right-aligned). */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
  const numeric = (cell: string) => /^[≥–\d.]/.test(cell);
  const line = (cells: string[]) => cells.map((cell, i) => (numeric(cell) && i > 1 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function markdownTable(header: string[], rows: string[][]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [`| ${header.map(escape).join(' | ')} |`, `|${header.map((_, i) => (i > 1 ? ' ---: ' : ' --- ')).join('|')}|`, ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`)].join('\n');
}
