import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNamedType, graphql, isObjectType, type GraphQLObjectType } from 'graphql';
import { buildCountrySubgraph, type CountrySubgraph } from '../kit/buildCountrySubgraph.js';
import { startTestSimulator, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { country } from './index.js';
import { ssgSimulator } from './sandbox/ssg.simulator.js';
import { momSimulator } from './sandbox/mom.simulator.js';
import type { SsgRecord } from './ssg.native.js';
import type { MomRecord } from './mom.native.js';

/** Every field of a type, nested objects included: the most a caller could ask for. */
function everyField(type: GraphQLObjectType): string {
  return Object.values(type.getFields())
    .map((field) => {
      const named = getNamedType(field.type);
      return isObjectType(named) ? `${field.name} { ${everyField(named)} }` : field.name;
    })
    .join(' ');
}

// Singapore callers name a worker by NRIC or FIN; both registries link those numbers to their
// records, which name a passport (or, for citizens, nothing). The subgraph must find the records
// by them and still never give the full number out (PDPA).
describe('SGP subgraph: workers named by NRIC or FIN', () => {
  let ssg: TestSimulator;
  let mom: TestSimulator;
  let subgraph: CountrySubgraph;
  const run = async (source: string, variableValues: Record<string, unknown>) => {
    const result = await graphql({ schema: subgraph.schema, source, variableValues, contextValue: subgraph.createContext() });
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
    return result.data as Record<string, unknown>;
  };
  const locate = async (identity: { nationality: string; documentNumber: string; dateOfBirth: string }) =>
    ((await run('query ($ids: [SgpIdentityInput!]!) { sgpLocate(identities: $ids) { certificationIds permitIds failures { registry code } } }', { ids: [identity] })).sgpLocate as Array<{ certificationIds: string[]; permitIds: string[]; failures: unknown[] }>)[0];

  beforeAll(async () => {
    [ssg, mom] = await Promise.all([startTestSimulator(ssgSimulator), startTestSimulator(momSimulator)]);
    subgraph = await buildCountrySubgraph(country, { registryUrls: { ssg: ssg.url, mom: mom.url }, registryTimeoutMs: 2000, maxConcurrency: 4, ratePerSecond: 1000 });
  });
  afterAll(async () => {
    await subgraph.close();
    await Promise.all([ssg.close(), mom.close()]);
  });

  it('locates a foreign worker\'s credential and pass by FIN, and gives every field without the full FIN', async () => {
    const credentials = ssg.simulator.store.all() as SsgRecord[];
    const pass = (mom.simulator.store.all() as MomRecord[]).find((p) => credentials.some((c) => c.holder.idNumber === p.fin))!;
    const credential = credentials.find((c) => c.holder.idNumber === pass.fin)!;
    const located = await locate({ nationality: pass.nationality, documentNumber: pass.fin, dateOfBirth: pass.dateOfBirth });
    expect(located).toEqual({ certificationIds: expect.arrayContaining([`SGP:CERT:${credential.credentialId}`]), permitIds: expect.arrayContaining([`SGP:PERMIT:${pass.passId}`]), failures: [] });

    // One query per type: their `status` fields have different enum types and cannot share a selection.
    const entities = (typename: string, ids: string[]) => {
      const type = subgraph.schema.getType(typename) as GraphQLObjectType;
      const representations = ids.map((id) => ({ __typename: typename, id }));
      return run(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on ${typename} { ${everyField(type)} } } }`, { reps: representations });
    };
    const data = await Promise.all([entities('SgpCertification', located.certificationIds), entities('SgpWorkPermit', located.permitIds)]);
    const answer = JSON.stringify(data);
    expect(answer).toContain(`"holderIdMasked":"*****${pass.fin.slice(-4)}"`);
    expect(answer).toContain(pass.passportNo);
    expect(answer).not.toContain(pass.fin);
  });

  it('locates a citizen\'s credential by NRIC, though it names no passport, and nobody under another birth date', async () => {
    const citizen = (ssg.simulator.store.all() as SsgRecord[]).find((c) => c.holder.idType === 'NRIC' && c.holder.passportNo === null)!;
    const identity = { nationality: 'SGP', documentNumber: citizen.holder.idNumber, dateOfBirth: citizen.holder.dateOfBirth };
    expect((await locate(identity)).certificationIds).toContain(`SGP:CERT:${citizen.credentialId}`);
    expect((await locate({ ...identity, dateOfBirth: '1900-01-01' })).certificationIds).toEqual([]);
  });
});
