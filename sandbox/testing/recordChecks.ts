// Checks every adapter's tests make the same way against its simulator: the bulk interface read to
// the end, and one unreadable record among readable ones costing only itself. Tests only.
import { expect } from 'vitest';
import type { RecordSource } from '../../subgraphs/kit/registrySource.js';
import type { TestAdapter } from './registryTesting.js';

/** Every record number the registry's bulk interface answers, page by page from the first, readable or not. */
export async function numbersOfEveryPage(source: RecordSource): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await source.listPage!(cursor);
    seen.push(...page.records.map((r) => r.nativeId), ...page.unreadable.map((e) => String(e.extensions.nativeId)));
    cursor = page.next;
  } while (cursor !== null);
  return seen;
}

/**
 * A look-up of two readable numbers with an unreadable one between them: both readable records are
 * served, and the unreadable one is its own RECORD_UNREADABLE (`unreadable`, the test kit's matcher).
 */
export async function expectOnlyTheUnreadableLost(adapter: TestAdapter, [first, bad, second]: readonly [string, string, string], unreadable: (nativeId: string) => unknown): Promise<void> {
  const outcomes = await adapter.loadMany([first, bad, second]);
  expect(outcomes[0]).toMatchObject({ nativeId: first });
  expect(outcomes[1]).toEqual(unreadable(bad));
  expect(outcomes[2]).toMatchObject({ nativeId: second });
}
