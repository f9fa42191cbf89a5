import { makePersonOf, recordRandom, segments, type Holding, type Person, type Segment } from './population.js';

/**
 * The synthetic population at scale (SIM_SCALE): the same corridors in the same proportions,
 * every segment `scale` times larger, and never held in memory. Each person is drawn from a
 * random stream of their own (seed and person number), so any one of them can be drawn again on
 * demand; what is kept is, per registry, one number per record (which person, which of their
 * holdings): 8 bytes a record, 8 MB for a million.
 */
export interface ScaledPopulation {
  seed: number;
  scale: number;
  /** People in the whole region. */
  readonly size: number;
  /** Person `pid` (1-based) with their holdings; `seq` of each holding is its place in its registry. */
  person(pid: number): Person;
  /** The registry of one country and kind: how many records, and the holder of the `seq`-th (1-based). */
  registry(country: string, kind: Holding['kind']): ScaledRegistry;
}

export interface ScaledRegistry {
  readonly size: number;
  /** The `seq`-th record's holder and holding, or null past the end. */
  at(seq: number): { person: Person; holding: Holding } | null;
}

/** SIM_SCALE: a whole number ≥ 1 (1, the default, is the small population the tests use). */
export function simScale(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SIM_SCALE;
  if (raw === undefined || raw === '') return 1;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`SIM_SCALE: expected a whole number of at least 1, got ${JSON.stringify(raw)}`);
  return value;
}

const MAX_HOLDINGS = 8;

export function scaledPopulation(seed: number, scale: number): ScaledPopulation {
  const layout = segments(scale);
  const starts: number[] = [];
  let total = 0;
  for (const { count } of layout) {
    starts.push(total + 1);
    total += count;
  }
  const segmentOf = (pid: number): Segment => {
    let lo = 0;
    let hi = layout.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pid) lo = mid;
      else hi = mid - 1;
    }
    return layout[lo].segment;
  };
  const draw = (pid: number): Person => makePersonOf(recordRandom('person', seed, pid), pid, segmentOf(pid), () => 0);

  // One streaming pass, the first time any registry is asked for: which holding of which person is each registry's n-th record.
  let registries: Map<string, Float64Array> | null = null;
  const index = (): Map<string, Float64Array> => {
    if (registries) return registries;
    const growing = new Map<string, { entries: Float64Array; length: number }>();
    for (let pid = 1; pid <= total; pid += 1) {
      draw(pid).holdings.forEach((holding, ordinal) => {
        const key = `${holding.country}:${holding.kind}`;
        let list = growing.get(key);
        if (!list) growing.set(key, (list = { entries: new Float64Array(1024), length: 0 }));
        if (list.length === list.entries.length) {
          const bigger = new Float64Array(list.entries.length * 2);
          bigger.set(list.entries);
          list.entries = bigger;
        }
        list.entries[list.length++] = pid * MAX_HOLDINGS + ordinal;
      });
    }
    registries = new Map([...growing].map(([key, list]) => [key, list.entries.slice(0, list.length)]));
    return registries;
  };

  const person = (pid: number): Person => {
    const drawn = draw(pid);
    // Each holding's place in its registry, as the index numbers it.
    const lists = index();
    for (const [ordinal, holding] of drawn.holdings.entries()) {
      const list = lists.get(`${holding.country}:${holding.kind}`)!;
      holding.seq = findEntry(list, pid * MAX_HOLDINGS + ordinal) + 1;
    }
    return drawn;
  };

  return {
    seed,
    scale,
    size: total,
    person,
    registry(country, kind) {
      const list = index().get(`${country}:${kind}`) ?? new Float64Array(0);
      return {
        size: list.length,
        at(seq) {
          if (!(seq >= 1 && seq <= list.length)) return null;
          const entry = list[seq - 1];
          const pid = Math.floor(entry / MAX_HOLDINGS);
          const drawn = draw(pid);
          const holding = drawn.holdings[entry % MAX_HOLDINGS];
          holding.seq = seq;
          return { person: drawn, holding };
        },
      };
    },
  };
}

/** Entries are in ascending order (people in order, holdings in order): a binary search. */
function findEntry(list: Float64Array, entry: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] === entry) return mid;
    if (list[mid] < entry) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
