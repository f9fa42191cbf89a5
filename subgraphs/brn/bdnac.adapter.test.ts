import { batchEndpoint } from '../kit/adapter.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { idsThroughPages } from '../../sandbox/testing/wholeRegistry.js';
import { bdnacAdapter } from './bdnac.adapter.js';
import { bdnacSimulator } from './sandbox/bdnac.simulator.js';
import { bdnacProfile } from './profiles.js';
import type { BdnacRecord } from './bdnac.native.js';

// The example record of subgraphs/brn/README.md, exactly as BDNAC sends it.
const EXAMPLE: BdnacRecord = {
  noSijil: 'BDQF-3-2024-000233',
  nama: 'MOHAMMAD RIZAL BIN HAJI OSMAN',
  noIC: '01-234567',
  warnaIC: 'KUNING',
  noPasport: null,
  warganegara: 'BRN',
  tarikhLahir: '1999-09-09',
  kelayakan: 'National Technical Education Certificate in Welding',
  tahapBDQF: 3,
  bidang: 'KEJURUTERAAN',
  kodISCO: '7212',
  institusi: 'IBTE Jefri Bolkiah Campus',
  tarikhKeluar: '2024-01-20',
  status: 'SAH',
};

const { connect, read, protocolError, registryError, unreadable } = registryTestKit('BRN', 'bdnac');

describe('reading a BDNAC certificate', () => {
  it('normalises the published example', () => {
    const record = read(bdnacAdapter, EXAMPLE);
    expect(record).toMatchObject({
      __typename: 'BrnCertification',
      id: 'BRN:CERT:BDQF-3-2024-000233',
      country: 'BRN',
      registry: 'bdnac',
      nativeId: 'BDQF-3-2024-000233',
      holderName: 'MOHAMMAD RIZAL BIN HAJI OSMAN',
      holderNationality: 'BRN',
      holderDocumentNumber: null,
      holderDateOfBirth: '1999-09-09',
      title: 'National Technical Education Certificate in Welding',
      qualificationCode: null,
      nationalLevel: '3',
      aqrfLevel: 3,
      aqrfBasis: 'INDICATIVE',
      occupation: { isco: '7212', national: '7212', scheme: 'ISCO-08', title: null },
      issuer: { name: 'IBTE Jefri Bolkiah Campus', registrationNumber: null },
      issuedOn: '2024-01-20',
      validUntil: null,
      status: 'VALID',
      nativeStatus: 'SAH',
      bdqfLevel: 3,
      fieldOfStudy: 'KEJURUTERAAN',
      identityCardColour: 'KUNING',
      residency: 'citizen',
      stale: false,
    });
    expect(record.aqrfDerivation).toMatch(/^Indicative only: BDQF level N read as AQRF level N/);
    // The identity card number is an identity number, not part of the contract.
    expect(JSON.stringify(record)).not.toContain('01-234567');
  });

  it('keeps a certificate VALID however old it is, since BDNAC certificates do not expire', () => {
    expect(read(bdnacAdapter, { ...EXAMPLE, tarikhKeluar: '2001-03-15' })).toMatchObject({ status: 'VALID', validUntil: null, issuedOn: '2001-03-15' });
  });

  it('maps a withdrawn certificate (BATAL) to REVOKED and keeps the native word', () => {
    expect(read(bdnacAdapter, { ...EXAMPLE, status: 'BATAL' })).toMatchObject({ status: 'REVOKED', nativeStatus: 'BATAL' });
  });

  it.each([
    ['KUNING', 'citizen'],
    ['UNGU', 'permanent resident'],
    ['HIJAU', 'foreign resident'],
  ] as const)('reads identity card colour %s as %s', (warnaIC, residency) => {
    expect(read(bdnacAdapter, { ...EXAMPLE, warnaIC })).toMatchObject({ identityCardColour: warnaIC, residency });
  });

  it('carries a foreign holder\'s passport and nationality', () => {
    const foreign = { ...EXAMPLE, nama: 'RAHMAT HIDAYAT', noIC: '51-012345', warnaIC: 'HIJAU', noPasport: 'c 7654321', warganegara: 'IDN' } as const;
    expect(read(bdnacAdapter, foreign)).toMatchObject({ holderNationality: 'IDN', holderDocumentNumber: 'C7654321', residency: 'foreign resident' });
  });

  it.each([1, 5, 8])('reads BDQF level %i as indicative AQRF level %i', (level) => {
    expect(read(bdnacAdapter, { ...EXAMPLE, tahapBDQF: level })).toMatchObject({ nationalLevel: String(level), aqrfLevel: level, aqrfBasis: 'INDICATIVE', bdqfLevel: level });
  });

  it('refuses what the specification does not allow', () => {
    expect(() => read(bdnacAdapter, { ...EXAMPLE, status: 'TAMAT' as never })).toThrow(/certificate BDQF-3-2024-000233: unknown status "TAMAT" \(expected one of SAH, BATAL\)/);
    expect(() => read(bdnacAdapter, { ...EXAMPLE, warnaIC: 'MERAH' as never })).toThrow(/unknown warnaIC "MERAH" \(expected one of KUNING, UNGU, HIJAU\)/);
    expect(() => read(bdnacAdapter, { ...EXAMPLE, tahapBDQF: 9 })).toThrow(/tahapBDQF: expected a BDQF level 1-8, got 9/);
    expect(() => read(bdnacAdapter, { ...EXAMPLE, warganegara: 'Brunei' })).toThrow(/warganegara: expected an ISO 3166-1 alpha-3 code, got "Brunei"/);
    expect(() => read(bdnacAdapter, { ...EXAMPLE, noIC: '01234567' })).toThrow(/noIC: expected a Brunei identity card number NN-NNNNNN/);
    expect(() => read(bdnacAdapter, { ...EXAMPLE, tarikhKeluar: '20-01-2024' })).toThrow(/tarikhKeluar: expected a date as YYYY-MM-DD, got "20-01-2024"/);
    expect(() => read(bdnacAdapter, { ...EXAMPLE, kodISCO: '72A1' })).toThrow(unreadable(EXAMPLE.noSijil));
  });

  it('keeps an ISCO-08 code of any level, the contract\'s unit group only when it is one', () => {
    expect(read(bdnacAdapter, { ...EXAMPLE, kodISCO: '721' }).occupation).toEqual({ isco: null, national: '721', scheme: 'ISCO-08', title: null });
  });
});

describe('bdnacAdapter against a registry that breaks its specification', () => {
  let fake: FakeRegistry;
  const adapter = () => connect(bdnacAdapter, fake.url);
  beforeAll(async () => {
    fake = await startFakeRegistry();
  });
  afterAll(() => fake.close());

  it('refuses a batch answer holding a certificate that was not asked for', async () => {
    fake.reply(200, { rekod: [EXAMPLE] });
    await expect(adapter().fetchByIds(['BDQF-1-2024-000001'])).rejects.toThrow(/POST \/bdnac\/api\/sijil\/kelompok returned "BDQF-3-2024-000233", which was not among the 1 numbers asked/);
    await expect(adapter().fetchByIds(['BDQF-1-2024-000001'])).rejects.toThrow(protocolError);
  });

  it('refuses a 200 without a rekod list', async () => {
    fake.reply(200, { records: [EXAMPLE] });
    await expect(adapter().fetchByIds([EXAMPLE.noSijil])).rejects.toThrow(/answered 200 without a rekod list/);
  });

  it('turns a 400 into a protocol error that keeps the registry\'s mesej', async () => {
    fake.reply(400, { mesej: 'noSijil: paling banyak 50 nombor setiap permintaan' });
    const error = await adapter().fetchByIds([EXAMPLE.noSijil]).catch((e: unknown) => e);
    expect(error).toEqual(registryError('REGISTRY_PROTOCOL_ERROR', { httpStatus: 400 }));
    expect((error as Error).message).toContain('POST /bdnac/api/sijil/kelompok answered 400: {"mesej":"noSijil: paling banyak 50 nombor setiap permintaan"}');
  });

  it('turns a 404 {"mesej":"Tiada rekod"} on the search into a protocol error: the search answers 200 with an empty list', async () => {
    fake.reply(404, { mesej: 'Tiada rekod' });
    await expect(adapter().findByHolder({ nationality: 'IDN', documentNumber: 'C7654321', dateOfBirth: null })).rejects.toThrow(/GET \/bdnac\/api\/sijil\?noPasport answered 404: \{"mesej":"Tiada rekod"\}/);
  });

  it('refuses a body that is not JSON', async () => {
    fake.reply(200, '<rekod/>');
    await expect(adapter().fetchByIds([EXAMPLE.noSijil])).rejects.toThrow(protocolError);
  });
});

describe('bdnacAdapter against the simulated BDNAC', () => {
  let sim: TestSimulator;
  const adapter = () => connect(bdnacAdapter, sim.url, 2000);
  const natives = () => sim.simulator.store.all() as BdnacRecord[];

  beforeAll(async () => {
    sim = await startTestSimulator(bdnacSimulator);
  });
  afterAll(() => sim.close());

  it('fetches certificates in one batch call and leaves unknown numbers out', async () => {
    await sim.resetStats();
    const known = natives().slice(0, 49);
    const records = await adapter().fetchByIds([...known.map((r) => r.noSijil), 'BDQF-1-2099-999999']);
    expect([...records.keys()].sort()).toEqual(known.map((r) => r.noSijil).sort());
    const first = records.get(known[0].noSijil)!;
    expect(first).toMatchObject({ holderName: known[0].nama, holderNationality: known[0].warganegara, holderDateOfBirth: known[0].tarikhLahir, issuedOn: known[0].tarikhKeluar, nationalLevel: String(known[0].tahapBDQF), nativeStatus: known[0].status, identityCardColour: known[0].warnaIC });
    expect((await sim.stats()).routes['POST /bdnac/api/sijil/kelompok']).toBe(1);
  });

  it('needs ⌈N / 50⌉ batch calls for N certificates through the kit', async () => {
    await sim.resetStats();
    const numbers = natives().map((r) => r.noSijil);
    expect(numbers.length).toBeGreaterThan(50);
    const loaded = await adapter().loadMany(numbers);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual(numbers);
    expect((await sim.stats()).routes[batchEndpoint(bdnacProfile)!.route]).toBe(Math.ceil(numbers.length / 50));
  });

  it('finds a foreign holder by passport and nationality, and nobody under another nationality', async () => {
    const holder = natives().find((r) => r.warganegara !== 'BRN')!;
    const found = await adapter().findByHolder({ nationality: holder.warganegara, documentNumber: holder.noPasport!, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(holder.noSijil);
    expect(found.every((r) => r.holderDocumentNumber === holder.noPasport && r.holderNationality === holder.warganegara && (r as unknown as { residency: string }).residency === 'foreign resident')).toBe(true);
    expect(await adapter().findByHolder({ nationality: holder.warganegara === 'PHL' ? 'IDN' : 'PHL', documentNumber: holder.noPasport!, dateOfBirth: null })).toEqual([]);
  });

  it('refuses a record the registry holds in a form the specification does not allow', async () => {
    await sim.upsert([{ ...EXAMPLE, noSijil: 'BDQF-3-2024-999998', tarikhLahir: '09/09/1999' }]);
    await expect(adapter().fetchByIds(['BDQF-3-2024-999998'])).rejects.toThrow(/certificate BDQF-3-2024-999998: tarikhLahir: expected a date as YYYY-MM-DD/);
    await expect(adapter().fetchByIds(['BDQF-3-2024-999998'])).rejects.toEqual(unreadable('BDQF-3-2024-999998'));
  });

  it('loses only the unreadable certificate: the rest of the batch and of the holder\'s answer is served', async () => {
    const good = natives().find((r) => r.warganegara !== 'BRN')!;
    const bad = { ...good, noSijil: 'BDQF-3-2024-999997', tahapBDQF: 9 };
    await sim.upsert([bad]);
    const [record, error] = await adapter().loadMany([good.noSijil, bad.noSijil]);
    expect(record).toMatchObject({ nativeId: good.noSijil });
    expect(error).toEqual(unreadable(bad.noSijil));
    const holder = await adapter().source.findByHolder({ nationality: good.warganegara, documentNumber: good.noPasport!, dateOfBirth: null });
    expect(holder.records.map((r) => r.nativeId)).toContain(good.noSijil);
    expect(holder.unreadable).toEqual([unreadable(bad.noSijil)]);
  });

  it('asks the registry for any number, whatever its shape', async () => {
    expect((await adapter().fetchByIds(['LPA/2025/0456/1'])).size).toBe(0);
  });

  it('reads the whole registry page by page through its search, every certificate once', async () => {
    expect((await idsThroughPages(adapter().source)).sort()).toEqual(natives().map((r) => r.noSijil).sort());
  });
});

describeRegistryFaults({
  country: 'BRN',
  simulator: bdnacSimulator,
  adapter: bdnacAdapter,
  route: batchEndpoint(bdnacProfile)!.route,
  call: (adapter, records) => adapter.fetchByIds([records[0].noSijil]),
});
