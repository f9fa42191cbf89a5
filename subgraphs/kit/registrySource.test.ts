import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAdapter, UnreadableRecord, type RegistryProfile } from './adapter.js';
import { registrySource } from './registrySource.js';
import { RegistryClient } from './registryClient.js';
import { listIn, nativeReader } from './nativeRecords.js';
import type { CertificationFields } from './records.js';
import { startFakeRegistry, type FakeRegistry } from '../../sandbox/testing/registryTesting.js';

// The adapter contract is checked once, here, for every country: a registry over real HTTP that
// answers whatever each test says, and a minimal adapter that reads `{no, holder, status}` records.
interface Native {
  no: string;
  holder: string;
  status: string;
  lines?: Array<{ line: number; ok: boolean }>;
}

const profile: RegistryProfile = { key: 'demo', kind: 'CERT', format: 'json', ratePerSecond: 1000, lookup: { style: 'batch', limit: 3, route: 'POST /batch' } };

function fields(nativeId: string, status: string): CertificationFields {
  return {
    nativeId,
    holderName: 'A. Holder',
    holderNationality: 'IDN',
    holderDocumentNumber: 'X1234567',
    holderDateOfBirth: null,
    title: 'Welder',
    qualificationCode: null,
    nationalLevel: null,
    occupation: null,
    issuer: null,
    issuedOn: null,
    validUntil: null,
    status: status as CertificationFields['status'],
    nativeStatus: status,
  } as CertificationFields;
}

const demo = defineAdapter<Native, CertificationFields>({
  profile,
  idsOf: (native) => (native.lines ? native.lines.map((l) => `${native.no}/${l.line}`) : [native.no]),
  read(native, client) {
    const { fail } = nativeReader(client, `certificate ${native.no}`, 'YYYY-MM-DD');
    if (native.lines) return native.lines.map((l) => (l.ok ? fields(`${native.no}/${l.line}`, 'VALID') : new UnreadableRecord(`${native.no}/${l.line}`, fail(`line ${l.line} is broken`))));
    if (native.status === 'BROKEN') throw fail('unknown status "BROKEN"');
    if (native.status === 'CRASH') return (undefined as unknown as { x: CertificationFields }).x;
    return fields(native.no, native.status);
  },
  connect: (client) => ({
    async fetchByIds(ids) {
      const response = await client.request('/batch', { method: 'POST', route: 'POST /batch', json: { ids }, idempotent: true });
      const body = client.json<{ found: Native[]; missing?: string[] }>(response, 'POST /batch');
      return body.missing ? { records: body.found, notFound: body.missing } : body.found;
    },
    async findByHolder() {
      return listIn<Native>(client, await client.request('/holder', { route: 'GET /holder' }), 'GET /holder', 'found');
    },
  }),
});

describe('the adapter contract, checked by the kit', () => {
  let registry: FakeRegistry;
  let source: ReturnType<typeof registrySource>;
  beforeAll(async () => {
    registry = await startFakeRegistry();
    source = registrySource('IDN', demo, new RegistryClient({ country: 'IDN', registry: 'demo', baseUrl: registry.url, timeoutMs: 1000, maxConcurrency: 2, ratePerSecond: 1000 }));
  });
  afterAll(() => registry.close());

  it('completes each record with its id, country, registry and type name', async () => {
    registry.reply(200, { found: [{ no: 'A1', holder: 'x', status: 'VALID' }] });
    const [record] = await source.loadMany(['A1']);
    expect(record).toMatchObject({ id: 'IDN:CERT:A1', country: 'IDN', registry: 'demo', __typename: 'IdnCertification', nativeId: 'A1', stale: false, aqrfBasis: 'NOT_REFERENCED' });
  });

  it('serves the readable records of a batch and names the one that cannot be read', async () => {
    registry.reply(200, { found: [{ no: 'A1', holder: 'x', status: 'VALID' }, { no: 'A2', holder: 'x', status: 'BROKEN' }, { no: 'A3', holder: 'x', status: 'VALID' }] });
    const outcomes = await source.loadMany(['A1', 'A2', 'A3']);
    expect(outcomes[0]).toMatchObject({ nativeId: 'A1' });
    expect(outcomes[2]).toMatchObject({ nativeId: 'A3' });
    expect(outcomes[1]).toMatchObject({ extensions: { code: 'RECORD_UNREADABLE', country: 'IDN', registry: 'demo', nativeId: 'A2', reason: expect.stringContaining('unknown status "BROKEN"') } });
  });

  it('turns an adapter that breaks on a record\'s shape into RECORD_UNREADABLE for that record, never a TypeError', async () => {
    registry.reply(200, { found: [{ no: 'A1', holder: 'x', status: 'CRASH' }, { no: 'A2', holder: 'x', status: 'VALID' }] });
    const outcomes = await source.loadMany(['A1', 'A2']);
    expect(outcomes[0]).toMatchObject({ extensions: { code: 'RECORD_UNREADABLE', nativeId: 'A1', reason: 'the record does not have the shape the registry publishes' } });
    expect(outcomes[1]).toMatchObject({ nativeId: 'A2' });
  });

  it('loses only the broken line of a native record that holds several', async () => {
    registry.reply(200, { found: [{ no: 'L1', holder: 'x', status: 'VALID', lines: [{ line: 1, ok: true }, { line: 2, ok: false }] }] });
    const outcomes = await source.loadMany(['L1/1', 'L1/2']);
    expect(outcomes[0]).toMatchObject({ nativeId: 'L1/1' });
    expect(outcomes[1]).toMatchObject({ extensions: { code: 'RECORD_UNREADABLE', nativeId: 'L1/2' } });
  });

  it('refuses a batch answering a number nobody asked for', async () => {
    registry.reply(200, { found: [{ no: 'Z9', holder: 'x', status: 'VALID' }] });
    const [outcome] = await source.loadMany(['A1']);
    expect(outcome).toMatchObject({ message: expect.stringContaining('POST /batch returned "Z9", which was not among the 1 numbers asked'), extensions: { code: 'REGISTRY_PROTOCOL_ERROR' } });
  });

  it('holds a registry that lists missing numbers to account for every number asked', async () => {
    registry.reply(200, { found: [{ no: 'A1', holder: 'x', status: 'VALID' }], missing: [] });
    const outcomes = await source.loadMany(['A1', 'A2']);
    expect(outcomes[1]).toMatchObject({ message: expect.stringContaining('did not list 1 of them as not found'), extensions: { code: 'REGISTRY_PROTOCOL_ERROR' } });
    registry.reply(200, { found: [{ no: 'A1', holder: 'x', status: 'VALID' }], missing: ['A2'] });
    expect((await source.loadMany(['A1', 'A2']))[1]).toBeNull();
  });

  it('never asks for more numbers in one call than the registry publishes', async () => {
    registry.reply(200, { found: [] });
    registry.requests.length = 0;
    await source.loadMany(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7']);
    expect(registry.requests.map((r) => (JSON.parse(r.body) as { ids: string[] }).ids.length).sort()).toEqual([1, 3, 3]);
  });

  it('turns an answer that is not a list into a protocol error, not a crash', async () => {
    registry.reply(200, { found: 'nothing' });
    expect((await source.loadMany(['A1']))[0]).toMatchObject({ extensions: { code: 'REGISTRY_PROTOCOL_ERROR' } });
    registry.reply(200, 'not json at all');
    expect((await source.loadMany(['A1']))[0]).toMatchObject({ extensions: { code: 'REGISTRY_PROTOCOL_ERROR' } });
  });

  it('serves a holder\'s readable records and reports each unreadable one on its own', async () => {
    registry.reply(200, { found: [{ no: 'A1', holder: 'x', status: 'VALID' }, { no: 'A2', holder: 'x', status: 'BROKEN' }] });
    const holder = await source.findByHolder({ nationality: 'IDN', documentNumber: 'X1234567' });
    expect(holder.records.map((r) => r.nativeId)).toEqual(['A1']);
    expect(holder.unreadable).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'RECORD_UNREADABLE', nativeId: 'A2' }) })]);
  });
});
