import type { Holding, Person } from '../population/population.js';
import { scaledPopulation, type ScaledPopulation, type ScaledRegistry } from '../population/scaledPopulation.js';
import { RecordStore } from './recordStore.js';

/**
 * A registry's records at SIM_SCALE, drawn on demand from the scaled population: by number and by
 * page without holding the registry in memory. Records put through the control surface (tests,
 * the change feed) are kept beside it and win over the drawn ones. Filtered listings and holder
 * searches still read `all()`, which draws the whole registry for each call: slow at scale, and
 * the next thing to make streaming.
 */
export class ScaledRecordStore<N> extends RecordStore<N> {
  /** Records put that the scaled population does not hold (new numbers), in the order put. */
  private readonly added: string[] = [];

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

  override get(id: string): N | undefined {
    const put = this.byId.get(id);
    if (put !== undefined) return put;
    const seq = this.atScale.seqOf(id);
    if (seq === null) return undefined;
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
    for (let i = offset; i < Math.min(offset + limit, this.size()); i += 1) {
      const record = i < this.registry.size ? this.drawn(i + 1) : this.byId.get(this.added[i - this.registry.size]);
      if (record !== undefined) records.push(record);
    }
    return records;
  }

  override all(): N[] {
    return this.slice(0, this.size());
  }
}

const populations = new Map<string, ScaledPopulation>();

/** One scaled population per seed and scale in a process: every simulator of the embedded stack shares its index. */
export function sharedScaledPopulation(seed: number, scale: number): ScaledPopulation {
  const key = `${seed}:${scale}`;
  let population = populations.get(key);
  if (!population) populations.set(key, (population = scaledPopulation(seed, scale)));
  return population;
}
