import { post } from './post.js';
import type { System } from '../processes/topology.js';

/**
 * Are the peers' answers Rantau's answers? Each system is asked the same request once (after its
 * warm measurement primed it) and its `data` and `errors` compared with Rantau's, leaf by leaf.
 * Object keys are compared in any order; lists in order (the contract orders them).
 */
export interface AnswerCheck {
  scenario: string;
  system: string;
  /** Leaves (values at a path) that differ from Rantau's answer, added or missing ones included. */
  differences: number;
  /** The first few differing paths, for the report. */
  examples: string[];
  errors: number;
}

/** Every leaf of a JSON value as `path → value`. */
export function leaves(value: unknown, path = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value)) {
    if (value.length === 0) into.set(path, '[]');
    value.forEach((item, i) => leaves(item, `${path}[${i}]`, into));
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) into.set(path, '{}');
    for (const [key, item] of entries) leaves(item, path ? `${path}.${key}` : key, into);
  } else {
    into.set(path, value);
  }
  return into;
}

/** Paths whose values differ between two answers (present in one only counts). */
export function differingPaths(expected: unknown, actual: unknown): string[] {
  const a = leaves(expected);
  const b = leaves(actual);
  const out: string[] = [];
  for (const [path, value] of a) if (!b.has(path) || b.get(path) !== value) out.push(path);
  for (const path of b.keys()) if (!a.has(path)) out.push(path);
  return out;
}

export async function compareAnswers(scenario: string, body: string, reference: System, others: readonly System[]): Promise<AnswerCheck[]> {
  const expected = await post(reference, body);
  const checks: AnswerCheck[] = [];
  for (const system of others) {
    const actual = await post(system, body);
    const paths = differingPaths(expected.body?.data ?? null, actual.body?.data ?? null);
    checks.push({ scenario, system: system.id, differences: paths.length, examples: paths.slice(0, 3), errors: actual.errors });
  }
  return checks;
}
