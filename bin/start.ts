import 'reflect-metadata';
import { join } from 'node:path';
import { startStack } from './stack.js';
import { sampleCandidates, sampleQuery, type SampleWorker } from './sampleWorker.js';
import { defaultPopulation } from '../sandbox/population/population.js';
import { countryCodes } from '../subgraphs/countries.js';
import { graphqlRequest } from '../platform/graphqlRequest.js';
import { DEFAULT_QUERY } from '../gateway/server.js';
import { readConfig } from '../platform/config.js';

/** `npm start`: the whole embedded stack on localhost, then a sample query that really answers. */
let ideQuery: string | undefined;
// Development: introspection on, so the IDE can show the schema (GRAPHQL_INTROSPECTION=false turns it off).
const config = readConfig({ GRAPHQL_INTROSPECTION: 'true', ...process.env });
const stack = await startStack({ config, ports: 'default', supergraphFile: join(process.cwd(), 'supergraph.graphql'), defaultQuery: () => ideQuery ?? DEFAULT_QUERY });
const graphql = `${stack.gateway.url}/graphql`;

let sample: SampleWorker | undefined;
const wanted = Math.min(2, countryCodes().length);
for (const candidate of sampleCandidates(defaultPopulation(), countryCodes(), 20, wanted)) {
  const result = await graphqlRequest<{ worker: { countries: string[] } | null }>(graphql, 'query($n:String!,$d:String!,$b:Date){ worker(nationality:$n, documentNumber:$d, dateOfBirth:$b){ countries } }', { n: candidate.nationality, d: candidate.documentNumber, b: candidate.dateOfBirth }, 10_000);
  if ((result.data?.worker?.countries.length ?? 0) >= wanted) {
    sample = candidate;
    break;
  }
}

console.log(`
Rantau is running.
  GraphQL endpoint  ${graphql}
  GraphQL IDE       ${stack.gateway.url}/
  Health            ${stack.gateway.url}/health
  Regional subgraph ${stack.regional.url}/graphql
${[...stack.subgraphs].map(([code, s]) => `  ${code} subgraph      ${s.url}/graphql`).join('\n')}
  Simulated registries:
${[...stack.simulators].map(([key, s]) => `    ${key.padEnd(10)} ${s.url}  (stats: ${s.url}/__sim/stats)`).join('\n')}
`);
if (sample) {
  const query = sampleQuery(sample);
  ideQuery = query;
  console.log(`Try this query in the IDE, or with curl:\n\n${query}\ncurl -s ${graphql} -H 'content-type: application/json' \\\n  -d '${JSON.stringify({ query: query.replace(/#.*\n/, '').replace(/\s+/g, ' ').trim() })}'\n`);
}

const stop = async () => {
  await stack.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
