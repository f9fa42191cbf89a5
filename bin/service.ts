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
import { setShutdownGrace, type RunningServer } from '../platform/httpServer.js';
import { configureLogs, logger } from '../platform/logger.js';
import { startTracing } from '../platform/tracing.js';
import { countryEntries } from '../subgraphs/countries.js';
import { REGIONAL_PORT, entryFor, registryUrl, subgraphUrl } from './topology.js';
import { countryRuntime, gatewayAudit, gatewayCaching, gatewayLimits, regionalOptions } from './runtime.js';
import { accessTokenVerifier, devIssuerFromSettings, signerFromSettings, verifierFromSettings } from './trustRuntime.js';

/**
 * One service per process, as docker-compose.yml runs them:
 *   npm run service -- registry IDN bnsp | subgraph IDN | regional | gateway
 * HOST (default 0.0.0.0) and PORT choose where it listens.
 *
 * SIGTERM (a container's stop): `/ready` answers 503 at once, the listener closes after
 * SHUTDOWN_DELAY_MS (time for load balancers to notice), requests in flight finish (at most
 * SHUTDOWN_GRACE_MS), then the process exits.
 */
const [role, code, key] = process.argv.slice(2);
const settings = readConfig();
// An embedded (PGlite) audit log belongs to one process: each service keeps its own (`.data/audit/pglite-subgraph-idn`), beside the keys they share.
const config = { ...settings, audit: { ...settings.audit, embedded: `pglite-${[role, code, key].filter(Boolean).join('-').toLowerCase()}` } };
const serviceName = config.tracing.serviceName ?? ['rantau', role, code?.toLowerCase(), key].filter(Boolean).join('-');
const log = logger(serviceName);
configureLogs({ level: config.logLevel });
setShutdownGrace(config.shutdownGraceMs);
const tracing = startTracing({ ...config.tracing, serviceName });
const host = process.env.HOST ?? '0.0.0.0';
const port = (fallback: number) => (process.env.PORT ? Number(process.env.PORT) : fallback);

async function main(): Promise<RunningServer> {
  switch (role) {
    case 'registry': {
      const entry = entryFor(code ?? '');
      const definition = (await loadSimulators(entry.code)).find((s) => s.profile.key === key);
      if (!definition) throw new Error(`usage: service registry <CC> <registry key>; ${entry.code} has ${Object.keys(entry.registryPorts).join(', ')}`);
      const running = await startSimulator(definition, { port: port(entry.registryPorts[definition.profile.key]), host, operatorToken: config.trust.simOperatorToken });
      log.info('registry simulator listening', { url: running.url, control: config.trust.simOperatorToken ? 'operator token' : 'closed (SIM_OPERATOR_TOKEN is not set)' });
      return running;
    }
    case 'subgraph': {
      const entry = entryFor(code ?? '');
      const registryUrls = Object.fromEntries(Object.keys(entry.registryPorts).map((k) => [k, registryUrl(entry.code, k)]));
      // One process per country: an embedded index folder is this country's own (a PGlite folder opens in one process only).
      const own = /^(postgres(ql)?|memory):\/\//.test(config.index.databaseUrl) ? config : { ...config, index: { ...config.index, databaseUrl: join(config.index.databaseUrl, entry.code.toLowerCase()) } };
      const subgraph = await buildCountrySubgraph((await loadCountry(entry.code)).country, countryRuntime(own, entry.code, registryUrls));
      const running = await startCountrySubgraph(subgraph, port(entry.subgraphPort), verifierFromSettings(config.trust, entry.code.toLowerCase()), host);
      log.info('country subgraph listening', { url: `${running.url}/graphql` });
      return running;
    }
    case 'regional': {
      const signer = await signerFromSettings(config.trust, 'rantau-regional');
      const subgraph = await buildRegionalSubgraph(regionalOptions(config, countryEntries.map((e) => ({ code: e.code, url: subgraphUrl(e.code) })), { signer }));
      const running = await startRegionalSubgraph(subgraph, port(REGIONAL_PORT), verifierFromSettings(config.trust, 'regional'), host);
      log.info('regional subgraph listening', { url: `${running.url}/graphql` });
      return running;
    }
    case 'gateway': {
      const file = process.env.SUPERGRAPH_FILE ?? 'supergraph.graphql';
      if (!existsSync(file)) throw new Error(`${file} does not exist: run \`npm run compose\` first (SUPERGRAPH_FILE names another file)`);
      const devIssuer = await devIssuerFromSettings(config.trust);
      const trust = {
        tokens: accessTokenVerifier(config.trust, devIssuer),
        signer: await signerFromSettings(config.trust, 'rantau-gateway'),
        ...(devIssuer ? { devIssuerJwks: () => devIssuer.jwks() } : {}),
      };
      const running = await startGateway({ supergraph: { kind: 'file', path: file }, port: config.port, host, trust, ...gatewayCaching(config), ...gatewayAudit(config), ...(await gatewayLimits(config)) });
      log.info('gateway listening', { url: `${running.url}/graphql`, supergraph: file });
      return running;
    }
    default:
      throw new Error('usage: npm run service -- registry <CC> <key> | subgraph <CC> | regional | gateway');
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

main().then(
  (running) => {
    const stop = async (signal: string) => {
      log.info('shutting down', { signal, delayMs: config.shutdownDelayMs, graceMs: config.shutdownGraceMs });
      running.readiness?.drain();
      await sleep(config.shutdownDelayMs);
      await running.close();
      await tracing.shutdown();
      log.info('stopped');
      process.exit(0);
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
  },
).catch((error: Error) => {
  log.error('could not start', { error: error.message });
  process.exit(1);
});
