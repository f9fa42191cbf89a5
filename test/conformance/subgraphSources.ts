import type { CountryEntry } from '../../subgraphs/countries.js';
import { loadCountry } from '../../subgraphs/countries.js';
import { buildCountrySubgraph } from '../../subgraphs/kit/buildCountrySubgraph.js';
import { buildRegionalSubgraph } from '../../subgraphs/regional/index.js';
import { composeSupergraph, type SubgraphSource } from '../../gateway/compose.js';

/**
 * Subgraph SDL built from the code, without servers (as `npm run compose` does): what the gateway
 * would be given for a set of countries. URLs are placeholders; composition never calls them.
 */
const PLACEHOLDER = 'http://127.0.0.1:9';
const countrySdl = new Map<string, Promise<SubgraphSource>>();

function countrySource(entry: CountryEntry): Promise<SubgraphSource> {
  let source = countrySdl.get(entry.code);
  if (!source) {
    source = (async () => {
      const module = await loadCountry(entry.code);
      const registryUrls = Object.fromEntries(Object.keys(entry.registryPorts).map((key) => [key, PLACEHOLDER]));
      const subgraph = await buildCountrySubgraph(module.country, { registryUrls, registryTimeoutMs: 1, maxConcurrency: 1 });
      return { name: entry.code.toLowerCase(), url: PLACEHOLDER, sdl: subgraph.sdl };
    })();
    countrySdl.set(entry.code, source);
  }
  return source;
}

/** The regional subgraph and the given countries, as the composer is given them. */
export async function subgraphSources(entries: readonly CountryEntry[]): Promise<SubgraphSource[]> {
  const countries = await Promise.all(entries.map(countrySource));
  const regional = await buildRegionalSubgraph({ countries: entries.map((entry) => ({ code: entry.code, url: PLACEHOLDER })), countryTimeoutMs: 1 });
  return [{ name: 'regional', url: PLACEHOLDER, sdl: regional.sdl }, ...countries];
}

/** Composes the regional subgraph with the given countries; throws CompositionError naming every problem. */
export async function composeCountries(entries: readonly CountryEntry[]): Promise<string> {
  return composeSupergraph(await subgraphSources(entries));
}

let everyCountry: Promise<string> | undefined;
/** The supergraph of every listed country, composed once per test file however many countries ask. */
export function composeEveryCountry(entries: readonly CountryEntry[]): Promise<string> {
  everyCountry ??= composeCountries(entries);
  return everyCountry;
}
