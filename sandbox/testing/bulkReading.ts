// Reads a registry whole through its bulk interface, as the country index does, for tests that
// prove `listPage` visits every record once.
import type { RecordSource } from '../../subgraphs/kit/registrySource.js';

/** Every record number the bulk interface answers, page after page until `next` is null (readable or not). */
export async function numbersOfEveryPage(source: RecordSource): Promise<{ readable: string[]; unreadable: string[] }> {
  const readable: string[] = [];
  const unreadable: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await source.listPage!(cursor);
    readable.push(...page.records.map((r) => r.nativeId));
    unreadable.push(...page.unreadable.map((e) => String(e.extensions.nativeId)));
    cursor = page.next;
  } while (cursor !== null);
  return { readable, unreadable };
}
