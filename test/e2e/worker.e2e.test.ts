import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './testStack.js';
import { defaultPopulation } from '../../sandbox/population/population.js';
import { sampleCandidates } from '../../bin/sampleWorker.js';
import { countryCodes } from '../../subgraphs/countries.js';

const WORKER = `query($n: String!, $d: String!, $b: Date) {
  worker(nationality: $n, documentNumber: $d, dateOfBirth: $b) {
    id nationality documentNumber countries
    certifications { __typename id country registry status nativeStatus issuedOn validUntil aqrfLevel aqrfBasis aqrfDerivation holderName holderNationality title occupation { isco national } }
    permits { __typename id country registry permitClass nativeType status nativeStatus validFrom validUntil holderName employer { name } occupation { isco national } }
  }
}`;

interface Contract { __typename: string; id: string; country: string; status: string; nativeStatus: string; [key: string]: unknown }
interface WorkerResult { worker: { id: string; documentNumber: string; countries: string[]; certifications: Contract[]; permits: Contract[] } | null }

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

describe('one worker through the gateway', () => {
  let stack: TestStack;
  const population = defaultPopulation();
  const served = countryCodes();
  // With several countries served, the sample has records in at least two of them.
  const sample = sampleCandidates(population, served, 1, Math.min(2, served.length))[0];

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.close());

  it('finds a worker\'s records in several member states in one query, in the shared contract', async () => {
    const result = await stack.query<WorkerResult>(WORKER, { n: sample.nationality, d: sample.documentNumber, b: sample.dateOfBirth });
    expect(result.errors).toBeUndefined();
    const worker = result.data!.worker!;
    expect(worker.countries.length).toBeGreaterThanOrEqual(Math.min(2, served.length));
    expect(worker.id).toBe(`WORKER:${sample.nationality}:${sample.documentNumber}`);
    for (const record of [...worker.certifications, ...worker.permits]) {
      expect(record.id.startsWith(`${record.country}:`)).toBe(true);
      expect(record.__typename.startsWith(record.country[0] + record.country.slice(1).toLowerCase())).toBe(true);
      expect(record.nativeStatus).toBeTruthy();
      for (const field of ['issuedOn', 'validUntil', 'validFrom']) {
        if (record[field] !== null && record[field] !== undefined) expect(record[field]).toMatch(ISO_DATE);
      }
    }
    for (const cert of worker.certifications) expect(['REFERENCED', 'INDICATIVE', 'NOT_REFERENCED']).toContain(cert.aqrfBasis);
  });

  it('matches the document number whatever its case, spaces or dashes', async () => {
    const messy = `${sample.documentNumber.slice(0, 2).toLowerCase()} ${sample.documentNumber.slice(2, 4)}-${sample.documentNumber.slice(4)}`;
    const result = await stack.query<WorkerResult>(WORKER, { n: sample.nationality, d: messy });
    expect(result.data!.worker!.documentNumber).toBe(sample.documentNumber);
  });

  it('answers null, not an error, for a worker no registry knows', async () => {
    // With a date of birth, so that every registry (Singapore MOM included) can answer "nobody".
    const result = await stack.query<WorkerResult>(WORKER, { n: 'IDN', d: 'ZZ0000000', b: '1990-01-01' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.worker).toBeNull();
  });

  it('never matches a record whose date of birth differs', async () => {
    const result = await stack.query<WorkerResult>(WORKER, { n: sample.nationality, d: sample.documentNumber, b: '1900-01-01' });
    expect(result.data!.worker).toBeNull();
  });

  it('fetches any record by its global id through node(id)', async () => {
    const worker = (await stack.query<WorkerResult>(WORKER, { n: sample.nationality, d: sample.documentNumber })).data!.worker!;
    const first = [...worker.certifications, ...worker.permits][0];
    const result = await stack.query<{ node: Contract | null }>('query($id: ID!) { node(id: $id) { __typename id ... on Certification { country status } ... on WorkPermit { country permitStatus: status } } }', { id: first.id });
    expect(result.errors).toBeUndefined();
    const node = result.data!.node!;
    expect(node).toMatchObject({ __typename: first.__typename, id: first.id, country: first.country });
    expect(node.status ?? node.permitStatus).toBe(first.status);
  });

  it.each([
    ['nationality', WORKER, { n: 'XXX', d: 'C4812290' }, /ISO 3166-1 alpha-3/],
    ['nationality', WORKER, { n: 'ID', d: 'C4812290' }, /got "ID"/],
    ['documentNumber', WORKER, { n: 'IDN', d: 'C48;DROP' }, /travel-document number/],
    ['id', '{ node(id: "not-a-global-id") { id } }', {}, /expected a global id like/],
    ['id', '{ node(id: "ZZZ:CERT:1") { id } }', {}, /member state Rantau serves/],
  ])('rejects a malformed %s with BAD_USER_INPUT naming it', async (argument, query, variables, message) => {
    const result = await stack.query(query, variables);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument } });
    expect(result.errors![0].message).toMatch(message);
  });

  it('asks the registry for a number of any shape (numbers are opaque), and answers null when it holds none', async () => {
    const result = await stack.query('{ node(id: "IDN:CERT:123") { id } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ node: null });
  });

  it('rejects a native number no registry could write (control characters, or past 128 characters) with BAD_USER_INPUT', async () => {
    for (const id of ['IDN:CERT:12\u00013', `IDN:CERT:${'9'.repeat(129)}`]) {
      const result = await stack.query('query($id: ID!) { node(id: $id) { id } }', { id });
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'id' } });
      expect(JSON.stringify(result).length).toBeLessThan(2000);
    }
  });

  it('answers null for a well-formed id the registry does not hold', async () => {
    const result = await stack.query('{ node(id: "IDN:CERT:99999.9999.9.9999999.2099") { id } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ node: null });
  });

  it('rejects a date of birth that is not a calendar date', async () => {
    const result = await stack.query(WORKER, { n: 'IDN', d: 'C4812290', b: '2024-02-30' });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('serves the GraphQL IDE from its own assets and a health check', async () => {
    const page = await (await fetch(`${stack.gateway.url}/`)).text();
    const assets = /<script src="(\/ide\/[0-9a-f]+)\/ide\.js">/.exec(page)?.[1];
    expect(assets).toBeDefined();
    expect(page).toContain('Rantau-Purpose');
    expect(page).not.toMatch(/https?:\/\/(?!localhost)/);
    for (const asset of ['ide.js', 'ide.css', 'editor.worker.js', 'graphql.worker.js', 'json.worker.js']) {
      const response = await fetch(`${stack.gateway.url}${assets}/${asset}`);
      expect(response.status).toBe(200);
      expect((await response.text()).length).toBeGreaterThan(100_000);
    }
    expect(await (await fetch(`${stack.gateway.url}/health`)).json()).toEqual({ status: 'ok' });
  });
});
