import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from './simulator.js';
import { bnspSimulator } from '../../subgraphs/idn/sandbox/bnsp.simulator.js';
import { tkaSimulator } from '../../subgraphs/idn/sandbox/tka.simulator.js';
import { defaultPopulation, holdingsIn } from '../population/population.js';

// SIM_SCALE: Indonesia's registries serve a population twenty times the default, drawn on demand,
// page by page and by number, with the corridors' proportions.
const SCALE = 20;
const config = { latencyMs: [0, 0] as [number, number], faultRate: 0, hangRate: 0, ratePerSecond: 100_000 };

describe('the simulators at SIM_SCALE', () => {
  let bnsp: RunningSimulator;
  let tka: RunningSimulator;
  beforeAll(async () => {
    [bnsp, tka] = await Promise.all([startSimulator(bnspSimulator, { port: 0, scale: SCALE, config }), startSimulator(tkaSimulator, { port: 0, scale: SCALE, config })]);
  });
  afterAll(async () => Promise.all([bnsp?.close(), tka?.close()]));

  it('holds the registries in their small-population proportions, times the scale, without holding the records', async () => {
    const small = defaultPopulation();
    for (const [sim, kind] of [[bnsp, 'CERT'], [tka, 'PERMIT']] as const) {
      const expected = holdingsIn(small, 'IDN', kind).length * SCALE;
      expect(sim.store.size()).toBeGreaterThan(expected * 0.8);
      expect(sim.store.size()).toBeLessThan(expected * 1.2);
      expect((sim.store as unknown as { byId: Map<string, unknown> }).byId.size).toBe(0);
    }
  });

  it('serves every page of the listing, each record once, and the same record by number', async () => {
    const seen = new Set<string>();
    let total = 0;
    for (let page = 1; ; page += 1) {
      const body = (await (await fetch(`${bnsp.url}/sertifikat/cari?halaman=${page}&per_halaman=100`)).json()) as { data: Array<{ nomor_sertifikat: string; nomor_paspor: string | null }>; total: number };
      total = body.total;
      for (const record of body.data) seen.add(record.nomor_sertifikat);
      if (page * 100 >= body.total) break;
    }
    expect(seen.size).toBe(total);
    const some = [...seen].filter((_, i) => i % 97 === 0).slice(0, 100);
    const batch = (await (await fetch(`${bnsp.url}/sertifikat/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nomor: some }) })).json()) as { data: Array<{ nomor_sertifikat: string }> };
    expect(batch.data.map((r) => r.nomor_sertifikat).sort()).toEqual([...some].sort());
    const page = (await (await fetch(`${tka.url}/v1/pengesahan?offset=200&limit=200`)).json()) as { hasil: Array<{ nomor_pengesahan: string }> };
    const one = page.hasil[17].nomor_pengesahan;
    expect(((await (await fetch(`${tka.url}/v1/pengesahan/${encodeURIComponent(one)}`)).json()) as { nomor_pengesahan: string }).nomor_pengesahan).toBe(one);
  });
});
