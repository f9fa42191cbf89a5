import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCountry } from '../subgraphs/countries.js';
import { loadSimulators } from '../sandbox/countrySimulators.js';
import { buildCountrySubgraph, startCountrySubgraph } from '../subgraphs/kit/buildCountrySubgraph.js';
import { buildRegionalSubgraph, startRegionalSubgraph } from '../subgraphs/regional/index.js';
import { startSimulator } from '../sandbox/simulator/simulator.js';
import { startGateway } from '../gateway/server.js';
import { readConfig } from '../platform/config.js';
import type { RunningServer } from '../platform/httpServer.js';
import { countryEntries } from '../subgraphs/countries.js';
import { REGIONAL_PORT, entryFor, registryUrl, subgraphUrl } from './topology.js';
import { countryRuntime, gatewayCaching, regionalOptions } from './runtime.js';

/**
 * One service per process, as docker-compose.yml runs them:
 *   npm run service -- registry IDN bnsp | subgraph IDN | regional | gateway
 * HOST (default 0.0.0.0) and PORT choose where it listens.
 */
const [role, code, key] = process.argv.slice(2);
const config = readConfig();
const host = process.env.HOST ?? '0.0.0.0';
const port = (fallback: number) => (process.env.PORT ? Number(process.env.PORT) : fallback);

async function main(): Promise<RunningServer> {
  switch (role) {
    case 'registry': {
      const entry = entryFor(code ?? '');
      const definition = (await loadSimulators(entry.code)).find((s) => s.profile.key === key);
      if (!definition) throw new Error(`usage: service registry <CC> <registry key>; ${entry.code} has ${Object.keys(entry.registryPorts).join(', ')}`);
      const running = await startSimulator(definition, { port: port(entry.registryPorts[definition.profile.key]), host });
      console.log(`[registry ${entry.code}/${key}] ${running.url}`);
      return running;
    }
    case 'subgraph': {
      const entry = entryFor(code ?? '');
      const registryUrls = Object.fromEntries(Object.keys(entry.registryPorts).map((k) => [k, registryUrl(entry.code, k)]));
      // One process per country: an embedded index folder is this country's own (a PGlite folder opens in one process only).
      const own = /^(postgres(ql)?|memory):\/\//.test(config.index.databaseUrl) ? config : { ...config, index: { ...config.index, databaseUrl: join(config.index.databaseUrl, entry.code.toLowerCase()) } };
      const subgraph = await buildCountrySubgraph((await loadCountry(entry.code)).country, countryRuntime(own, entry.code, registryUrls));
      const running = await startCountrySubgraph(subgraph, port(entry.subgraphPort), host);
      console.log(`[subgraph ${entry.code}] ${running.url}/graphql`);
      return running;
    }
    case 'regional': {
      const subgraph = await buildRegionalSubgraph(regionalOptions(config, countryEntries.map((e) => ({ code: e.code, url: subgraphUrl(e.code) }))));
      const running = await startRegionalSubgraph(subgraph, port(REGIONAL_PORT), host);
      console.log(`[regional] ${running.url}/graphql`);
      return running;
    }
    case 'gateway': {
      const file = process.env.SUPERGRAPH_FILE ?? 'supergraph.graphql';
      if (!existsSync(file)) throw new Error(`${file} does not exist: run \`npm run compose\` first (SUPERGRAPH_FILE names another file)`);
      const running = await startGateway({ supergraph: { kind: 'file', path: file }, port: config.port, host, ...gatewayCaching(config) });
      console.log(`[gateway] ${running.url}/graphql (supergraph ${file}, reloaded when it changes)`);
      return running;
    }
    default:
      throw new Error('usage: npm run service -- registry <CC> <key> | subgraph <CC> | regional | gateway');
  }
}

main().then(
  (running) => {
    // Finish in-flight requests, then exit (a container's stop sends SIGTERM).
    const stop = () => void running.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  },
).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
