// What a simulator gives the store to serve the scaled population (SIM_SCALE): its record writer
// and the inverse of its numbering.
import type { Holding, Person } from '../population/population.js';

export interface AtScale<N> {
  kind: Holding['kind'];
  recordFor(person: Person, holding: Holding): N | null;
  seqOf(id: string): number | null;
}

/**
 * A registry's `atScale` from the writer it already uses for the small population (null for a
 * holder it would not record) and `seqOf`, which reads the record's place back out of its number.
 */
export function atScale<K extends Holding['kind'], N>(kind: K, write: (person: Person, holding: Extract<Holding, { kind: K }>) => N | null, seqOf: (id: string) => number | null): AtScale<N> {
  return { kind, recordFor: (person, holding) => (holding.kind === kind ? write(person, holding as Extract<Holding, { kind: K }>) : null), seqOf };
}

/**
 * `seqOf` for numbers that end in the record's place (zero-padded or not), as most registries'
 * do: `digits` when the part before the serial may end in a digit too. Reading liberally is safe:
 * the store draws the record at that place and answers it only when its number is the one asked.
 */
export function trailingSeq(digits?: number): (id: string) => number | null {
  const pattern = digits === undefined ? /(\d+)$/ : new RegExp(`(\\d{${digits}})$`);
  return (id) => {
    const match = pattern.exec(id);
    if (!match) return null;
    const seq = Number(match[1]);
    return seq >= 1 ? seq : null;
  };
}
