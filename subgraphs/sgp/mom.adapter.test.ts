import { batchEndpoint } from '../kit/adapter.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { idsThroughPages } from '../../sandbox/testing/wholeRegistry.js';
import { matchesIdentity } from '../kit/countryContext.js';
import { momAdapter } from './mom.adapter.js';
import { momSimulator } from './sandbox/mom.simulator.js';
import { momProfile } from './profiles.js';
import type { MomRecord } from './mom.native.js';

// The example record of subgraphs/sgp/README.md, exactly as MOM sends it.
const EXAMPLE: MomRecord = {
  passId: 'WP-2024-7781234',
  fin: 'G1234567X',
  passType: 'SP',
  holderName: 'RAJESH KUMAR',
  passportNo: 'Z1234567',
  nationality: 'IND',
  dateOfBirth: '1988-02-11',
  employer: { uen: '201912345K', name: 'Marina Fabrication Pte Ltd' },
  ssocCode: '72122',
  sector: 'CONSTRUCTION',
  monthlySalaryBand: 'S$3300-4499',
  issueDate: '2024-10-01',
  expiryDate: '2026-09-30',
  status: 'ISSUED',
};

const { connect, read, protocolError, unreadable } = registryTestKit('SGP', 'mom');
const offline = 'http://127.0.0.1:9';

describe('reading a MOM pass', () => {
  it('normalises the published example', () => {
    const record = read(momAdapter, EXAMPLE);
    expect(record).toMatchObject({
      __typename: 'SgpWorkPermit',
      id: 'SGP:PERMIT:WP-2024-7781234',
      country: 'SGP',
      registry: 'mom',
      nativeId: 'WP-2024-7781234',
      holderName: 'RAJESH KUMAR',
      holderNationality: 'IND',
      holderDocumentNumber: 'Z1234567',
      holderDateOfBirth: '1988-02-11',
      permitClass: 'SKILLED',
      nativeType: 'SP',
      status: 'ACTIVE',
      nativeStatus: 'ISSUED',
      validFrom: '2024-10-01',
      validUntil: '2026-09-30',
      employer: { name: 'Marina Fabrication Pte Ltd', registrationNumber: '201912345K' },
      occupation: { isco: '7212', national: '72122', scheme: 'SSOC 2024', title: null },
      sector: 'CONSTRUCTION',
      passType: 'SP',
      passTypeName: 'S Pass',
      monthlySalaryBand: 'S$3300-4499',
      holderIdMasked: '*****567X',
      stale: false,
    });
    // PDPA treats FINs like NRIC numbers: every field carries only the masked form; the full number
    // travels only for identity matching, in holderOtherDocumentNumbers, which is no GraphQL field (identityNumbers.test.ts).
    const { holderOtherDocumentNumbers, ...fields } = record;
    expect(holderOtherDocumentNumbers).toEqual(['G1234567X']);
    expect(JSON.stringify(fields)).not.toContain('G1234567X');
  });

  it.each([
    ['EP', 'PROFESSIONAL', 'Employment Pass'],
    ['PEP', 'PROFESSIONAL', 'Personalised Employment Pass'],
    ['ONEP', 'PROFESSIONAL', 'Overseas Networks & Expertise Pass'],
    ['SP', 'SKILLED', 'S Pass'],
    ['WP', 'LOWER_SKILLED', 'Work Permit'],
    ['LOC', 'OTHER', 'Letter of Consent'],
  ] as const)('classes pass type %s as %s', (passType, permitClass, passTypeName) => {
    expect(read(momAdapter, { ...EXAMPLE, passType })).toMatchObject({ permitClass, nativeType: passType, passType, passTypeName });
  });

  it.each([
    ['IPA', 'APPROVED_IN_PRINCIPLE'],
    ['ISSUED', 'ACTIVE'],
    ['CANCELLED', 'CANCELLED'],
    ['EXPIRED', 'EXPIRED'],
    ['REVOKED', 'REVOKED'],
  ] as const)('maps status %s to %s and keeps the native word', (native, shared) => {
    expect(read(momAdapter, { ...EXAMPLE, status: native })).toMatchObject({ status: shared, nativeStatus: native });
  });

  it.each(['CONSTRUCTION', 'MARINE_SHIPYARD', 'PROCESS', 'MANUFACTURING', 'SERVICES', 'DOMESTIC', 'OTHER'] as const)('keeps sector %s as MOM names it', (sector) => {
    expect(read(momAdapter, { ...EXAMPLE, sector })).toMatchObject({ sector });
  });

  it('gives a household employer, which has no UEN, no registration number', () => {
    expect(read(momAdapter, { ...EXAMPLE, passType: 'WP', sector: 'DOMESTIC', employer: { uen: '', name: 'Private household' } })).toMatchObject({ employer: { name: 'Private household', registrationNumber: null } });
  });

  it('refuses what the specification does not allow', () => {
    expect(() => read(momAdapter, { ...EXAMPLE, passType: 'DP' as never })).toThrow(/pass WP-2024-7781234: unknown passType "DP" \(expected one of EP, PEP, ONEP, SP, WP, LOC\)/);
    expect(() => read(momAdapter, { ...EXAMPLE, status: 'PENDING' as never })).toThrow(/unknown status "PENDING" \(expected one of IPA, ISSUED, CANCELLED, EXPIRED, REVOKED\)/);
    expect(() => read(momAdapter, { ...EXAMPLE, sector: 'AGRICULTURE' as never })).toThrow(/unknown sector "AGRICULTURE"/);
    expect(() => read(momAdapter, { ...EXAMPLE, fin: 'G1234567A' })).toThrow(/fin: G1234567A fails the G-series checksum: its last letter should be X/);
    expect(() => read(momAdapter, { ...EXAMPLE, nationality: 'Indian' })).toThrow(/nationality: expected an ISO 3166-1 alpha-3 code, got "Indian"/);
    expect(() => read(momAdapter, { ...EXAMPLE, ssocCode: '721' })).toThrow(/ssocCode: expected an SSOC 2024 code of 5 digits/);
    expect(() => read(momAdapter, { ...EXAMPLE, expiryDate: '30/09/2026' })).toThrow(/expiryDate: expected a date as YYYY-MM-DD/);
    expect(() => read(momAdapter, { ...EXAMPLE, employer: 'Marina Fabrication' as never })).toThrow(unreadable(EXAMPLE.passId));
  });

  it('asks for the date of birth, and a well-formed FIN, before any call', async () => {
    // The offline client would fail with REGISTRY_UNAVAILABLE if the adapter made a call.
    await expect(connect(momAdapter, offline).findByHolder({ nationality: 'IND', documentNumber: 'Z1234567', dateOfBirth: null })).rejects.toMatchObject({
      extensions: { code: 'IDENTITY_ATTRIBUTES_REQUIRED', country: 'SGP', registry: 'mom', required: ['dateOfBirth'] },
    });
    await expect(connect(momAdapter, offline).findByHolder({ nationality: 'IND', documentNumber: 'Z1234567' })).rejects.toMatchObject({ extensions: { required: ['dateOfBirth'] } });
    await expect(connect(momAdapter, offline).findByHolder({ nationality: 'IND', documentNumber: 'G1234567A', dateOfBirth: '1988-02-11' })).rejects.toMatchObject({
      extensions: { code: 'IDENTITY_ATTRIBUTES_REQUIRED', required: ['documentNumber'] },
    });
  });
});

describe('momAdapter against a registry that breaks its specification', () => {
  let fake: FakeRegistry;
  beforeAll(async () => {
    fake = await startFakeRegistry();
  });
  afterAll(() => fake.close());

  it('turns a 400 DOB_REQUIRED into IDENTITY_ATTRIBUTES_REQUIRED', async () => {
    fake.reply(400, { code: 'DOB_REQUIRED' });
    await expect(connect(momAdapter, fake.url).findByHolder({ nationality: 'IND', documentNumber: 'Z1234567', dateOfBirth: '1988-02-11' })).rejects.toMatchObject({
      extensions: { code: 'IDENTITY_ATTRIBUTES_REQUIRED', country: 'SGP', registry: 'mom', required: ['dateOfBirth'] },
    });
  });

  it('refuses a batchGet answer holding a pass that was not asked for', async () => {
    fake.reply(200, { passes: [EXAMPLE] });
    await expect(connect(momAdapter, fake.url).fetchByIds(['WP-2024-0000001'])).rejects.toThrow(/POST \/workpass\/v1\/passes:batchGet returned "WP-2024-7781234", which was not among the 1 numbers asked/);
  });

  it('refuses a change feed in another shape, and sorts one that is out of order', async () => {
    fake.reply(200, { changes: [{ id: 'WP-2024-7781234', at: '2026-11-01T00:00:00Z' }] });
    await expect(connect(momAdapter, fake.url).source.changesSince!('2026-01-01T00:00:00Z')).rejects.toThrow(/answered a change that is not \{"passId","at": ISO instant\}/);
    fake.reply(200, { changes: [{ passId: 'WP-2024-0000002', at: '2026-11-02T00:00:00Z' }, { passId: 'WP-2024-0000001', at: '2026-11-01T00:00:00Z' }] });
    expect((await connect(momAdapter, fake.url).source.changesSince!('2026-01-01T00:00:00Z')).map((c) => c.nativeId)).toEqual(['WP-2024-0000001', 'WP-2024-0000002']);
  });

  it('refuses a 200 enquiry answer without a passes list', async () => {
    fake.reply(200, { results: [] });
    await expect(connect(momAdapter, fake.url).findByHolder({ nationality: 'IND', documentNumber: 'Z1234567', dateOfBirth: '1988-02-11' })).rejects.toThrow(protocolError);
  });
});

describe('momAdapter against the simulated MOM', () => {
  let sim: TestSimulator;
  const adapter = () => connect(momAdapter, sim.url, 2000);
  const natives = () => sim.simulator.store.all() as MomRecord[];

  beforeAll(async () => {
    sim = await startTestSimulator(momSimulator);
  });
  afterAll(() => sim.close());

  it('fetches up to fifty passes in one call and leaves unknown ids out', async () => {
    await sim.resetStats();
    const known = natives().slice(0, 49);
    const records = await adapter().fetchByIds([...known.map((r) => r.passId), 'WP-2099-9999999']);
    expect([...records.keys()].sort()).toEqual(known.map((r) => r.passId).sort());
    expect(records.get(known[0].passId)).toMatchObject({ holderName: known[0].holderName, validFrom: known[0].issueDate, validUntil: known[0].expiryDate, nativeStatus: known[0].status, passType: known[0].passType });
    expect((await sim.stats()).routes[batchEndpoint(momProfile)!.route]).toBe(1);
  });

  it('round-trips every generated pass in ⌈N / 50⌉ calls through the kit', async () => {
    await sim.resetStats();
    const ids = natives().map((r) => r.passId);
    const loaded = await adapter().loadMany(ids);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual(ids);
    expect((await sim.stats()).routes[batchEndpoint(momProfile)!.route]).toBe(Math.ceil(ids.length / 50));
  });

  it('finds a worker by passport, nationality and date of birth, and nobody with another birth date', async () => {
    const native = natives()[0];
    const identity = { nationality: native.nationality, documentNumber: native.passportNo, dateOfBirth: native.dateOfBirth };
    const found = await adapter().findByHolder(identity);
    expect(found.map((r) => r.nativeId)).toContain(native.passId);
    expect(found.every((r) => matchesIdentity(r, identity))).toBe(true);
    expect(await adapter().findByHolder({ ...identity, dateOfBirth: '1900-01-01' })).toEqual([]);
  });

  it('asks by FIN with the date of birth when given a FIN, and the kit matches the holder by it', async () => {
    const native = natives()[0];
    const identity = { nationality: native.nationality, documentNumber: native.fin, dateOfBirth: native.dateOfBirth };
    const found = await adapter().findByHolder(identity);
    expect(found.map((r) => r.nativeId)).toContain(native.passId);
    expect(found.every((r) => matchesIdentity(r, identity))).toBe(true);
    expect(matchesIdentity(found[0], { ...identity, documentNumber: 'G7654321N' })).toBe(false);
  });

  it('reads the change feed, oldest first, and sees the changed record', async () => {
    const before = new Date(Date.now() - 1000).toISOString();
    const [first, second] = natives();
    await sim.upsert([{ ...first, status: 'REVOKED' }]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await sim.upsert([{ ...second, status: 'CANCELLED' }]);
    const changes = await adapter().source.changesSince!(before);
    expect(changes.map((c) => c.nativeId)).toEqual([first.passId, second.passId]);
    expect(changes[0].changedAt <= changes[1].changedAt).toBe(true);
    expect(await adapter().source.changesSince!(changes[1].changedAt)).toEqual([]);
    expect((await adapter().fetchByIds([first.passId])).get(first.passId)).toMatchObject({ status: 'REVOKED', nativeStatus: 'REVOKED' });
  });

  it('refuses a 404 that is not the registry\'s', async () => {
    await expect(connect(momAdapter, `${sim.url}/elsewhere/`).fetchByIds([natives()[0].passId])).rejects.toThrow(/POST \/workpass\/v1\/passes:batchGet answered 404/);
  });

  it('loses only the unreadable pass: the rest of the batch and of the holder\'s answer is served', async () => {
    const good = natives()[2];
    const bad = { ...good, passId: 'WP-2024-0099998', status: 'PENDING' };
    await sim.upsert([bad]);
    const [record, error] = await adapter().loadMany([good.passId, bad.passId]);
    expect(record).toMatchObject({ nativeId: good.passId });
    expect(error).toEqual(unreadable(bad.passId));
    const holder = await adapter().source.findByHolder({ nationality: good.nationality, documentNumber: good.passportNo, dateOfBirth: good.dateOfBirth });
    expect(holder.records.map((r) => r.nativeId)).toContain(good.passId);
    expect(holder.unreadable).toEqual([unreadable(bad.passId)]);
  });

  it('asks the registry for any id, whatever its shape', async () => {
    expect((await adapter().fetchByIds(['8f14e45f-ceea-467f-a9f2-9c0b6a1d2e11'])).size).toBe(0);
  });

  it('reads the whole registry page by page through its listing, every pass once', async () => {
    expect((await idsThroughPages(adapter().source)).sort()).toEqual(natives().map((r) => r.passId).sort());
  });

});

// MOM's enquiry is what a worker query waits on, so the shared faults are proved on it.
describeRegistryFaults({
  country: 'SGP',
  simulator: momSimulator,
  adapter: momAdapter,
  route: 'POST /workpass/v1/enquiry',
  call: (adapter, [native]) => adapter.findByHolder({ nationality: native.nationality, documentNumber: native.passportNo, dateOfBirth: native.dateOfBirth }),
});
