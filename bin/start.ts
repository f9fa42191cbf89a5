import 'reflect-metadata';
import { join } from 'node:path';
import { startStack } from './stack.js';
import { sampleCandidates, sampleQuery, type SampleWorker } from './sampleWorker.js';
import { defaultPopulation } from '../sandbox/population/population.js';
import { countryCodes } from '../subgraphs/countries.js';
import { graphqlRequest } from '../platform/graphqlRequest.js';
import { DEFAULT_QUERY } from '../gateway/server.js';
import { readConfig } from '../platform/config.js';
import { configureLogs } from '../platform/logger.js';
import { setShutdownGrace } from '../platform/httpServer.js';
import { startTracing } from '../platform/tracing.js';
import { ROLES, type Role } from '../platform/caller.js';
import type { TokenRequest } from '../platform/trust/devIssuer.js';
import { isMemberStateCode } from '../platform/trust/memberStates.js';

/**
 * `npm start`: the whole embedded stack on localhost, then a sample query that really answers.
 * It enables the development issuer (AUTH_DEV_ISSUER=1 unless set otherwise) and prints a ready
 * token per role; `npm run token` signs more with the same key file. Introspection is on, so the
 * IDE can show the schema (GRAPHQL_INTROSPECTION=false turns it off).
 */
const config = readConfig({ GRAPHQL_INTROSPECTION: 'true', ...process.env, AUTH_DEV_ISSUER: process.env.AUTH_DEV_ISSUER ?? '1' });
let ideQuery: string | undefined;
let ideHeaders: string | undefined;
let analystToken: string | undefined;
configureLogs({ level: config.logLevel });
setShutdownGrace(config.shutdownGraceMs);
// One process, one trace provider: spans say which service they belong to (rantau.service).
const tracing = startTracing({ ...config.tracing, serviceName: config.tracing.serviceName ?? 'rantau' });
const stack = await startStack({ ports: 'default', config, supergraphFile: join(process.cwd(), 'supergraph.graphql'), defaultQuery: () => ideQuery ?? DEFAULT_QUERY, ideHeaders: () => ideHeaders, analystToken: () => analystToken });
const graphql = `${stack.gateway.url}/graphql`;
const devIssuer = stack.devIssuer;
const caseOfficer = devIssuer ? await devIssuer.issue({ role: 'case-officer', memberState: 'IDN', officer: 'dev-officer' }) : undefined;
const asCaseOfficer: Record<string, string> = caseOfficer ? { authorization: `Bearer ${caseOfficer}`, 'rantau-purpose': 'PERMIT_APPLICATION' } : {};
// The IDE opens as this development case officer (the page is served on localhost only).
if (caseOfficer) ideHeaders = JSON.stringify({ Authorization: `Bearer ${caseOfficer}`, 'Rantau-Purpose': 'PERMIT_APPLICATION' }, null, 2);
// The analyst page opens as a development analyst, likewise.
if (devIssuer) analystToken = await devIssuer.issue({ role: 'analyst', memberState: 'IDN' });

let sample: SampleWorker | undefined;
const wanted = Math.min(2, countryCodes().length);
for (const candidate of sampleCandidates(defaultPopulation(), countryCodes(), 20, wanted)) {
  const result = await graphqlRequest<{ worker: { countries: string[] } | null }>(graphql, 'query($n:String!,$d:String!,$b:Date){ worker(nationality:$n, documentNumber:$d, dateOfBirth:$b){ countries } }', { n: candidate.nationality, d: candidate.documentNumber, b: candidate.dateOfBirth }, 10_000, asCaseOfficer);
  if ((result.data?.worker?.countries.length ?? 0) >= wanted) {
    sample = candidate;
    break;
  }
}

console.log(`
Rantau is running.
  GraphQL endpoint  ${graphql}
  GraphQL IDE       ${stack.gateway.url}/
  Analyst page      ${stack.gateway.url}/analyst
  Health            ${stack.gateway.url}/health
  Regional subgraph ${stack.regional.url}/graphql
${[...stack.subgraphs].map(([code, s]) => `  ${code} subgraph      ${s.url}/graphql`).join('\n')}
  Simulated registries:
${[...stack.simulators].map(([key, s]) => `    ${key.padEnd(10)} ${s.url}  (stats: ${s.url}/__sim/stats)`).join('\n')}
  Simulator control (/__sim/*) needs: Authorization: Bearer ${stack.operatorToken}
`);

/** Who each banner token is for: the sample worker's own token for `subject`. */
function bannerToken(role: Role): TokenRequest {
  // A subject acts for themselves, as a national of their member state.
  const memberState = role === 'inspector' ? 'MYS' : role === 'subject' && sample && isMemberStateCode(sample.nationality) ? sample.nationality : 'IDN';
  return { role, memberState, ...(role === 'subject' && sample ? { worker: `${sample.nationality}:${sample.documentNumber}` } : {}), ...(role === 'case-officer' || role === 'inspector' ? { officer: 'dev-officer' } : {}) };
}
if (devIssuer) {
  console.log('Development tokens (valid 1 hour; more with `npm run -s token -- --role <role> --member-state <ISO3>`):');
  for (const role of ROLES) {
    if (role === 'subject' && !sample) continue;
    const request = bannerToken(role);
    console.log(`  ${role.padEnd(13)} ${request.memberState}${request.worker ? ` ${request.worker}` : ''}\n    ${await devIssuer.issue(request)}`);
  }
  console.log('');
} else {
  console.log('The development issuer is off (AUTH_DEV_ISSUER=0): tokens come from the configured authorisation server.\n');
}
if (sample) {
  const query = sampleQuery(sample);
  ideQuery = query;
  const auth = caseOfficer ? ` \\\n  -H 'authorization: Bearer ${caseOfficer}' -H 'rantau-purpose: PERMIT_APPLICATION'` : '';
  console.log(`Try this query in the IDE (it opens with the case officer's token in its headers), or with curl:\n\n${query}\ncurl -s ${graphql} -H 'content-type: application/json'${auth} \\\n  -d '${JSON.stringify({ query: query.replace(/#.*\n/, '').replace(/\s+/g, ' ').trim() })}'\n`);
}

const stop = async () => {
  await stack.close();
  await tracing.shutdown();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
