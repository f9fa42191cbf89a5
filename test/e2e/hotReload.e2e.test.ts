import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_CACHE_TTLS, startTestStack, testConfig, type TestStack } from './testStack.js';
import { entryFor } from '../../bin/topology.js';
import { countryRuntime, regionalOptions } from '../../bin/runtime.js';
import { sampleCandidates } from '../../bin/sampleWorker.js';
import { loadCountry } from '../../subgraphs/countries.js';
import { loadSimulators } from '../../sandbox/countrySimulators.js';
import { buildCountrySubgraph, countrySdl, startCountrySubgraph } from '../../subgraphs/kit/buildCountrySubgraph.js';
import { buildRegionalSubgraph, startRegionalSubgraph } from '../../subgraphs/regional/index.js';
import { startSimulator } from '../../sandbox/simulator/simulator.js';
import { composeSupergraph } from '../../gateway/compose.js';
import type { RunningServer } from '../../platform/httpServer.js';
import { defaultPopulation } from '../../sandbox/population/population.js';

// Supergraph hot reload: the gateway watches its supergraph file; when a country is added (or
// removed) and the file is rewritten, it switches without a restart and without failing the
// requests in flight.
describe('supergraph hot reload', () => {
  const config = testConfig(NO_CACHE_TTLS);
  const simulatorConfig = { latencyMs: [1, 5] as [number, number], faultRate: 0, hangRate: 0, ratePerSecond: 100_000 };
  const file = join(mkdtempSync(join(tmpdir(), 'rantau-reload-')), 'supergraph.graphql');
  const population = defaultPopulation();
  const worker = sampleCandidates(population, ['IDN', 'PHL'], 1, 2)[0];
  let stack: TestStack;
  const extra: RunningServer[] = [];
  let withPhl: string;

  beforeAll(async () => {
    stack = await startTestStack({ countries: [entryFor('IDN')], supergraphFile: file, config });
    // What an operator starts when Philippines joins: its registries, its subgraph, and a regional
    // subgraph that knows it; then `npm run compose` rewrites the file the gateway watches.
    const phl = await loadSimulators('PHL');
    const registryUrls: Record<string, string> = {};
    for (const definition of phl) {
      const simulator = await startSimulator(definition, { port: 0, config: simulatorConfig, operatorToken: stack.operatorToken });
      extra.push(simulator);
      registryUrls[definition.profile.key] = simulator.url;
    }
    const phlSubgraph = await buildCountrySubgraph((await loadCountry('PHL')).country, countryRuntime(config, 'PHL', registryUrls, { ratePerSecond: 100_000 }));
    const phlServer = await startCountrySubgraph(phlSubgraph, 0, stack.trust.verifierFor('phl'));
    extra.push(phlServer);
    const idnUrl = stack.subgraphs.get('IDN')!.url;
    const regional = await buildRegionalSubgraph(regionalOptions(config, [{ code: 'IDN', url: idnUrl }, { code: 'PHL', url: phlServer.url }], { signer: stack.trust.regionalSigner }));
    const regionalServer = await startRegionalSubgraph(regional, 0, stack.trust.verifierFor('regional'));
    extra.push(regionalServer);
    withPhl = composeSupergraph([
      { name: 'regional', url: regionalServer.url, sdl: regional.sdl },
      { name: 'idn', url: idnUrl, sdl: await countrySdl((await loadCountry('IDN')).country) },
      { name: 'phl', url: phlServer.url, sdl: phlSubgraph.sdl },
    ]);
  });
  afterAll(async () => {
    await stack?.close();
    await Promise.all(extra.map((server) => server.close()));
  });

  const WORKER = `query W($n: String!, $d: String!, $b: Date) { worker(nationality: $n, documentNumber: $d, dateOfBirth: $b) { countries } }`;
  const vars = { n: worker.nationality, d: worker.documentNumber, b: worker.dateOfBirth };
  const countries = async () => ((await stack.query<{ worker: { countries: string[] } }>(WORKER, vars)).data?.worker.countries ?? []);
  const servesPhl = async () => ((await stack.query<{ __type: { name: string } | null }>(`{ __type(name: "PhlCertification") { name } }`)).data?.__type?.name === 'PhlCertification');
  async function until(condition: () => Promise<boolean>): Promise<boolean> {
    for (let i = 0; i < 100; i++) {
      if (await condition()) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  }

  it('adds a country without a restart and without failing requests in flight', async () => {
    expect(await countries()).toEqual(['IDN']);
    expect(await servesPhl()).toBe(false);
    // Slow Indonesia down so that requests are in flight while the supergraph changes under them.
    await stack.configure('IDN/bnsp', { latencyMs: [300, 400] });
    try {
      const inFlight = Array.from({ length: 12 }, () => stack.query(WORKER, vars));
      await new Promise((r) => setTimeout(r, 50));
      writeFileSync(file, withPhl);
      const answers = await Promise.all(inFlight);
      for (const answer of answers) {
        expect(answer.errors).toBeUndefined();
        expect((answer.data as { worker: { countries: string[] } }).worker.countries).toContain('IDN');
      }
    } finally {
      await stack.configure('IDN/bnsp', { latencyMs: [1, 5] });
    }
    expect(await until(servesPhl)).toBe(true);
    expect(await countries()).toEqual(['IDN', 'PHL']);
  });

  it('removes it again the same way', async () => {
    writeFileSync(file, stack.supergraphSdl);
    expect(await until(async () => !(await servesPhl()))).toBe(true);
    expect(await countries()).toEqual(['IDN']);
  });

  it('keeps the current supergraph when the file does not compose', async () => {
    writeFileSync(file, 'this is not a supergraph');
    await new Promise((r) => setTimeout(r, 600));
    expect(await countries()).toEqual(['IDN']);
  });
});
