import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { countryEntries, loadCountry } from '../subgraphs/countries.js';
import { countrySdl } from '../subgraphs/kit/buildCountrySubgraph.js';
import { buildRegionalSubgraph } from '../subgraphs/regional/index.js';
import { composeSupergraph, CompositionError, type SubgraphSource } from '../gateway/compose.js';
import { regionalUrl, subgraphUrl } from './topology.js';

/**
 * `npm run compose`: builds every subgraph's SDL from the code (no server needed), composes them
 * with The Guild's federation composer (MIT; gateway/compose.ts) and writes the supergraph
 * (SUPERGRAPH_FILE, default supergraph.graphql).
 * A running gateway that watches the file switches to it without a restart.
 */
const out = process.env.SUPERGRAPH_FILE ?? 'supergraph.graphql';
const sources: SubgraphSource[] = [];
for (const entry of countryEntries) {
  sources.push({ name: entry.code.toLowerCase(), url: subgraphUrl(entry.code), sdl: await countrySdl((await loadCountry(entry.code)).country) });
}
const regional = await buildRegionalSubgraph({ countries: countryEntries.map((e) => ({ code: e.code, url: subgraphUrl(e.code) })), countryTimeoutMs: 1 });
try {
  writeFileSync(out, composeSupergraph([{ name: 'regional', url: regionalUrl(), sdl: regional.sdl }, ...sources]));
  console.log(`Composed ${sources.length + 1} subgraphs (regional, ${countryEntries.map((e) => e.code).join(', ')}) into ${out}`);
} catch (error) {
  if (!(error instanceof CompositionError)) throw error;
  console.error(error.message);
  process.exit(1);
}
