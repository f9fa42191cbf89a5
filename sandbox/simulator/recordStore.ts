// The records one simulated registry serves, by number, with the change log its feed publishes.
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

