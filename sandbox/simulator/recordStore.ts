// The records one simulated registry serves, by number, with the change log its feed publishes.

/**
 * The keys a holder search finds a record by (a normalised passport number, a national identity
 * number…): one, several (a licence lists several workers) or none.
 */
export type SearchKeys<N> = (record: N) => string | readonly string[] | null | undefined;

export function hasKey(keys: string | readonly string[] | null | undefined, value: string): boolean {
  return typeof keys === 'string' ? keys === value : keys != null && keys.includes(value);
}

/**
 * What a view of a registry at SIM_SCALE answers for an issue-date window (`withinDates` asks it):
 * the records whose date `read` gives lies within the bounds, without reading the others.
 */
export const DATE_WINDOW = Symbol('dateWindow');
export type DateWindow<N> = (from: string | null, to: string | null, read: (record: N) => string | null) => N[];

/** Native records by id, with the change feed a registry publishes. */
export class RecordStore<N> {
  protected readonly byId = new Map<string, N>();
  readonly changes: Array<{ id: string; at: string }> = [];

  constructor(protected readonly idOf: (record: N) => string, records: N[]) {
    for (const record of records) this.byId.set(idOf(record), record);
  }

  get(id: string): N | undefined {
    return this.byId.get(id);
  }

  all(): N[] {
    return [...this.byId.values()];
  }

  /**
   * The records a holder search finds: those whose `keysOf` include `value`. `name` names the key
   * (`passport`, `nik`…), so that a store at scale can keep an index of it instead of reading
   * every record for every search.
   */
  find(name: string, value: string, keysOf: SearchKeys<N>): N[] {
    void name;
    return this.all().filter((record) => hasKey(keysOf(record), value));
  }

  /** How many records the registry holds. */
  size(): number {
    return this.byId.size;
  }

  /** Records `offset` to `offset + limit` in the registry's order, without reading the others (listing endpoints). */
  slice(offset: number, limit: number): N[] {
    return this.all().slice(offset, offset + limit);
  }

  /** Adds or replaces a record and logs the change (what `/perubahan`-style feeds publish). */
  put(record: N, at = new Date().toISOString()): void {
    const id = this.idOf(record);
    this.byId.set(id, record);
    this.changes.push({ id, at });
  }

  changedSince(since: string): Array<{ id: string; at: string }> {
    return this.changes.filter((change) => change.at > since);
  }
}
