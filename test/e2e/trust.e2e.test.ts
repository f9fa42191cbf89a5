import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { deleteKeysUnder } from '../support/redisKeys.js';
import { startTestStack, testConfig, type TestStack } from './testStack.js';
import { countryEntries } from '../../subgraphs/countries.js';
import { internalFieldNames } from '../../subgraphs/kit/country.js';
import { sampleCandidates } from '../../bin/sampleWorker.js';
import { defaultPopulation, type Person } from '../../sandbox/population/population.js';
import { ContextSigner, CALLER_HEADER, requestBinding } from '../../platform/trust/callerContext.js';
import { DevIssuer } from '../../platform/trust/devIssuer.js';
import { generateSigningKey } from '../../platform/trust/keys.js';
import type { Caller } from '../../platform/caller.js';

// Issue 10, authentication and transport, over real HTTP on the whole embedded stack (every
// member state): who may ask the gateway what, subgraphs that answer only Rantau's own signed
// calls, simulators that answer only the operator, and no personal data readable in Redis.
const REDIS_URL = 'redis://127.0.0.1:6379';
const population = defaultPopulation();
const codes = countryEntries.map((entry) => entry.code);
const [worker, other] = sampleCandidates(population, codes, 2, 2);
const WORKER = 'query W($n: String!, $d: String!, $b: Date) { worker(nationality: $n, documentNumber: $d, dateOfBirth: $b) { id countries certifications { id status } permits { id status } } }';
const vars = (w = worker) => ({ n: w.nationality, d: w.documentNumber, b: w.dateOfBirth });
const NODE = (selection: string) => `query N($id: ID!) { node(id: $id) { id ... on Certification { ${selection} } ... on WorkPermit { ${selection} } } }`;

type Answer = { status: number; body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}
const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;

describe('trust: callers, signed calls between services, data at rest', () => {
  let stack: TestStack;
  const prefix = `test:${randomUUID()}:`;
  let gateway: string;
  let recordId: string;

  beforeAll(async () => {
    stack = await startTestStack({ config: testConfig({ keyPrefix: prefix }, { redisUrl: REDIS_URL }) });
    gateway = `${stack.gateway.url}/graphql`;
    const found = await stack.query<{ worker: { certifications: Array<{ id: string }>; permits: Array<{ id: string }> } }>(WORKER, vars());
    expect(found.errors).toBeUndefined();
    recordId = [...found.data!.worker.certifications, ...found.data!.worker.permits][0].id;
  });
  afterAll(async () => {
    await stack?.close();
    await deleteKeysUnder(REDIS_URL, prefix);
  });

  describe('at the gateway', () => {
    it('refuses an anonymous personal-data query with UNAUTHENTICATED (401), fragments and aliases included', async () => {
      const direct = await post(gateway, { query: WORKER, variables: vars() });
      expect(direct.status).toBe(401);
      expect(codeOf(direct)).toBe('UNAUTHENTICATED');
      expect(direct.body.data ?? null).toBeNull();
      const hidden = await post(gateway, { query: `query { ... on Query { x: node(id: "${recordId}") { id } } ...F } fragment F on Query { nodes(ids: ["${recordId}"]) { id } }` });
      expect(codeOf(hidden)).toBe('UNAUTHENTICATED');
    });

    it('lets an anonymous caller reach health, the IDE page and public fields (introspection)', async () => {
      expect((await fetch(`${stack.gateway.url}/health`)).status).toBe(200);
      expect((await fetch(`${stack.gateway.url}/`)).status).toBe(200);
      const schema = await post(gateway, { query: '{ __schema { queryType { name } } }' });
      expect(schema.status).toBe(200);
      expect(schema.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });

    it('keeps the gateway\'s metrics for operators', async () => {
      expect((await fetch(`${stack.gateway.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${stack.gateway.url}/metrics`, { headers: { authorization: `Bearer ${await stack.token()}` } })).status).toBe(403);
      const operator = await fetch(`${stack.gateway.url}/metrics`, { headers: { authorization: `Bearer ${await stack.token({ role: 'operator' })}` } });
      expect(operator.status).toBe(200);
      expect(await operator.text()).toContain('rantau_graphql_requests_total');
    });

    it('refuses an analyst asking for a worker with FORBIDDEN (403)', async () => {
      const token = await stack.token({ role: 'analyst' });
      const answer = await post(gateway, { query: WORKER, variables: vars() }, stack.headers({ token }));
      expect(answer.status).toBe(403);
      expect(codeOf(answer)).toBe('FORBIDDEN');
      expect(answer.body.errors![0].extensions).toMatchObject({ role: 'analyst', field: 'worker' });
    });

    it('refuses an operator asking for personal data, and a verifier asking for a worker', async () => {
      expect(codeOf(await post(gateway, { query: WORKER, variables: vars() }, stack.headers({ token: await stack.token({ role: 'operator' }) })))).toBe('FORBIDDEN');
      expect(codeOf(await post(gateway, { query: WORKER, variables: vars() }, stack.headers({ token: await stack.token({ role: 'verifier' }) })))).toBe('FORBIDDEN');
    });

    it('requires a declared purpose the token allows', async () => {
      const missing = await post(gateway, { query: WORKER, variables: vars() }, stack.headers({ purpose: null }));
      expect(missing.status).toBe(400);
      expect(codeOf(missing)).toBe('PURPOSE_REQUIRED');
      expect(missing.body.errors![0].extensions!.allowed).toEqual(['PERMIT_APPLICATION', 'SKILLS_RECOGNITION']);
      // A case officer's token does not allow labour inspection.
      const notAllowed = await post(gateway, { query: WORKER, variables: vars() }, stack.headers({ purpose: 'LABOUR_INSPECTION' }));
      expect(notAllowed.status).toBe(403);
      expect(codeOf(notAllowed)).toBe('PURPOSE_NOT_ALLOWED');
      const narrowed = await stack.token({ purposes: ['SKILLS_RECOGNITION'] });
      expect(codeOf(await post(gateway, { query: WORKER, variables: vars() }, stack.headers({ token: narrowed })))).toBe('PURPOSE_NOT_ALLOWED');
      const unknown = await post(gateway, { query: WORKER, variables: vars() }, stack.headers({ purpose: 'CURIOSITY' }));
      expect(codeOf(unknown)).toBe('PURPOSE_NOT_ALLOWED');
      expect(unknown.body.errors![0].message).toContain('PERMIT_APPLICATION');
    });

    it('lets a verifier read statuses, and never a name, document number or employer (the role reaches the country subgraph)', async () => {
      const token = await stack.token({ role: 'verifier', memberState: 'SGP' });
      const statusQuery = 'query N($id: ID!) { node(id: $id) { id ... on Certification { certificationStatus: status validUntil aqrfLevel } ... on WorkPermit { permitStatus: status validUntil } } }';
      const status = await post(gateway, { query: statusQuery, variables: { id: recordId } }, stack.headers({ token }));
      expect(status.body.errors).toBeUndefined();
      expect(status.body.data!.node).toHaveProperty('id', recordId);
      expect(status.body.data!.node).toHaveProperty('validUntil');
      const names = await post(gateway, { query: NODE('holderName holderDocumentNumber'), variables: { id: recordId } }, stack.headers({ token }));
      expect(codeOf(names)).toBe('FORBIDDEN');
      expect(JSON.stringify(names.body)).not.toContain(worker.documentNumber);
      // Sequential ids through nodes: no name and no document number comes back.
      const [country, kind, native] = recordId.split(':');
      const ids = Array.from({ length: 20 }, (_, i) => `${country}:${kind}:${native.slice(0, -1)}${i % 10}`);
      const enumeration = await post(gateway, { query: `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on WorkPermit { holderName holderDocumentNumber employer { name } } ... on Certification { holderName holderDocumentNumber } } }`, variables: { ids } }, stack.headers({ token }));
      const text = JSON.stringify(enumeration.body);
      const person = population.people.find((p) => p.passportNo === worker.documentNumber)!;
      expect(text).not.toContain(worker.documentNumber);
      expect(text).not.toContain(person.fullName);
      expect(codeOf(enumeration)).toBe('FORBIDDEN');
    });

    it('lets a subject look up only their own identity', async () => {
      const token = await stack.token({ role: 'subject', memberState: worker.nationality, worker: `${worker.nationality}:${worker.documentNumber}`, officer: undefined });
      const own = await post(gateway, { query: WORKER, variables: vars() }, stack.headers({ token, purpose: 'WORKER_REQUEST' }));
      expect(own.body.errors).toBeUndefined();
      expect((own.body.data!.worker as { id: string }).id).toBe(`WORKER:${worker.nationality}:${worker.documentNumber}`);
      const someoneElse = await post(gateway, { query: WORKER, variables: vars(other) }, stack.headers({ token, purpose: 'WORKER_REQUEST' }));
      expect(someoneElse.status).toBe(403);
      expect(codeOf(someoneElse)).toBe('FORBIDDEN');
      const list = await post(gateway, { query: 'query($i: [WorkerIdentityInput!]!) { workers(identities: $i) { id } }', variables: { i: [{ nationality: worker.nationality, documentNumber: worker.documentNumber }, { nationality: other.nationality, documentNumber: other.documentNumber }] } }, stack.headers({ token, purpose: 'WORKER_REQUEST' }));
      expect(codeOf(list)).toBe('FORBIDDEN');
      expect(codeOf(await post(gateway, { query: NODE('holderName'), variables: { id: recordId } }, stack.headers({ token, purpose: 'WORKER_REQUEST' })))).toBe('FORBIDDEN');
    });

    it('carries any officer name through to the subgraphs (not only Latin-1)', async () => {
      const token = await stack.token({ officer: 'Nguyễn Thị Minh Khai', client: 'bộ-lao-động' });
      const answer = await stack.query(WORKER, vars(), { token });
      expect(answer.errors).toBeUndefined();
    });

    it('refuses expired, foreign-key-signed, wrong-audience and wrong-issuer tokens with UNAUTHENTICATED', async () => {
      const foreign = await DevIssuer.inMemory();
      const refused = [
        await stack.devIssuer.issue({ role: 'case-officer', memberState: 'IDN', expiresInS: -120 }),
        await foreign.issue({ role: 'case-officer', memberState: 'IDN' }),
        await stack.devIssuer.issue({ role: 'case-officer', memberState: 'IDN', audience: 'someone-else' }),
        await stack.devIssuer.issue({ role: 'case-officer', memberState: 'IDN', issuer: 'https://issuer.invalid' }),
        await stack.devIssuer.issue({ role: 'case-officer', memberState: 'XYZ' }),
        'not-a-jwt',
      ];
      const messages: string[] = [];
      for (const token of refused) {
        const answer = await post(gateway, { query: '{ __typename }' }, stack.headers({ token }));
        expect(answer.status).toBe(401);
        expect(codeOf(answer)).toBe('UNAUTHENTICATED');
        messages.push(answer.body.errors![0].message);
      }
      expect(messages[0]).toContain('expired');
      expect(messages[1]).toContain('key');
      expect(messages[2]).toContain('aud');
      expect(messages[3]).toContain('iss');
      const basic = await post(gateway, { query: '{ __typename }' }, { authorization: 'Basic dXNlcjpwYXNz' });
      expect(codeOf(basic)).toBe('UNAUTHENTICATED');
    });

    it('follows key rotation without a restart', async () => {
      const before = await stack.token();
      await stack.devIssuer.rotate();
      const after = await stack.token();
      expect(after.split('.')[0]).not.toBe(before.split('.')[0]);
      for (const token of [after, before]) expect((await stack.query(WORKER, vars(), { token })).errors).toBeUndefined();
    });
  });

  describe('between services', () => {
    const services = ['regional', ...codes.map((code) => code.toLowerCase())];
    const urlOf = (service: string) => `${service === 'regional' ? stack.regional.url : stack.subgraphs.get(service.toUpperCase())!.url}/graphql`;
    const caller: Caller = { client: 'test', memberState: 'IDN', role: 'case-officer', purposes: ['PERMIT_APPLICATION'], purpose: 'PERMIT_APPLICATION', officer: null, subject: null, requestId: randomUUID() };
    /** `_service`, `_entities`, an internal field and a public field of each service. */
    function operations(service: string): Array<{ name: string; body: unknown }> {
      const entities = { name: '_entities', body: { query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [{ __typename: 'X', id: recordId }] } } };
      const sdl = { name: '_service', body: { query: '{ _service { sdl } }' } };
      if (service === 'regional') return [sdl, entities, { name: 'public worker', body: { query: 'query W($n: String!, $d: String!) { worker(nationality: $n, documentNumber: $d) { id } }', variables: { n: worker.nationality, d: worker.documentNumber } } }, { name: 'public node', body: { query: `{ node(id: "${recordId}") { id } }` } }];
      const names = internalFieldNames(service.toUpperCase());
      return [
        sdl,
        { ...entities, body: { ...entities.body, variables: { r: [{ __typename: names.certificationType, id: `${service.toUpperCase()}:CERT:1` }] } } },
        { name: 'internal locate', body: { query: `query($i: [${names.identityInput}!]!) { ${names.locate}(identities: $i) { key certificationIds } }`, variables: { i: [{ nationality: worker.nationality, documentNumber: worker.documentNumber }] } } },
        { name: 'internal check', body: { query: `{ ${names.check}(ids: ["${recordId}"]) { id found } }` } },
      ];
    }
    const signed = async (signer: ContextSigner, audience: string, url: string, body: unknown) => {
      const text = JSON.stringify(body);
      return { text, header: await signer.sign({ caller }, audience, requestBinding('POST', new URL(url).pathname, text)) };
    };
    const send = async (url: string, text: string, headers: Record<string, string> = {}) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: text });
      return { status: response.status, body: (await response.json()) as Answer['body'] };
    };

    it('every subgraph refuses requests without, with an expired, a foreign-key-signed, a replayed, a misdirected or a moved context', async () => {
      const gatewaySigner = new ContextSigner('rantau-gateway', stack.trust.keys.gateway, 15);
      const expiredSigner = new ContextSigner('rantau-gateway', stack.trust.keys.gateway, -60);
      const foreignSigner = new ContextSigner('rantau-gateway', await generateSigningKey(), 15);
      let checked = 0;
      for (const service of services) {
        const url = urlOf(service);
        for (const operation of operations(service)) {
          const refusals: Array<[string, Promise<{ status: number; body: Answer['body'] }>]> = [];
          refusals.push(['missing', send(url, JSON.stringify(operation.body))]);
          const expired = await signed(expiredSigner, service, url, operation.body);
          refusals.push(['expired', send(url, expired.text, { [CALLER_HEADER]: expired.header })]);
          const foreign = await signed(foreignSigner, service, url, operation.body);
          refusals.push(['untrusted', send(url, foreign.text, { [CALLER_HEADER]: foreign.header })]);
          const elsewhere = await signed(gatewaySigner, service === 'regional' ? 'idn' : 'regional', url, operation.body);
          refusals.push(['wrong-audience', send(url, elsewhere.text, { [CALLER_HEADER]: elsewhere.header })]);
          const moved = await signed(gatewaySigner, service, url, { query: '{ _service { sdl } }', variables: { other: 1 } });
          refusals.push(['wrong-request', send(url, JSON.stringify(operation.body), { [CALLER_HEADER]: moved.header })]);
          // The replay: the first use is accepted, the same context again is not.
          const once = await signed(gatewaySigner, service, url, operation.body);
          const first = await send(url, once.text, { [CALLER_HEADER]: once.header });
          expect(first.status, `${service} ${operation.name} with a valid context`).toBe(200);
          refusals.push(['replayed', send(url, once.text, { [CALLER_HEADER]: once.header })]);
          for (const [reason, pending] of refusals) {
            const answer = await pending;
            expect(answer.status, `${service} ${operation.name} ${reason}`).toBe(401);
            expect(answer.body.errors?.[0].extensions, `${service} ${operation.name} ${reason}`).toEqual({ code: 'CALLER_CONTEXT_INVALID', reason });
            expect(answer.body.data).toBeUndefined();
            checked += 1;
          }
        }
      }
      expect(checked).toBe(services.length * 4 * 6);
    });

    it('a country answers records and its internal fields only for a named caller, even in a valid context', async () => {
      const gatewaySigner = new ContextSigner('rantau-gateway', stack.trust.keys.gateway, 15);
      for (const operation of operations('idn').slice(1)) {
        const text = JSON.stringify(operation.body);
        const header = await gatewaySigner.sign({ caller: null }, 'idn', requestBinding('POST', '/graphql', text));
        const answer = await send(urlOf('idn'), text, { [CALLER_HEADER]: header });
        expect(answer.status, operation.name).toBe(401);
        expect(answer.body.errors?.[0].extensions?.code, operation.name).toBe('UNAUTHENTICATED');
      }
    });

    it('a country trusts the regional subgraph\'s key, the regional subgraph does not', async () => {
      const regionalSigner = new ContextSigner('rantau-regional', stack.trust.keys.regional, 15);
      const body = { query: '{ _service { sdl } }' };
      const toCountry = await signed(regionalSigner, 'idn', urlOf('idn'), body);
      expect((await send(urlOf('idn'), toCountry.text, { [CALLER_HEADER]: toCountry.header })).status).toBe(200);
      const toRegional = await signed(regionalSigner, 'regional', urlOf('regional'), body);
      const refused = await send(urlOf('regional'), toRegional.text, { [CALLER_HEADER]: toRegional.header });
      expect(refused.status).toBe(401);
      expect(refused.body.errors?.[0].extensions).toEqual({ code: 'CALLER_CONTEXT_INVALID', reason: 'untrusted' });
    });
  });

  describe('simulated registries', () => {
    it('answer their control endpoints only to the operator credential', async () => {
      const simulator = stack.simulators.get('IDN/bnsp')!;
      for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong' }, { authorization: `Basic ${stack.operatorToken}` }]) {
        const stats = await fetch(`${simulator.url}/__sim/stats`, { headers });
        expect(stats.status).toBe(401);
        expect(((await stats.json()) as { code: string }).code).toBe('OPERATOR_CREDENTIAL_REQUIRED');
        const down = await fetch(`${simulator.url}/__sim/config`, { method: 'POST', headers, body: JSON.stringify({ down: true }) });
        expect(down.status).toBe(401);
      }
      expect(simulator.config.down).toBe(false);
      expect((await fetch(`${simulator.url}/health`)).status).toBe(200);
      expect(await stack.stats('IDN/bnsp')).toBeTypeOf('object');
    });
  });

  describe('at rest', () => {
    it('keeps no personal data readable in Redis: every key and value scanned', async () => {
      // More accesses of every kind: a list of workers, records by id, a subject's own records.
      const listed = await stack.query<{ workers: Array<{ permits: Array<{ employer: { name: string; registrationNumber: string | null } | null }> }> }>(
        'query($i: [WorkerIdentityInput!]!) { workers(identities: $i) { id permits { id holderName employer { name registrationNumber } } certifications { id holderName } } }',
        { i: [worker, other].map((w) => ({ nationality: w.nationality, documentNumber: w.documentNumber, dateOfBirth: w.dateOfBirth })) },
      );
      expect(listed.errors).toBeUndefined();
      await stack.query(`{ nodes(ids: ["${recordId}"]) { id ... on Certification { holderName holderDocumentNumber } ... on WorkPermit { holderName employer { name registrationNumber } } } }`);
      const employers = listed.data!.workers.flatMap((w) => w.permits.flatMap((p) => [p.employer?.name, p.employer?.registrationNumber])).filter((v): v is string => typeof v === 'string' && v.length >= 5);
      const people = [worker, other].map((w) => population.people.find((p) => p.passportNo === w.documentNumber)!);
      const secrets = [...people.flatMap((p: Person) => [p.passportNo!, p.fullName, p.dateOfBirth]), ...employers];
      expect(employers.length).toBeGreaterThan(0);
      const redis = new Redis(REDIS_URL);
      try {
        let cursor = '0';
        const entries: Array<[string, string]> = [];
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
          cursor = next;
          for (const key of keys) {
            // Cached answers live for seconds (their max-age): one may expire between SCAN and here.
            const type = await redis.type(key);
            if (type === 'none') continue;
            expect(type).toBe('string');
            const value = await redis.getBuffer(key);
            if (value !== null) entries.push([key, value.toString('latin1')]);
          }
        } while (cursor !== '0');
        expect(entries.length).toBeGreaterThan(10);
        expect(entries.some(([key]) => key.includes('rantau:resp:'))).toBe(true);
        expect(entries.some(([key]) => key.includes('rantau:rec:'))).toBe(true);
        for (const [key, value] of entries) {
          // Pacing counters (how many calls a registry had this window) and callers' rate-limit
          // counters (keyed by a keyed hash of the caller) hold a number and nothing else.
          if (key.includes('rantau:pace:') || key.includes('rantau:rl:')) expect(value, `${key} is a counter`).toMatch(/^\d+$/);
          else expect(value.startsWith('e1.'), `${key} is sealed`).toBe(true);
          for (const secret of secrets) {
            expect(key.toUpperCase()).not.toContain(secret.toUpperCase());
            expect(value.toUpperCase()).not.toContain(secret.toUpperCase());
          }
        }
      } finally {
        redis.disconnect();
      }
    });
  });
});
