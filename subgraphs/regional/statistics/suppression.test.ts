import { describe, expect, it } from 'vitest';
import { SuppressedMargins, dimensionsOf, keyOf, publish, type FineCell } from './suppression.js';

const THRESHOLD = 10;

/** A deterministic pseudo-random table: `sizes[d]` values per dimension, many small cells. */
function table(seed: number, sizes: number[]): FineCell[] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const cells: FineCell[] = [];
  const walk = (prefix: string[]) => {
    if (prefix.length === sizes.length) {
      const roll = next();
      const count = roll < 0.25 ? 0 : roll < 0.55 ? 1 + Math.floor(next() * 9) : 10 + Math.floor(next() * 80);
      if (count > 0) cells.push({ values: prefix, count });
      return;
    }
    for (let v = 0; v < sizes[prefix.length]; v++) walk([...prefix, `v${prefix.length}${v}`]);
  };
  walk([]);
  return cells;
}

/**
 * The attacker: every number any grouping publishes (each grouping asked as its own query, so
 * all their margins too), then differencing to closure: a cell whose line has all other cells and
 * the line's sum known is known; a coarser cell whose line is all known is known.
 */
function attack(margins: SuppressedMargins): Map<string, number> {
  const known = new Map<string, number>();
  const id = (mask: number, values: ReadonlyArray<string | null>) => `${mask}|${keyOf(values)}`;
  for (let mask = 0; mask < 1 << margins.dimensions; mask++) {
    for (const cell of margins.table(mask).values()) if (!cell.suppressed) known.set(id(mask, cell.values), cell.count);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (let mask = 1; mask < 1 << margins.dimensions; mask++) {
      const kept = dimensionsOf(mask, margins.dimensions);
      kept.forEach((d, position) => {
        const parentMask = mask & ~(1 << d);
        const lines = new Map<string, Array<{ values: Array<string | null>; count: number }>>();
        for (const cell of margins.table(mask).values()) {
          const rest = cell.values.filter((_, j) => j !== position);
          const key = keyOf(rest);
          lines.set(key, [...(lines.get(key) ?? []), cell]);
        }
        for (const [restKey, line] of lines) {
          const parent = known.get(`${parentMask}|${restKey}`);
          const unknown = line.filter((cell) => !known.has(id(mask, cell.values)));
          if (parent !== undefined && unknown.length === 1) {
            known.set(id(mask, unknown[0].values), parent - line.filter((c) => c !== unknown[0]).reduce((s, c) => s + c.count, 0));
            changed = true;
          }
          if (parent === undefined && unknown.length === 0) {
            known.set(`${parentMask}|${restKey}`, line.reduce((s, c) => s + c.count, 0));
            changed = true;
          }
        }
      });
    }
  }
  return known;
}

describe('small-count suppression', () => {
  it('suppresses cells under the threshold and a second cell in their row and column', () => {
    const cells: FineCell[] = [
      { values: ['THA', 'MMR'], count: 120 }, { values: ['THA', 'KHM'], count: 40 }, { values: ['THA', 'LAO'], count: 3 },
      { values: ['MYS', 'MMR'], count: 30 }, { values: ['MYS', 'KHM'], count: 25 }, { values: ['MYS', 'LAO'], count: 50 },
    ];
    const margins = new SuppressedMargins(2, cells, THRESHOLD);
    const answer = publish(margins, [0, 1], [null, null]);
    const hidden = answer.cells.filter((c) => c.suppressed).map((c) => c.values.join('/')).sort();
    // THA/LAO (3) is under the threshold; its row (THA) and column (LAO) each need a second hidden cell, and so on.
    expect(hidden).toContain('THA/LAO');
    expect(hidden.length).toBeGreaterThanOrEqual(4);
    expect(answer.total).toBe(268);
    for (const line of [['THA'], ['MYS']]) expect(answer.cells.filter((c) => c.values[0] === line[0] && c.suppressed).length).not.toBe(1);
  });

  it('hides the total of a single cell under the threshold', () => {
    const margins = new SuppressedMargins(1, [{ values: ['BRN'], count: 4 }], THRESHOLD);
    expect(publish(margins, [0], [null])).toEqual({ cells: [{ values: ['BRN'], count: 4, suppressed: true }], total: null });
  });

  it('never lets differencing across groupings, margins and totals recover a cell under the threshold', () => {
    const shapes: number[][] = [[4, 5], [3, 4, 3], [6, 2], [5, 5], [3, 3, 3], [2, 4, 3], [7, 3], [4, 4, 2], [2, 3, 2, 3]];
    for (const [seed, sizes] of Array.from({ length: 120 }, (_, i) => [i + 1, shapes[i % shapes.length]] as const)) {
      const margins = new SuppressedMargins(sizes.length, table(seed, sizes), THRESHOLD);
      const known = attack(margins);
      for (let mask = 0; mask < 1 << sizes.length; mask++) {
        for (const cell of margins.table(mask).values()) {
          if (cell.count > 0 && cell.count < THRESHOLD) expect(known.has(`${mask}|${keyOf(cell.values)}`), `seed ${seed}: cell ${keyOf(cell.values)} of grouping ${mask} (${cell.count}) recovered`).toBe(false);
        }
      }
    }
  });

  it('answers a filtered question only from cells every other question shares (no differencing by filter)', () => {
    const cells: FineCell[] = [
      { values: ['THA', 'KHM'], count: 20 }, { values: ['THA', 'LAO'], count: 3 }, { values: ['THA', 'MMR'], count: 60 },
      { values: ['MYS', 'KHM'], count: 40 }, { values: ['MYS', 'LAO'], count: 30 }, { values: ['MYS', 'MMR'], count: 15 },
    ];
    // The question is "by host, for these nationalities": nationality is the second (filtered) dimension.
    const margins = new SuppressedMargins(2, cells, THRESHOLD);
    const both = publish(margins, [0], [null, new Set(['KHM', 'LAO'])]);
    const khm = publish(margins, [0], [null, new Set(['KHM'])]);
    const tha = (answer: typeof both) => answer.cells.find((c) => c.values[0] === 'THA')!;
    // Whatever is published, THA/LAO = THA(KHM, LAO) − THA(KHM) must not be computable.
    expect(tha(both).suppressed || tha(khm).suppressed).toBe(true);
  });
});
