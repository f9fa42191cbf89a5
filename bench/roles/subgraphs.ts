import 'reflect-metadata';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { countryEntries, loadCountry } from '../../subgraphs/countries.js';
import { buildCountrySubgraph, startCountrySubgraph } from '../../subgraphs/kit/buildCountrySubgraph.js';
import { buildRegionalSubgraph, startRegionalSubgraph } from '../../subgraphs/regional/index.js';
import { composeSupergraph, type SubgraphSource } from '../../gateway/compose.js';
import type { CountryDefinition, RegistryBinding } from '../../subgraphs/kit/country.js';
import type { RunningServer } from '../../platform/httpServer.js';
import { readConfig } from '../../platform/config.js';
import { countryRuntime, regionalOptions } from '../../bin/runtime.js';
import { signerFromSettings, verifierFromSettings } from '../../bin/trustRuntime.js';
import { unsignedContexts, unverifiedContexts, withoutTrustPlugins } from './trustOff.js';
import { runChild } from './childLifecycle.js';
import { readChildInput, type SubgraphsInput, type SubgraphsReady } from './protocol.js';

/**
 * A `subgraphs` process: every country subgraph and the regional subgraph, in the mode the
 * environment configures (RESOLVERS=cached with REDIS_URL, or RESOLVERS=naive), as bin/runtime.ts
 * builds them for a deployment. It composes the supergraph from its subgraphs' SDL and real URLs
 * and writes it where its gateways read it.
 */

/** Client pacing follows the simulators' limits when the benchmark raises both together. */
function withRateScale(binding: RegistryBinding, scale: number): RegistryBinding {
  if (scale === 1) return binding;
  return { ...binding, adapter: { ...binding.adapter, profile: { ...binding.adapter.profile, ratePerSecond: binding.adapter.profile.ratePerSecond * scale } } };
}

function scaled(country: CountryDefinition, scale: number): CountryDefinition {
  return { ...country, certifications: withRateScale(country.certifications, scale), permits: withRateScale(country.permits, scale) };
}

/** Written beside and renamed, so a gateway watching the file never reads half of it. */
function writeIfChanged(file: string, sdl: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === sdl) return;
  writeFileSync(`${file}.tmp`, sdl);
  renameSync(`${file}.tmp`, file);
}

runChild<SubgraphsReady>(async () => {
  const input = readChildInput<SubgraphsInput>();
  const config = readConfig();
  // The benchmark's trust-off build (bench/roles/trustOff.ts): only ever measured against trust on.
  const off = input.trust === 'off';
  const verifierFor = (service: string) => (off ? unverifiedContexts(service) : verifierFromSettings(config.trust, service));
  const started: RunningServer[] = [];
  const close = async () => {
    await Promise.all(started.reverse().map((server) => server.close().catch(() => undefined)));
  };
  try {
    const sources: SubgraphSource[] = [];
    const ports: Record<string, number> = {};
    for (const entry of countryEntries) {
      const registryUrls = input.registryUrls[entry.code];
      if (!registryUrls) throw new Error(`no registry URLs for ${entry.code}`);
      const runtime = countryRuntime(config, entry.code, registryUrls);
      const subgraph = await buildCountrySubgraph(scaled((await loadCountry(entry.code)).country, input.rateScale), off ? { ...runtime, plugins: withoutTrustPlugins(runtime.plugins ?? []) } : runtime);
      const running = await startCountrySubgraph(subgraph, input.ports?.[entry.code] ?? 0, verifierFor(entry.code.toLowerCase()));
      started.push(running);
      ports[entry.code] = running.port;
      sources.push({ name: entry.code.toLowerCase(), url: running.url, sdl: subgraph.sdl });
    }
    const countries = countryEntries.map((entry, i) => ({ code: entry.code, url: sources[i].url }));
    const regionalSubgraph = await buildRegionalSubgraph(regionalOptions(config, countries, { signer: off ? unsignedContexts('rantau-regional') : await signerFromSettings(config.trust, 'rantau-regional') }));
    const regional = await startRegionalSubgraph(regionalSubgraph, input.ports?.regional ?? 0, verifierFor('regional'));
    started.push(regional);
    ports.regional = regional.port;
    writeIfChanged(input.supergraphFile, composeSupergraph([{ name: 'regional', url: regional.url, sdl: regionalSubgraph.sdl }, ...sources]));
    return { ready: { ports }, close };
  } catch (error) {
    await close();
    throw error;
  }
});
