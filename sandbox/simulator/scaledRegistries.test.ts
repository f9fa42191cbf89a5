import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { countryEntries, loadCountry } from '../../subgraphs/countries.js';
import { loadSimulators } from '../countrySimulators.js';
import { startSimulator, servedRecordIds, type RunningSimulator, type SimulatorDefinition } from './simulator.js';
import { ScaledRecordStore, sharedScaledPopulation } from './scaledRecordStore.js';
import { defaultPopulation, holdingsIn, type Person, type Population } from '../population/population.js';
import type { RecordSource } from '../../subgraphs/kit/registrySource.js';
import { registryTestKit } from '../testing/registryTesting.js';
import { idsThroughPages } from '../testing/wholeRegistry.js';
import type { RegistryAdapter } from '../../subgraphs/kit/adapter.js';

// SIM_SCALE for every registry of the region: each draws its records on demand from the scaled
// population (three times the default here), numbers them so that a number names its place, pages
// through them the same way every time, and finds a holder's records without reading the registry.
const SCALE = 3;
const config = { latencyMs: [0, 0] as [number, number], faultRate: 0, hangRate: 0, ratePerSecond: 100_000 };
const small = defaultPopulation();
const population = sharedScaledPopulation(small.seed, SCALE);
// Nobody: a simulator over a plain store holds only the records put into it (and the specification's samples).
const nobody: Population = { seed: small.seed, today: small.today, people: [] };
const WINDOW_FROM = '2025-06-01';

/** Every record number of the pages of records issued (or starting) since `since`, as the country index's incremental rounds read them. */
async function idsIssuedSince(source: RecordSource, since: string): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await source.listPage!(cursor, { issuedSince: since });
    seen.push(...page.records.map((r) => r.nativeId), ...page.unreadable.map((e) => String(e.extensions.nativeId)));
    cursor = page.next;
  } while (cursor !== null);
  return seen;
}

const registries = await Promise.all(
  countryEntries.map(async (entry) => {
    const [simulators, { country }] = await Promise.all([loadSimulators(entry.code), loadCountry(entry.code)]);
    return simulators.map((definition) => {
      const binding = [country.certifications, country.permits].find((b) => b.adapter.profile.key === definition.profile.key)!;
      return { code: entry.code, definition: definition as unknown as SimulatorDefinition<unknown>, adapter: binding.adapter as RegistryAdapter };
    });
  }),
).then((lists) => lists.flat());

describe.each(registries.map((r) => [`${r.code} ${r.definition.profile.key}`, r] as const))('%s at SIM_SCALE', (_name, { code, definition, adapter }) => {
  const kit = registryTestKit(code, definition.profile.key);
  const kind = definition.profile.kind;
  const registry = population.registry(code, kind);
  let simulator: RunningSimulator;
  let reference: RunningSimulator;
  beforeAll(async () => {
    [simulator, reference] = await Promise.all([startSimulator(definition, { port: 0, scale: SCALE, config }), startSimulator(definition, { port: 0, scale: 1, population: nobody, config })]);
    // The same records in a plain store: what the scaled one must answer alike.
    for (const record of simulator.store.slice(0, simulator.store.size())) reference.store.put(record);
  });
  afterAll(() => Promise.all([simulator?.close(), reference?.close()]));

  it('draws every record on demand, and its number names its place', () => {
    expect(definition.atScale?.kind).toBe(kind);
    const store = new ScaledRecordStore(definition.idOf, definition.atScale!, registry);
    let drawn = 0;
    for (let seq = 1; seq <= registry.size; seq += 1) {
      const { person, holding } = registry.at(seq)!;
      const record = definition.atScale!.recordFor(person, holding);
      if (record === null) continue;
      drawn += 1;
      const id = definition.idOf(record);
      expect(definition.atScale!.seqOf(id), id).toBe(seq);
      expect(store.get(id)).toEqual(record);
    }
    expect(drawn).toBeGreaterThan(registry.size * 0.8);
    expect((store as unknown as { byId: Map<string, unknown> }).byId.size).toBe(0);
  });

  it('holds the small population times the scale, in the corridors\' proportions', () => {
    const expected = holdingsIn(small, code, kind).length * SCALE;
    expect(registry.size).toBeGreaterThanOrEqual(Math.floor(expected * 0.75));
    expect(registry.size).toBeLessThanOrEqual(Math.ceil(expected * 1.25));
  });

  it.skipIf(!definition.profile.bulk)('pages through the whole registry the same way every time, each record once', async () => {
    const source = kit.connect(adapter, simulator.url, 10_000).source;
    const first = await idsThroughPages(source);
    const again = await idsThroughPages(source);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(new Set(first)).toEqual(new Set(servedRecordIds(definition, simulator.store.slice(0, simulator.store.size()))));
  });

  it.skipIf(!definition.profile.bulk)('answers an issue-date window from its index as a plain store would, record for record', async () => {
    const scaled = await idsIssuedSince(kit.connect(adapter, simulator.url, 10_000).source, WINDOW_FROM);
    const plain = await idsIssuedSince(kit.connect(adapter, reference.url, 10_000).source, WINDOW_FROM);
    // The plain store also holds the specification's sample records, which the scaled population does not draw.
    const drawn = new Set(servedRecordIds(definition, simulator.store.slice(0, simulator.store.size())));
    expect(scaled).toEqual(plain.filter((id) => drawn.has(id)));
  });

  it('finds holders by passport and records by number, as the adapter asks', async () => {
    let searched = 0;
    const adapter$ = kit.connect(adapter, simulator.url, 10_000);
    const records = simulator.store.slice(0, simulator.store.size());
    const picked = records.filter((_, i) => i % Math.max(1, Math.floor(records.length / 12)) === 0);
    const ids = picked.flatMap((record) => servedRecordIds(definition, [record]));
    const byId = await adapter$.fetchByIds(ids);
    expect([...byId.keys()].sort()).toEqual([...ids].sort());
    for (const record of picked) {
      const seq = definition.atScale!.seqOf(definition.idOf(record))!;
      const holder: Person = registry.at(seq)!.person;
      // A record that does not name the holder's passport (TESDA's undeclared ones) is not found by it.
      if (holder.passportNo === null || !JSON.stringify(record).includes(holder.passportNo)) continue;
      const found = await adapter$.findByHolder({ nationality: holder.nationality, documentNumber: holder.passportNo, dateOfBirth: holder.dateOfBirth });
      expect(found.map((r) => r.nativeId)).toEqual(expect.arrayContaining(servedRecordIds(definition, [record])));
      searched += 1;
    }
    expect(searched).toBeGreaterThan(picked.length / 2);
  });
});
