import { Random } from '../../sandbox/population/prng.js';

/** Deterministic sampling: the same run order and the same hot keys on every machine. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = new Random(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Ranks 0..n-1 drawn with probability ∝ 1/(rank+1)^s: a few workers asked often, a long tail asked
 * rarely — how look-ups by employers and agencies spread over a population, unlike one hot key.
 */
export function zipfSampler(n: number, s: number, seed: number): () => number {
  if (!(n >= 1)) throw new RangeError(`zipfSampler: expected n ≥ 1, got ${n}`);
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= n; rank += 1) {
    total += 1 / rank ** s;
    cumulative.push(total);
  }
  const random = new Random(seed);
  return () => {
    const target = random.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/**
 * Hands out items in order, never the same one twice until all have been handed out, so a cold
 * measurement asks for workers no earlier measurement of the run has asked for. `wrapped` counts
 * the times it had to start over (the report says so).
 */
export class Cursor<T> {
  private next = 0;
  wrapped = 0;

  constructor(private readonly items: readonly T[]) {
    if (items.length === 0) throw new RangeError('Cursor: expected at least one item');
  }

  get size(): number {
    return this.items.length;
  }

  take(count: number): T[] {
    const out: T[] = [];
    for (let i = 0; i < count; i += 1) {
      if (this.next === this.items.length) {
        this.next = 0;
        this.wrapped += 1;
      }
      out.push(this.items[this.next++]);
    }
    return out;
  }
}
