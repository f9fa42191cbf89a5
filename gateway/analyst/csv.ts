// A table as CSV (RFC 4180): one column per dimension grouped by (named by the contract's field),
// then `count` and `suppressed`. A suppressed cell has an empty count and `suppressed` true, so that
// no spreadsheet ever reads it as zero.
import type { Table } from './statistics.js';

/**
 * Quotes a field when it needs it. A field a spreadsheet would run as a formula (=, +, -, @ first)
 * is prefixed with a quote mark: registry text such as a sector name reaches this file.
 */
function field(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: Table): string {
  const lines = [[...table.columns.map((c) => c.field), 'count', 'suppressed'].map(field).join(',')];
  for (const row of table.rows) lines.push([...row.keys, row.count, row.suppressed].map(field).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The download's name: what was counted and when (`rantau-permits-2026-12-01.csv`). */
export function csvFileName(table: Table, today: string): string {
  return `rantau-${table.statistic}-${table.activeOn ?? today}.csv`;
}
