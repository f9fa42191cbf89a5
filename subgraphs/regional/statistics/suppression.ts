// Small-count suppression for the regional statistics (issue 13; method and limits in
// docs/analysts.md). Pure: counts in, which cells may be published out.
//
// The rule that makes differencing useless: whether a cell is suppressed depends only on the data
// of its own grouping and of the coarser groupings above it, never on the query that asked for it.
// Every grouping S of the dimensions a question touches is a table ("margin") of its own; tables
// are decided from the coarsest (the grand total) to the finest:
//   1. primary: a cell under the threshold is suppressed;
//   2. inherited: a cell under a suppressed cell of a coarser table is suppressed (a finer query
//      cannot rebuild what a coarser one hid);
//   3. complementary: in every line of a table (all dimensions fixed but one, whose sum is a cell
//      of the coarser table, published or computable from another query), the suppressed cells are
//      none, or at least two whose sum reaches the threshold: otherwise the smallest published
//      cell of the line is suppressed too, and so on until nothing changes.
// Two queries over the same filter with different groupings therefore publish cells of the same
// family of tables with the same decisions, so their difference is a sum of whole protected lines.

export interface FineCell {
  /** One value per dimension of the finest grouping (null: the record does not say). */
  values: ReadonlyArray<string | null>;
  count: number;
}

export interface MarginCell {
  values: Array<string | null>;
  count: number;
  suppressed: boolean;
}

/** Every grouping's table, by bit mask of the finest grouping's dimensions (bit i: dimension i kept). */
export class SuppressedMargins {
  private readonly tables = new Map<number, Map<string, MarginCell>>();

  constructor(
    readonly dimensions: number,
    cells: readonly FineCell[],
    readonly threshold: number,
  ) {
    if (dimensions > 8) throw new Error(`suppression: at most 8 dimensions, got ${dimensions}`);
    cells = completed(dimensions, cells);
    const masks = Array.from({ length: 1 << dimensions }, (_, mask) => mask).sort((a, b) => bits(a) - bits(b) || a - b);
    for (const mask of masks) this.decide(mask, cells);
  }

  /** The table of the grouping `mask`. */
  table(mask: number): Map<string, MarginCell> {
    return this.tables.get(mask)!;
  }

  /** A cell of a grouping, by its values on the dimensions of `mask` (in dimension order); undefined when no record falls in it. */
  cell(mask: number, values: ReadonlyArray<string | null>): MarginCell | undefined {
    return this.tables.get(mask)!.get(keyOf(values));
  }

  private decide(mask: number, cells: readonly FineCell[]): Map<string, MarginCell> {
    const kept = dimensionsOf(mask, this.dimensions);
    const table = new Map<string, MarginCell>();
    for (const fine of cells) {
      const values = kept.map((d) => fine.values[d]);
      const key = keyOf(values);
      const cell = table.get(key);
      if (cell) cell.count += fine.count;
      else table.set(key, { values, count: fine.count, suppressed: false });
    }
    for (const cell of table.values()) {
      cell.suppressed = cell.count < this.threshold || kept.some((d, i) => this.parentOf(mask, d, cell.values, i)?.suppressed === true);
    }
    // Lines: for each kept dimension, the cells that agree on every other kept dimension; a line's sum is a cell of the coarser table without that dimension.
    const lines: Array<{ cells: MarginCell[]; parentPublished: boolean }> = [];
    kept.forEach((d, i) => {
      const byRest = new Map<string, MarginCell[]>();
      for (const cell of table.values()) {
        const rest = keyOf(cell.values.filter((__, j) => j !== i));
        const line = byRest.get(rest);
        if (line) line.push(cell);
        else byRest.set(rest, [cell]);
      }
      for (const cells of byRest.values()) lines.push({ cells, parentPublished: this.parentOf(mask, d, cells[0].values, i)?.suppressed === false });
    });
    for (let changed = true; changed; ) {
      changed = false;
      for (const { cells: line, parentPublished } of lines) {
        if (!parentPublished) continue;
        for (;;) {
          const hidden = line.filter((cell) => cell.suppressed);
          if (hidden.length === 0) break;
          const hiddenSum = hidden.reduce((sum, cell) => sum + cell.count, 0);
          if (hidden.length >= 2 && hiddenSum >= this.threshold) break;
          const next = line.filter((cell) => !cell.suppressed).sort((a, b) => a.count - b.count || keyOf(a.values).localeCompare(keyOf(b.values)))[0];
          // No cell left to hide with it: the line's hidden cells are a coarser cell under the threshold, itself suppressed (or a total hidden with them).
          if (!next) break;
          next.suppressed = true;
          changed = true;
        }
      }
    }
    this.tables.set(mask, table);
    this.audit(mask, table);
    return table;
  }

  /**
   * The differencing attack, run before answering: everything this grouping and the coarser ones
   * publish, then every chain of differences (a line whose sum and all cells but one are known
   * gives that one; a line all known gives its sum). While a cell under the threshold falls out,
   * one more cell of this grouping is hidden (the smallest published one sharing a line with a
   * hidden cell the chain reached), so coarser groupings, which other questions publish as they
   * are, never change.
   */
  private audit(mask: number, table: Map<string, MarginCell>): void {
    for (;;) {
      const recovered = this.recoverable(mask);
      if (!recovered.some((cell) => cell.count < this.threshold)) return;
      const kept = dimensionsOf(mask, this.dimensions);
      const reached = new Set(recovered.filter((cell) => table.get(keyOf(cell.values)) === cell));
      const candidates = [...table.values()].filter((cell) => !cell.suppressed && kept.some((_, i) => [...reached].some((hidden) => hidden.values.every((v, j) => j === i || v === cell.values[j]))));
      const pool = candidates.length > 0 ? candidates : [...table.values()].filter((cell) => !cell.suppressed);
      const next = pool.sort((a, b) => a.count - b.count || keyOf(a.values).localeCompare(keyOf(b.values)))[0];
      if (!next) return;
      next.suppressed = true;
    }
  }

  /** The hidden cells of `mask` and coarser groupings that chains of differences over their published cells recover. */
  private recoverable(top: number): MarginCell[] {
    const masks = [...this.tables.keys()].filter((mask) => (mask & top) === mask);
    const known = new Set<MarginCell>();
    for (const mask of masks) for (const cell of this.tables.get(mask)!.values()) if (!cell.suppressed) known.add(cell);
    const lines: Array<{ parent: MarginCell | undefined; cells: MarginCell[] }> = [];
    for (const mask of masks) {
      dimensionsOf(mask, this.dimensions).forEach((d, i) => {
        const byRest = new Map<string, MarginCell[]>();
        for (const cell of this.tables.get(mask)!.values()) {
          const rest = keyOf(cell.values.filter((_, j) => j !== i));
          const line = byRest.get(rest);
          if (line) line.push(cell);
          else byRest.set(rest, [cell]);
        }
        for (const cells of byRest.values()) lines.push({ parent: this.parentOf(mask, d, cells[0].values, i), cells });
      });
    }
    const recovered: MarginCell[] = [];
    for (let changed = true; changed; ) {
      changed = false;
      for (const { parent, cells } of lines) {
        if (!parent) continue;
        const unknown = cells.filter((cell) => !known.has(cell));
        if (known.has(parent) && unknown.length === 1) {
          known.add(unknown[0]);
          recovered.push(unknown[0]);
          changed = true;
        } else if (!known.has(parent) && unknown.length === 0) {
          known.add(parent);
          recovered.push(parent);
          changed = true;
        }
      }
    }
    return recovered;
  }

  /** The cell of the coarser table without dimension `d` that `values` falls in (`position`: where d sits among the kept ones). */
  private parentOf(mask: number, d: number, values: ReadonlyArray<string | null>, position: number): MarginCell | undefined {
    return this.tables.get(mask & ~(1 << d))?.get(keyOf(values.filter((_, j) => j !== position)));
  }
}

/** Every combination of the values seen, an empty one with count 0. */
function completed(dimensions: number, cells: readonly FineCell[]): FineCell[] {
  const seen = Array.from({ length: dimensions }, () => new Map<string, string | null>());
  for (const cell of cells) cell.values.forEach((value, d) => seen[d].set(keyOf([value]), value));
  const present = new Map(cells.map((cell) => [keyOf(cell.values), cell]));
  let combinations: Array<Array<string | null>> = [[]];
  for (const values of seen) combinations = combinations.flatMap((prefix) => [...values.values()].map((value) => [...prefix, value]));
  return combinations.map((values) => present.get(keyOf(values)) ?? { values, count: 0 });
}

/** How many cells the finest grouping of these cells has once every combination is listed. */
export function combinationsOf(dimensions: number, cells: readonly FineCell[]): number {
  const seen = Array.from({ length: dimensions }, () => new Set<string>());
  for (const cell of cells) cell.values.forEach((value, d) => seen[d].add(keyOf([value])));
  return seen.reduce((product, values) => product * values.size, 1);
}

const bits = (mask: number): number => {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n += 1;
  return n;
};

/** The dimensions a mask keeps, in order. */
export function dimensionsOf(mask: number, dimensions: number): number[] {
  return Array.from({ length: dimensions }, (_, d) => d).filter((d) => (mask & (1 << d)) !== 0);
}

export function keyOf(values: ReadonlyArray<string | null>): string {
  return JSON.stringify(values);
}

export interface Published {
  /** One per group of the requested dimensions, values in the order asked. */
  cells: MarginCell[];
  /** Null when it would uncover a suppressed cell. */
  total: number | null;
}

/**
 * The answer to one question: the `requested` dimensions (positions in the finest grouping, in the
 * order asked) over the records whose values lie in `selections` (one per dimension; null: any
 * value). A dimension the filter restricts but the question does not group by is part of the
 * finest grouping, so the answer is a sum of cells whose suppression every other question shares:
 * the sum is published only when none of them is suppressed.
 */
export function publish(margins: SuppressedMargins, requested: readonly number[], selections: ReadonlyArray<ReadonlySet<string | null> | null>): Published {
  const filtered = selections.reduce((mask, selection, d) => (selection ? mask | (1 << d) : mask), 0);
  const sum = (mask: number, requestedOnly: readonly number[]) => {
    const kept = dimensionsOf(mask, margins.dimensions);
    const positions = requestedOnly.map((d) => kept.indexOf(d));
    const grouped = new Map<string, MarginCell>();
    for (const cell of margins.table(mask).values()) {
      if (!kept.every((d, i) => selections[d]?.has(cell.values[i]) ?? true)) continue;
      const values = positions.map((i) => cell.values[i]);
      const k = keyOf(values);
      const into = grouped.get(k);
      if (into) {
        into.count += cell.count;
        into.suppressed ||= cell.suppressed;
      } else grouped.set(k, { values, count: cell.count, suppressed: cell.suppressed });
    }
    return [...grouped.values()];
  };
  // No dimension asked: the total alone.
  const cells = requested.length === 0 ? [] : sum(requested.reduce((mask, d) => mask | (1 << d), filtered), requested);
  const [total] = sum(filtered, []);
  // A total of nothing names no one: it is published as 0.
  return { cells, total: total === undefined || total.count === 0 ? 0 : total.suppressed ? null : total.count };
}
