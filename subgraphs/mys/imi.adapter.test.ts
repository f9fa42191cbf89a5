import { batchEndpoint } from '../kit/adapter.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { idsThroughPages } from '../../sandbox/testing/wholeRegistry.js';
import { imiAdapter } from './imi.adapter.js';
import { imiSimulator } from './sandbox/imi.simulator.js';
import { imiProfile } from './profiles.js';
import type { ImiRecord } from './imi.native.js';

// The example record of subgraphs/mys/README.md, exactly as the Immigration Department sends it.
const EXAMPLE: ImiRecord = {
  passNo: 'PLKS2024JHR0098812',
  passType: 'PLKS',
  sector: 'PEMBUATAN',
  holder: { name: 'AUNG KO KO', passportNo: 'MC123456', nationality: 'MMR', dateOfBirth: '1996-04-22' },
  employer: { name: 'Syarikat Elektronik Jaya Sdn Bhd', ssmNo: '201901012345' },
  occupation: { masco: '8212-02', title: 'Pemasang Elektronik' },
  salaryBand: 'RM1700-2999',
  issueDate: '2024-05-02',
  expiryDate: '2025-05-01',
  status: 'ACTIVE',
};
const EP_I: ImiRecord = { ...EXAMPLE, passNo: 'EPI2024KUL0000001', passType: 'EP-I', sector: null };

const { connect, read, protocolError, unreadable } = registryTestKit('MYS', 'imi');
// Present on this adapter because IMI publishes a change feed; optional in the kit's contract.
const changesSince = (url: string, since: string) => connect(imiAdapter, url, 2000).source.changesSince!(since);

describe('reading an IMI pass', () => {
  it('normalises the published example', () => {
    expect(read(imiAdapter, EXAMPLE)).toMatchObject({
      __typename: 'MysWorkPermit',
      id: 'MYS:PERMIT:PLKS2024JHR0098812',
      country: 'MYS',
      registry: 'imi',
      nativeId: 'PLKS2024JHR0098812',
      holderName: 'AUNG KO KO',
      holderNationality: 'MMR',
      holderDocumentNumber: 'MC123456',
      holderDateOfBirth: '1996-04-22',
      permitClass: 'LOWER_SKILLED',
      nativeType: 'PLKS',
      status: 'ACTIVE',
      nativeStatus: 'ACTIVE',
      validFrom: '2024-05-02',
      validUntil: '2025-05-01',
      employer: { name: 'Syarikat Elektronik Jaya Sdn Bhd', registrationNumber: '201901012345' },
      occupation: { isco: '8212', national: '8212-02', scheme: 'MASCO 2020', title: 'Pemasang Elektronik' },
      sector: 'PEMBUATAN',
      passType: 'PLKS',
      sectorDescription: 'Manufacturing',
      salaryBand: 'RM1700-2999',
      stale: false,
    });
  });

  it.each([
    ['EP-I', 'PROFESSIONAL'],
    ['EP-II', 'PROFESSIONAL'],
    ['RP-T', 'PROFESSIONAL'],
    ['EP-III', 'SKILLED'],
    ['PVP', 'OTHER'],
  ] as const)('classes a %s pass as %s, with no sector', (passType, permitClass) => {
    expect(read(imiAdapter, { ...EP_I, passType })).toMatchObject({ permitClass, nativeType: passType, passType, sector: null, sectorDescription: null });
  });

  it.each([
    ['PEMBINAAN', 'Construction'],
    ['PERLADANGAN', 'Plantation'],
    ['PERTANIAN', 'Agriculture'],
    ['PERKHIDMATAN', 'Services'],
    ['PERLOMBONGAN', 'Mining and quarrying'],
  ] as const)('keeps the PLKS sector %s and describes it as %s', (sector, description) => {
    expect(read(imiAdapter, { ...EXAMPLE, sector })).toMatchObject({ sector, sectorDescription: description, permitClass: 'LOWER_SKILLED' });
  });

  it.each([
    ['PENDING', 'PENDING'],
    ['EXPIRED', 'EXPIRED'],
    ['CANCELLED', 'CANCELLED'],
    ['BLACKLISTED', 'REVOKED'],
  ] as const)('maps status %s to %s and keeps the native word', (native, shared) => {
    expect(read(imiAdapter, { ...EXAMPLE, status: native })).toMatchObject({ status: shared, nativeStatus: native });
  });

  it('refuses what the specification does not allow', () => {
    expect(() => read(imiAdapter, { ...EXAMPLE, passType: 'DP10' as never })).toThrow(/pass PLKS2024JHR0098812: unknown passType "DP10" \(expected one of EP-I, EP-II, RP-T, EP-III, PLKS, PVP\)/);
    expect(() => read(imiAdapter, { ...EXAMPLE, status: 'REVOKED' as never })).toThrow(/unknown status "REVOKED" \(expected one of PENDING, ACTIVE, EXPIRED, CANCELLED, BLACKLISTED\)/);
    expect(() => read(imiAdapter, { ...EXAMPLE, sector: 'PERIKANAN' })).toThrow(/unknown sector "PERIKANAN"/);
    expect(() => read(imiAdapter, { ...EXAMPLE, sector: null })).toThrow(/sector: a PLKS pass must name its sector/);
    expect(() => read(imiAdapter, { ...EP_I, sector: 'PEMBUATAN' })).toThrow(/sector: only PLKS passes have one, got "PEMBUATAN" on EP-I/);
    expect(() => read(imiAdapter, { ...EXAMPLE, holder: { ...EXAMPLE.holder, nationality: 'MYANMAR' } })).toThrow(/holder.nationality: expected an ISO 3166-1 alpha-3 code, got "MYANMAR"/);
    expect(() => read(imiAdapter, { ...EXAMPLE, occupation: { ...EXAMPLE.occupation, masco: 'MC8212' } })).toThrow(/occupation.masco: expected a MASCO 2020 code whose first four digits are the ISCO-08 unit group/);
    expect(() => read(imiAdapter, { ...EXAMPLE, expiryDate: '01/05/2025' })).toThrow(/expiryDate: expected a date as YYYY-MM-DD/);
    expect(() => read(imiAdapter, { ...EXAMPLE, holder: undefined as never })).toThrow(/holder: expected an object/);
    expect(() => read(imiAdapter, { ...EXAMPLE, issueDate: '2024-02-30' })).toThrow(unreadable(EXAMPLE.passNo));
  });
});

describe('imiAdapter against a registry that breaks its specification', () => {
  let registry: FakeRegistry;
  beforeAll(async () => {
    registry = await startFakeRegistry();
  });
  afterAll(() => registry.close());
  const reply = (status: number, body: unknown) => registry.reply(status, body);
  const adapter = () => connect(imiAdapter, registry.url);

  it('refuses a batch answer holding a pass that was not asked for', async () => {
    reply(200, { passes: [EXAMPLE], missing: [] });
    await expect(adapter().fetchByIds(['PLKS2024JHR0000001'])).rejects.toThrow('POST /v2/passes:batchGet returned "PLKS2024JHR0098812", which was not among the 1 numbers asked');
  });

  it('refuses a batch answer that says nothing of a number asked', async () => {
    reply(200, { passes: [EXAMPLE], missing: ['PLKS2024JHR0000001'] });
    await expect(adapter().fetchByIds(['PLKS2024JHR0098812', 'PLKS2024JHR0000001', 'PLKS2024JHR0000002'])).rejects.toThrow(
      'POST /v2/passes:batchGet returned 1 records for 3 numbers and did not list 1 of them as not found',
    );
    reply(200, { passes: [] });
    await expect(adapter().fetchByIds(['PLKS2024JHR0000001'])).rejects.toThrow(/answered 200 without the "passes" and "missing" lists/);
  });

  it('turns 400 and 404 bodies into protocol errors carrying the registry\'s code', async () => {
    reply(400, { error: { code: 'INVALID_ARGUMENT', message: 'passNos: at most 25 pass numbers per request' } });
    await expect(adapter().fetchByIds(['PLKS2024JHR0098812'])).rejects.toMatchObject({ extensions: { code: 'REGISTRY_PROTOCOL_ERROR', country: 'MYS', registry: 'imi', nativeCode: 'INVALID_ARGUMENT' } });
    reply(404, { error: { code: 'NOT_FOUND' } });
    await expect(adapter().findByHolder({ nationality: 'MMR', documentNumber: 'MC123456', dateOfBirth: null })).rejects.toThrow(/GET \/v2\/passes\?passportNo answered 404 \(NOT_FOUND\)/);
    reply(200, '<passes/>');
    await expect(adapter().findByHolder({ nationality: 'MMR', documentNumber: 'MC123456', dateOfBirth: null })).rejects.toThrow(/answered 200 with a body that is not JSON/);
  });

  it('reads the change feed oldest first, and refuses entries that are not changes', async () => {
    reply(200, { changes: [{ passNo: 'B', changedAt: '2026-11-01T10:00:00.000Z' }, { passNo: 'A', changedAt: '2026-11-01T09:00:00+08:00' }] });
    expect(await changesSince(registry.url, '2026-11-01T00:00:00Z')).toEqual([
      { nativeId: 'A', changedAt: '2026-11-01T01:00:00.000Z' },
      { nativeId: 'B', changedAt: '2026-11-01T10:00:00.000Z' },
    ]);
    reply(200, { changes: [{ passNo: 'A', changedAt: 'yesterday' }] });
    await expect(changesSince(registry.url, '2026-11-01T00:00:00Z')).rejects.toThrow(/answered a change that is not/);
    reply(200, { passes: [] });
    await expect(changesSince(registry.url, '2026-11-01T00:00:00Z')).rejects.toThrow(protocolError);
  });
});

describe('imiAdapter against the simulated Immigration Department', () => {
  let sim: TestSimulator;
  const natives = () => sim.simulator.store.all() as ImiRecord[];
  const adapter = () => connect(imiAdapter, sim.url, 2000);

  beforeAll(async () => {
    sim = await startTestSimulator(imiSimulator);
  });
  afterAll(() => sim.close());

  it('fetches up to 25 passes in one call, leaving the missing ones out', async () => {
    await sim.resetStats();
    const known = natives().slice(0, 24);
    const records = await adapter().fetchByIds([...known.map((r) => r.passNo), 'PLKS2099JHR9999999']);
    expect([...records.keys()].sort()).toEqual(known.map((r) => r.passNo).sort());
    expect(records.get(known[0].passNo)).toMatchObject({ holderName: known[0].holder.name, holderDateOfBirth: known[0].holder.dateOfBirth, validFrom: known[0].issueDate, validUntil: known[0].expiryDate, nativeType: known[0].passType, sector: known[0].sector });
    expect((await sim.stats()).routes['POST /v2/passes:batchGet']).toBe(1);
  });

  it('needs ⌈N / 25⌉ batch calls for N passes through the kit', async () => {
    await sim.resetStats();
    const numbers = natives().slice(0, 60).map((r) => r.passNo);
    const loaded = await adapter().loadMany(numbers);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual(numbers);
    expect((await sim.stats()).routes[batchEndpoint(imiProfile)!.route]).toBe(3);
  });

  it('round-trips every generated pass', async () => {
    const numbers = natives().map((r) => r.passNo);
    const loaded = await adapter().loadMany(numbers);
    expect(loaded.filter((r) => r !== null && !(r instanceof Error))).toHaveLength(numbers.length);
  });

  it('finds a foreign worker by passport and nationality, and nobody under another nationality', async () => {
    const native = natives()[0];
    const found = await adapter().findByHolder({ nationality: native.holder.nationality, documentNumber: native.holder.passportNo, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(native.passNo);
    const elsewhere = native.holder.nationality === 'NPL' ? 'BGD' : 'NPL';
    expect(await adapter().findByHolder({ nationality: elsewhere, documentNumber: native.holder.passportNo, dateOfBirth: null })).toEqual([]);
  });

  it('reports the passes changed since an instant from the change feed', async () => {
    const before = new Date().toISOString();
    expect(await changesSince(sim.url, before)).toEqual([]);
    const [first, second] = natives();
    await sim.upsert([{ ...first, status: 'CANCELLED' }]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const between = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await sim.upsert([{ ...second, status: 'BLACKLISTED' }]);
    const changes = await changesSince(sim.url, before);
    expect(changes.map((c) => c.nativeId)).toEqual([first.passNo, second.passNo]);
    expect(changes.every((c) => c.changedAt > before)).toBe(true);
    expect((await changesSince(sim.url, between)).map((c) => c.nativeId)).toEqual([second.passNo]);
    expect((await adapter().fetchByIds([second.passNo])).get(second.passNo)).toMatchObject({ status: 'REVOKED', nativeStatus: 'BLACKLISTED' });
  });

  it('refuses a record the registry holds in a form the specification does not allow', async () => {
    await sim.upsert([{ ...EP_I, passNo: 'EPI2024KUL0099998', sector: 'PEMBUATAN' }]);
    await expect(adapter().fetchByIds(['EPI2024KUL0099998'])).rejects.toThrow(/pass EPI2024KUL0099998: sector: only PLKS passes have one/);
  });

  it('loses only the unreadable pass: the rest of the batch and of the holder\'s answer is served', async () => {
    const good = natives()[1];
    const bad = { ...good, passNo: 'PLKS2024JHR0099997', status: 'REVOKED' as never };
    await sim.upsert([bad]);
    const [record, error] = await adapter().loadMany([good.passNo, bad.passNo]);
    expect(record).toMatchObject({ nativeId: good.passNo });
    expect(error).toEqual(unreadable(bad.passNo));
    const holder = await adapter().source.findByHolder({ nationality: good.holder.nationality, documentNumber: good.holder.passportNo, dateOfBirth: null });
    expect(holder.records.map((r) => r.nativeId)).toContain(good.passNo);
    expect(holder.unreadable).toEqual([unreadable(bad.passNo)]);
  });

  it('asks the registry for any number, whatever its shape', async () => {
    expect((await adapter().fetchByIds(['ep-i 2024/ä'])).size).toBe(0);
  });

  it('reads the whole registry page by page through its search, every pass once', async () => {
    expect((await idsThroughPages(adapter().source)).sort()).toEqual(natives().map((r) => r.passNo).sort());
  });
});

describeRegistryFaults({
  country: 'MYS',
  simulator: imiSimulator,
  adapter: imiAdapter,
  route: 'POST /v2/passes:batchGet',
  call: (adapter, records) => adapter.fetchByIds([records[0].passNo]),
});
