import { writeFileSync } from 'node:fs';
import { countryEntries, loadCountry, type CountryEntry } from '../subgraphs/countries.js';
import { buildCountrySubgraph, startCountrySubgraph, type CountrySubgraph } from '../subgraphs/kit/buildCountrySubgraph.js';
import { loadSimulators } from '../sandbox/countrySimulators.js';
import { buildRegionalSubgraph, startRegionalSubgraph } from '../subgraphs/regional/index.js';
import { startSimulator, type RunningSimulator, type SimulatorConfig } from '../sandbox/simulator/simulator.js';
import { composeSupergraph, type SubgraphSource } from '../gateway/compose.js';
import { startGateway, type RunningGateway } from '../gateway/server.js';
import type { RunningServer } from '../platform/httpServer.js';
import { readConfig, type RantauConfig } from '../platform/config.js';
import { countryRuntime, gatewayAudit, gatewayCaching, gatewayLimits, regionalOptions } from './runtime.js';
import type { Population } from '../sandbox/population/population.js';
import { devIssuerFromSettings, embeddedTrust, type EmbeddedTrust } from './trustRuntime.js';
import type { DevIssuer } from '../platform/trust/devIssuer.js';
import { randomBytes } from 'node:crypto';

/**
 * The embedded stack: every simulated registry, every country subgraph, the regional subgraph and
 * the gateway in one process, talking real HTTP over loopback. `npm start` runs it on the default
 * ports; tests run it on ephemeral ports (port 0) with their own settings.
 */
export interface StackOptions {
  /** 'default' uses the ports in subgraphs/countries.json and PORT; 'ephemeral' lets the OS choose. */
  ports?: 'default' | 'ephemeral';
  countries?: readonly CountryEntry[];
  /** Settings applied to every simulator (tests raise rate limits, remove latency). */
  simulatorConfig?: Partial<SimulatorConfig>;
  /** Client-side pacing per registry; defaults to each registry's published rate. */
  registryRatePerSecond?: number;
  registryTimeoutMs?: number;
  countryTimeoutMs?: number;
  fixturesDir?: string;
  population?: Population;
  /** Where to write the composed supergraph (the gateway then watches it); in memory when unset. */
  supergraphFile?: string;
  defaultQuery?: () => string;
  /** Request headers the IDE starts with, JSON. */
  ideHeaders?: () => string | undefined;
  /** The token the analyst page starts with (`npm start`: a development analyst token). */
  analystToken?: () => string | undefined;
  /** Settings in place of the environment's (tests: Redis, TTLs, naive resolvers). */
  config?: RantauConfig;
  /** A development issuer the gateway trusts (tests: one in memory); else the one AUTH_DEV_ISSUER=1 enables. */
  devIssuer?: DevIssuer;
}

export interface Stack {
  gateway: RunningGateway;
  regional: RunningServer;
  subgraphs: Map<string, RunningServer>;
  /** Each country's subgraph as built (its plugins: tests drive the index's sync by hand). */
  countries: Map<string, CountrySubgraph>;
  /** Simulators keyed `IDN/bnsp`. */
  simulators: Map<string, RunningSimulator>;
  supergraphSdl: string;
  /** Keys and verifiers of this stack's services. */
  trust: EmbeddedTrust;
  /** The development issuer, when enabled: signs callers' tokens this stack accepts. */
  devIssuer: DevIssuer | undefined;
  /** The credential the simulators' control endpoints (`/__sim/*`) answer (SIM_OPERATOR_TOKEN, else random). */
  operatorToken: string;
  close(): Promise<void>;
}

const REGIONAL_PORT = 4001;

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const config = options.config ?? readConfig();
  const ephemeral = options.ports === 'ephemeral';
  const entries = options.countries ?? countryEntries;
  const simulators = new Map<string, RunningSimulator>();
  const subgraphs = new Map<string, RunningServer>();
  const countries = new Map<string, CountrySubgraph>();
  const sources: SubgraphSource[] = [];
  const started: RunningServer[] = [];
  const close = async () => {
    await Promise.all(started.reverse().map((server) => server.close().catch(() => undefined)));
  };
  const devIssuer = options.devIssuer ?? (await devIssuerFromSettings(config.trust));
  const trust = await embeddedTrust(config.trust, devIssuer);
  const operatorToken = config.trust.simOperatorToken ?? randomBytes(24).toString('base64url');

  try {
    for (const entry of entries) {
      const registryUrls: Record<string, string> = {};
      for (const definition of await loadSimulators(entry.code)) {
        const port = ephemeral ? 0 : entry.registryPorts[definition.profile.key];
        const simulator = await startSimulator(definition, { port, config: options.simulatorConfig, fixturesDir: options.fixturesDir, population: options.population, operatorToken });
        started.push(simulator);
        simulators.set(`${entry.code}/${definition.profile.key}`, simulator);
        registryUrls[definition.profile.key] = simulator.url;
      }
      const subgraph = await buildCountrySubgraph(
        (await loadCountry(entry.code)).country,
        countryRuntime(config, entry.code, registryUrls, {
          ...(options.registryTimeoutMs !== undefined ? { registryTimeoutMs: options.registryTimeoutMs } : {}),
          ...(options.registryRatePerSecond !== undefined ? { ratePerSecond: options.registryRatePerSecond } : {}),
        }),
      );
      countries.set(entry.code, subgraph);
      const running = await startCountrySubgraph(subgraph, ephemeral ? 0 : entry.subgraphPort, trust.verifierFor(entry.code.toLowerCase()));
      started.push(running);
      subgraphs.set(entry.code, running);
      sources.push({ name: entry.code.toLowerCase(), url: running.url, sdl: subgraph.sdl });
    }

    const regionalSubgraph = await buildRegionalSubgraph(
      regionalOptions(
        config,
        entries.map((entry) => ({ code: entry.code, url: subgraphs.get(entry.code)!.url })),
        { signer: trust.regionalSigner, ...(options.countryTimeoutMs !== undefined ? { countryTimeoutMs: options.countryTimeoutMs } : {}) },
      ),
    );
    const regional = await startRegionalSubgraph(regionalSubgraph, ephemeral ? 0 : REGIONAL_PORT, trust.verifierFor('regional'));
    started.push(regional);

    const supergraphSdl = composeSupergraph([{ name: 'regional', url: regional.url, sdl: regionalSubgraph.sdl }, ...sources]);
    if (options.supergraphFile) writeFileSync(options.supergraphFile, supergraphSdl);
    const gateway = await startGateway({
      supergraph: options.supergraphFile ? { kind: 'file', path: options.supergraphFile } : { kind: 'sdl', sdl: supergraphSdl },
      port: ephemeral ? 0 : config.port,
      defaultQuery: options.defaultQuery,
      ideHeaders: options.ideHeaders,
      analystToken: options.analystToken,
      trust: trust.gateway,
      ...gatewayCaching(config),
      ...gatewayAudit(config),
      ...(await gatewayLimits(config, entries)),
    });
    started.push(gateway);
    return { gateway, regional, subgraphs, countries, simulators, supergraphSdl, trust, devIssuer, operatorToken, close };
  } catch (error) {
    await close();
    throw error;
  }
}
