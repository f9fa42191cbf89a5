import { fileURLToPath } from 'node:url';
import { ScaffoldError, scaffoldCountry, type Scaffolded } from './countryTemplate/scaffold.js';

/**
 * `npm run new-country -- <ISO3>`: scaffolds a working country (subgraph folder, adapters,
 * simulators, tests) into this checkout and adds it to subgraphs/countries.json, which is all the
 * registration there is: the gateway, the regional subgraph, the composer, docker-compose and the
 * conformance suite all read that list.
 */
const USAGE = 'usage: npm run new-country -- <ISO3>   (an ISO 3166-1 alpha-3 code not yet served, such as PNG)';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function nextSteps({ names, entry, folder, files }: Scaffolded): string {
  const [cert, permit] = Object.entries(entry.registryPorts);
  return `Scaffolded ${names.name} (${names.code}):
  ${folder}/  ${files.length} files: a working skeleton with two JSON registries standing in for the real ones
  subgraphs/countries.json  ${names.code}: subgraph port ${entry.subgraphPort}, registries ${cert[0]} on ${cert[1]}, ${permit[0]} on ${permit[1]}

Next:
  1. Read the registries' published specifications and describe both APIs in your own words in ${folder}/README.md.
  2. Replace the skeleton's native format with the real one, TODO by TODO (${folder}/README.md lists them file by file):
       grep -rn 'TODO(spec)' ${folder}
     Rename the registry keys ${cert[0]} and ${permit[0]} to the spec's, in the files, their names and subgraphs/countries.json.
  3. Run the tests: npx vitest run ${folder} test/conformance
  4. Compose the supergraph (a running gateway switches to it): npm run compose
  5. Regenerate docker-compose.yml: npm run docker-compose
See docs/adding-a-country.md.`;
}

const args = process.argv.slice(2);
if (args[0] === '--help' || args[0] === '-h') {
  console.log(USAGE);
} else {
  try {
    if (args.length > 1) throw new ScaffoldError(`expected one country code, got ${args.length}: ${args.join(' ')}`);
    console.log(nextSteps(scaffoldCountry(ROOT, args[0])));
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    console.error(`new-country: ${error.message}\n${USAGE}`);
    process.exitCode = 1;
  }
}
