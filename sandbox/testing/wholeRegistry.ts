// Reading a whole registry through its bulk interface, page by page, as the country index does:
// for adapter tests that prove `listPage` returns every record once. Tests only.
import type { RecordSource } from '../../subgraphs/kit/registrySource.js';

/** Every record number the registry's pages name, readable or not, in the order read. */
export async function idsThroughPages(source: RecordSource): Promise<string[]> {
  if (!source.listPage) throw new Error(`${source.country} ${source.registry} has no bulk interface`);
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await source.listPage(cursor);
    seen.push(...page.records.map((r) => r.nativeId), ...page.unreadable.map((e) => String(e.extensions.nativeId)));
    cursor = page.next;
  } while (cursor !== null);
  return seen;
}
