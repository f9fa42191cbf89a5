import type { Holding, Person } from '../population/population.js';
import { scaledPopulation, type ScaledPopulation, type ScaledRegistry } from '../population/scaledPopulation.js';
import { DATE_WINDOW, hasKey, RecordStore, type SearchKeys } from './recordStore.js';

/** A key's hash and a record's place, packed in one number: 26 bits each, so places up to 67 million. */
const PLACES = 2 ** 26;

/**
 * A date as a number that sorts as the date does: its eight digits, whether the registry writes
 * `YYYY-MM-DD` or `YYYYMMDD` (the bounds of a window come in the same form as the dates); null for
 * anything else.
 */
function dateKey(value: string | null): number | null {
  const digits = value?.replace(/-/g, '');
  return digits !== undefined && /^\d{8}$/.test(digits) ? Number(digits) : null;
}

/** FNV-1a, folded to 26 bits: a holder search reads the few records whose key shares the hash and keeps the exact matches. */
function keyHash(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i += 1) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) >>> 6;
}

/**
 * A registry's records at SIM_SCALE, drawn on demand from the scaled population: by number and by
 * page without holding the registry in memory. Records put through the control surface (tests,
 * the change feed) are kept beside it and win over the drawn ones.
 *
 * Holder searches (`find`) read an index of the key they search by, and issue-date windows an
 * index of the date, each built on first use by one pass over the registry and kept as one number
 * per record (8 bytes). `all()` is a view that draws a record when it is read, so paging through
 * it reads only the page; a filter over it (by status, sector…) still reads the whole registry.
 */
export class ScaledRecordStore<N> extends RecordStore<N> {
  /** Records put that the scaled population does not hold (new numbers), in the order put. */
  private readonly added: string[] = [];
  private readonly indexes = new Map<string, Float64Array>();
  private readonly dateIndexes = new Map<string, Float64Array>();

  constructor(
    idOf: (record: N) => string,
    private readonly atScale: { recordFor(person: Person, holding: Holding): N | null; seqOf(id: string): number | null },
    private readonly registry: ScaledRegistry,
  ) {
    super(idOf, []);
  }

  private drawn(seq: number): N | undefined {
    const found = this.registry.at(seq);
    if (!found) return undefined;
    const record = this.atScale.recordFor(found.person, found.holding);
    return record === null ? undefined : (this.byId.get(this.idOf(record)) ?? record);
  }

  /** The record at `place` (0-based) in the registry's order; undefined where the registry holds nothing (a holder it could not record). */
  private at(place: number): N | undefined {
    return place < this.registry.size ? this.drawn(place + 1) : this.byId.get(this.added[place - this.registry.size]);
  }

  override get(id: string): N | undefined {
    const put = this.byId.get(id);
    if (put !== undefined) return put;
    const seq = this.atScale.seqOf(id);
    if (seq === null || !Number.isInteger(seq)) return undefined;
    const record = this.drawn(seq);
    return record !== undefined && this.idOf(record) === id ? record : undefined;
  }

  override put(record: N, at?: string): void {
    const id = this.idOf(record);
    const seq = this.atScale.seqOf(id);
    const drawn = seq === null ? undefined : this.drawn(seq);
    if ((drawn === undefined || this.idOf(drawn) !== id) && !this.byId.has(id)) this.added.push(id);
    super.put(record, at);
  }

  override size(): number {
    return this.registry.size + this.added.length;
  }

  override slice(offset: number, limit: number): N[] {
    const records: N[] = [];
    for (let i = Math.max(0, offset); i < Math.min(offset + limit, this.size()); i += 1) {
      const record = this.at(i);
      if (record !== undefined) records.push(record);
    }
    return records;
  }

  /** A view of the whole registry: its length and `slice` read only what is asked; anything else reads record by record. */
  override all(): N[] {
    let last: { place: number; record: N | undefined } = { place: -1, record: undefined };
    const read = (place: number) => {
      if (last.place !== place) last = { place, record: this.at(place) };
      return last.record;
    };
    const place = (key: string | symbol) => (typeof key === 'string' && /^(0|[1-9]\d*)$/.test(key) ? Number(key) : null);
    const slice = (start = 0, end = this.size()) => {
      const size = this.size();
      const from = start < 0 ? Math.max(0, size + start) : Math.min(start, size);
      const to = end < 0 ? Math.max(0, size + end) : Math.min(end, size);
      return this.slice(from, to - from);
    };
    return new Proxy([] as N[], {
      get: (target, key, receiver) => {
        if (key === 'length') return this.size();
        if (key === 'slice') return slice;
        if (key === DATE_WINDOW) return (from: string | null, to: string | null, read: (record: N) => string | null) => this.within(from, to, read);
        const i = place(key);
        return i === null ? Reflect.get(target, key, receiver) : read(i);
      },
      has: (target, key) => {
        const i = place(key);
        return i === null ? Reflect.has(target, key) : i < this.size() && read(i) !== undefined;
      },
      set: () => false,
    });
  }

  override find(name: string, value: string, keysOf: SearchKeys<N>): N[] {
    let index = this.indexes.get(name);
    if (index === undefined) this.indexes.set(name, (index = this.index(keysOf)));
    const hash = keyHash(value);
    const found = new Map<string, N>();
    for (let i = lowerBound(index, hash * PLACES); i < index.length && Math.floor(index[i] / PLACES) === hash; i += 1) {
      const record = this.drawn(index[i] % PLACES);
      if (record !== undefined && hasKey(keysOf(record), value)) found.set(this.idOf(record), record);
    }
    // Records put through the control surface are few: read them all.
    for (const record of this.byId.values()) if (hasKey(keysOf(record), value)) found.set(this.idOf(record), record);
    return [...found.values()];
  }

  /**
   * The records whose date lies within the bounds (inclusive, either optional), in the registry's
   * order. The dates are indexed by one pass over the registry on the first window asked; the index
   * is known by the reading function's source, one per listing route, since each call passes a
   * closure of its own. Records put through the control surface are read as they are.
   */
  within(from: string | null, to: string | null, read: (record: N) => string | null): N[] {
    const name = read.toString();
    let index = this.dateIndexes.get(name);
    if (index === undefined) this.dateIndexes.set(name, (index = this.dates(read)));
    const fromKey = from === null ? 0 : (dateKey(from) ?? 0);
    const toKey = to === null ? Infinity : (dateKey(to) ?? Infinity);
    const places = new Set<number>();
    for (let i = lowerBound(index, fromKey * PLACES); i < index.length && Math.floor(index[i] / PLACES) <= toKey; i += 1) places.add((index[i] % PLACES) - 1);
    for (const id of this.byId.keys()) {
      const added = this.added.indexOf(id);
      const seq = this.atScale.seqOf(id);
      if (added >= 0) places.add(this.registry.size + added);
      else if (seq !== null) places.add(seq - 1);
    }
    const inWindow = (value: string | null) => value !== null && (from === null || value >= from) && (to === null || value <= to);
    return [...places].sort((a, b) => a - b).flatMap((place) => {
      const record = this.at(place);
      return record !== undefined && inWindow(read(record)) ? [record] : [];
    });
  }

  /** One pass over the drawn registry: every record's date (as a number) with its place, sorted. */
  private dates(read: (record: N) => string | null): Float64Array {
    const entries = new Float64Array(this.registry.size);
    let length = 0;
    for (let seq = 1; seq <= this.registry.size; seq += 1) {
      const found = this.registry.at(seq)!;
      const record = this.atScale.recordFor(found.person, found.holding);
      const key = record === null ? null : dateKey(read(record));
      if (key !== null) entries[length++] = key * PLACES + seq;
    }
    return entries.slice(0, length).sort();
  }

  /** One pass over the drawn registry: every key's hash with its record's place, sorted. */
  private index(keysOf: SearchKeys<N>): Float64Array {
    let entries = new Float64Array(Math.max(1024, this.registry.size));
    let length = 0;
    for (let seq = 1; seq <= this.registry.size; seq += 1) {
      const found = this.registry.at(seq)!;
      const record = this.atScale.recordFor(found.person, found.holding);
      if (record === null) continue;
      const keys = keysOf(record);
      for (const key of typeof keys === 'string' ? [keys] : (keys ?? [])) {
        if (length === entries.length) {
          const bigger = new Float64Array(entries.length * 2);
          bigger.set(entries);
          entries = bigger;
        }
        entries[length++] = keyHash(key) * PLACES + seq;
      }
    }
    return entries.slice(0, length).sort();
  }
}

function lowerBound(list: Float64Array, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const populations = new Map<string, ScaledPopulation>();

/** One scaled population per seed and scale in a process: every simulator of the embedded stack shares its index. */
export function sharedScaledPopulation(seed: number, scale: number): ScaledPopulation {
  const key = `${seed}:${scale}`;
  let population = populations.get(key);
  if (!population) populations.set(key, (population = scaledPopulation(seed, scale)));
  return population;
}
