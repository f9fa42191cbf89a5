// Where a registry's paged search goes next, for adapters' `listPage`: most registries page by a
// page number (from 0 or 1) or an offset and state a total; the kit's cursor is that number as a
// string, opaque to everyone but the adapter that wrote it.

/**
 * Whether another page follows one that began at record `before` and held `received` records: by
 * the registry's total when it states one, else by a full page.
 */
export function hasMorePages(before: number, received: number, pageSize: number, total: unknown): boolean {
  return typeof total === 'number' && Number.isFinite(total) ? before + received < total && received > 0 : received === pageSize;
}

/** The page number a cursor names (`first` for the first page: 0 or 1, as the registry counts). */
export function pageNumberOf(cursor: string | null, first: 0 | 1): number {
  return cursor === null ? first : Number(cursor);
}

/** The cursor after a page-numbered page, or null after the last. */
export function nextPageNumber(page: number, first: 0 | 1, received: number, pageSize: number, total: unknown): string | null {
  return hasMorePages((page - first) * pageSize, received, pageSize, total) ? String(page + 1) : null;
}

/** The cursor after an offset-paged page, or null after the last. */
export function nextOffset(offset: number, received: number, pageSize: number, total: unknown): string | null {
  return hasMorePages(offset, received, pageSize, total) ? String(offset + received) : null;
}
