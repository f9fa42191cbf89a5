/** Helpers the simulators share for their search endpoints. */
import { DATE_WINDOW, type DateWindow } from './recordStore.js';

/** Reads an integer query parameter, or the default; NaN when present but not an integer. */
export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  return /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
}

/** Keeps records for which every given filter value equals the record's value. */
export function filterBy<N>(records: N[], query: URLSearchParams, fields: Record<string, (record: N) => unknown>): N[] {
  const wanted = Object.entries(fields).flatMap(([param, read]) => {
    const value = query.get(param);
    return value === null || value === '' ? [] : [{ value, read }];
  });
  // No filter: the records as given (at SIM_SCALE a view that pages without reading the registry).
  if (wanted.length === 0) return records;
  return records.filter((record) => wanted.every(({ value, read }) => String(read(record)) === value));
}

/** Keeps records whose ISO date lies between two ISO bounds (inclusive, either optional). */
export function withinDates<N>(records: N[], from: string | null, to: string | null, read: (record: N) => string | null): N[] {
  if (from === null && to === null) return records;
  // A whole registry at SIM_SCALE answers from an index of the dates (the country index's issue-date windows).
  const window = (records as N[] & { [DATE_WINDOW]?: DateWindow<N> })[DATE_WINDOW];
  if (window) return window(from, to, read);
  return records.filter((record) => {
    const value = read(record);
    if (value === null) return from === null && to === null;
    return (from === null || value >= from) && (to === null || value <= to);
  });
}

/** An opaque cursor over a sorted list: base64 of the offset. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string | null): number | null {
  if (cursor === null || cursor === '') return 0;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  return /^o:\d+$/.test(text) ? Number(text.slice(2)) : null;
}
