import { batchEndpoint } from '../kit/adapter.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { legacySource } from '../kit/registrySource.js';
import { matchesIdentity } from '../kit/countryContext.js';
import { momAdapter, momToContract } from './mom.adapter.js';
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

const { clientFor, offline, protocolError } = registryTestKit('SGP', 'mom');

describe('momToContract', () => {
  it('normalises the published example', () => {
    const record = momToContract(EXAMPLE, offline);
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
    expect(momToContract({ ...EXAMPLE, passType }, offline)).toMatchObject({ permitClass, nativeType: passType, passType, passTypeName });
  });

  it.each([
    ['IPA', 'APPROVED_IN_PRINCIPLE'],
    ['ISSUED', 'ACTIVE'],
    ['CANCELLED', 'CANCELLED'],
    ['EXPIRED', 'EXPIRED'],
    ['REVOKED', 'REVOKED'],
  ] as const)('maps status %s to %s and keeps the native word', (native, shared) => {
    expect(momToContract({ ...EXAMPLE, status: native }, offline)).toMatchObject({ status: shared, nativeStatus: native });
  });

  it.each(['CONSTRUCTION', 'MARINE_SHIPYARD', 'PROCESS', 'MANUFACTURING', 'SERVICES', 'DOMESTIC', 'OTHER'] as const)('keeps sector %s as MOM names it', (sector) => {
    expect(momToContract({ ...EXAMPLE, sector }, offline)).toMatchObject({ sector });
  });

  it('gives a household employer, which has no UEN, no registration number', () => {
    expect(momToContract({ ...EXAMPLE, passType: 'WP', sector: 'DOMESTIC', employer: { uen: '', name: 'Private household' } }, offline)).toMatchObject({ employer: { name: 'Private household', registrationNumber: null } });
  });

  it('refuses what the specification does not allow', () => {
    expect(() => momToContract({ ...EXAMPLE, passType: 'DP' as never }, offline)).toThrow(/pass WP-2024-7781234: unknown passType "DP" \(expected one of EP, PEP, ONEP, SP, WP, LOC\)/);
    expect(() => momToContract({ ...EXAMPLE, status: 'PENDING' as never }, offline)).toThrow(/unknown status "PENDING" \(expected one of IPA, ISSUED, CANCELLED, EXPIRED, REVOKED\)/);
    expect(() => momToContract({ ...EXAMPLE, sector: 'AGRICULTURE' as never }, offline)).toThrow(/unknown sector "AGRICULTURE"/);
    expect(() => momToContract({ ...EXAMPLE, fin: 'G1234567A' }, offline)).toThrow(/fin: G1234567A fails the G-series checksum: its last letter should be X/);
    expect(() => momToContract({ ...EXAMPLE, nationality: 'Indian' }, offline)).toThrow(/nationality: expected an ISO 3166-1 alpha-3 code, got "Indian"/);
    expect(() => momToContract({ ...EXAMPLE, ssocCode: '721' }, offline)).toThrow(/ssocCode: expected an SSOC 2024 code of 5 digits/);
    expect(() => momToContract({ ...EXAMPLE, expiryDate: '30/09/2026' }, offline)).toThrow(/expiryDate: expected a date as YYYY-MM-DD/);
    expect(() => momToContract({ ...EXAMPLE, employer: 'Marina Fabrication' as never }, offline)).toThrow(protocolError);
  });

  it('recognises pass ids in the published shape only', () => {
    const adapter = momAdapter(offline);
    expect(adapter.isNativeId('WP-2024-7781234')).toBe(true);
    expect(adapter.isNativeId('SP-2024-7781234')).toBe(false);
    expect(adapter.isNativeId('G1234567X')).toBe(false);
  });

  it('refuses more than 50 ids before calling', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => `WP-2024-${String(i).padStart(7, '0')}`);
    await expect(momAdapter(offline).fetchByIds(ids)).rejects.toThrow('mom takes at most 50 numbers a batch, got 51');
  });

  it('asks for the date of birth, and a well-formed FIN, before any call', async () => {
    // The offline client would fail with REGISTRY_UNAVAILABLE if the adapter made a call.
    await expect(momAdapter(offline).findByHolder({ nationality: 'IND', documentNumber: 'Z1234567', dateOfBirth: null })).rejects.toMatchObject({
      extensions: { code: 'IDENTITY_ATTRIBUTES_REQUIRED', country: 'SGP', registry: 'mom', required: ['dateOfBirth'] },
    });
    await expect(momAdapter(offline).findByHolder({ nationality: 'IND', documentNumber: 'Z1234567' })).rejects.toMatchObject({ extensions: { required: ['dateOfBirth'] } });
    await expect(momAdapter(offline).findByHolder({ nationality: 'IND', documentNumber: 'G1234567A', dateOfBirth: '1988-02-11' })).rejects.toMatchObject({
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
    await expect(momAdapter(clientFor(fake.url)).findByHolder({ nationality: 'IND', documentNumber: 'Z1234567', dateOfBirth: '1988-02-11' })).rejects.toMatchObject({
      extensions: { code: 'IDENTITY_ATTRIBUTES_REQUIRED', country: 'SGP', registry: 'mom', required: ['dateOfBirth'] },
    });
  });

  it('refuses a batchGet answer holding a pass that was not asked for', async () => {
    fake.reply(200, { passes: [EXAMPLE] });
    await expect(momAdapter(clientFor(fake.url)).fetchByIds(['WP-2024-0000001'])).rejects.toThrow(/POST \/workpass\/v1\/passes:batchGet returned "WP-2024-7781234", which was not among the 1 numbers asked/);
  });

  it('refuses a change feed in another shape, and sorts one that is out of order', async () => {
    fake.reply(200, { changes: [{ id: 'WP-2024-7781234', at: '2026-11-01T00:00:00Z' }] });
    await expect(momAdapter(clientFor(fake.url)).changesSince!('2026-01-01T00:00:00Z')).rejects.toThrow(/answered a change that is not \{"passId","at"\}/);
    fake.reply(200, { changes: [{ passId: 'WP-2024-0000002', at: '2026-11-02T00:00:00Z' }, { passId: 'WP-2024-0000001', at: '2026-11-01T00:00:00Z' }] });
    expect((await momAdapter(clientFor(fake.url)).changesSince!('2026-01-01T00:00:00Z')).map((c) => c.nativeId)).toEqual(['WP-2024-0000001', 'WP-2024-0000002']);
  });

  it('refuses a 200 enquiry answer without a passes list', async () => {
    fake.reply(200, { results: [] });
    await expect(momAdapter(clientFor(fake.url)).findByHolder({ nationality: 'IND', documentNumber: 'Z1234567', dateOfBirth: '1988-02-11' })).rejects.toThrow(protocolError);
  });
});

describe('momAdapter against the simulated MOM', () => {
  let sim: TestSimulator;
  const adapter = () => momAdapter(clientFor(sim.url, 2000));
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
    const loaded = await legacySource('SGP', adapter()).loadMany(ids);
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
    const changes = await adapter().changesSince!(before);
    expect(changes.map((c) => c.nativeId)).toEqual([first.passId, second.passId]);
    expect(changes[0].changedAt <= changes[1].changedAt).toBe(true);
    expect(await adapter().changesSince!(changes[1].changedAt)).toEqual([]);
    expect((await adapter().fetchByIds([first.passId])).get(first.passId)).toMatchObject({ status: 'REVOKED', nativeStatus: 'REVOKED' });
  });

  it('refuses a 404 that is not the registry\'s', async () => {
    await expect(momAdapter(clientFor(`${sim.url}/elsewhere/`)).fetchByIds([natives()[0].passId])).rejects.toThrow(/POST \/workpass\/v1\/passes:batchGet answered 404/);
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
