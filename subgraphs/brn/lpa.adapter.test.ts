import { batchEndpoint } from '../kit/adapter.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacySource } from '../kit/registrySource.js';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { lpaAdapter, lpaToContract } from './lpa.adapter.js';
import { lpaSimulator } from './sandbox/lpa.simulator.js';
import { lpaProfile } from './profiles.js';
import { permitIdOf, type LpaLicence, type LpaStatus, type LpaWorkerLine } from './lpa.native.js';

// The example licence of subgraphs/brn/README.md, exactly as the Department of Labour sends it.
const EXAMPLE: LpaLicence = {
  noLesen: 'LPA/2025/0456',
  majikan: { nama: 'Syarikat Binaan Maju Sdn Bhd', noPendaftaran: 'RC/00012345' },
  sektor: 'PEMBINAAN',
  tarikhKeluar: '2025-02-10',
  tarikhTamat: '2027-02-09',
  statusLesen: 'AKTIF',
  pekerja: [
    { baris: 1, nama: 'RAHMAT HIDAYAT', noPasport: 'C7654321', warganegara: 'IDN',
      tarikhLahir: '1993-03-03', jawatan: 'Tukang Besi', kodISCO: '7214',
      noICHijau: '51-012345', mula: '2025-03-01', tamat: '2027-02-09', status: 'AKTIF' },
  ],
};
const LINE = EXAMPLE.pekerja[0];
const withLine = (line: Partial<LpaWorkerLine>, licence: Partial<LpaLicence> = {}): LpaLicence => ({ ...EXAMPLE, ...licence, pekerja: [{ ...LINE, ...line }] });
const SECOND: LpaWorkerLine = { ...LINE, baris: 2, nama: 'JUAN DELA CRUZ', noPasport: 'P1234567A', warganegara: 'PHL', tarikhLahir: '1990-01-01', jawatan: 'Jurutera Awam', kodISCO: '2142', noICHijau: '50-765432' };

const { clientFor, offline, protocolError, registryError } = registryTestKit('BRN', 'lpa');

describe('lpaToContract', () => {
  it('normalises the published example: the worker line is the permit', () => {
    const [record] = lpaToContract(EXAMPLE, offline);
    expect(record).toMatchObject({
      __typename: 'BrnWorkPermit',
      id: 'BRN:PERMIT:LPA/2025/0456/1',
      country: 'BRN',
      registry: 'lpa',
      nativeId: 'LPA/2025/0456/1',
      holderName: 'RAHMAT HIDAYAT',
      holderNationality: 'IDN',
      holderDocumentNumber: 'C7654321',
      holderDateOfBirth: '1993-03-03',
      permitClass: 'LOWER_SKILLED',
      nativeType: 'LPA',
      status: 'ACTIVE',
      nativeStatus: 'AKTIF',
      validFrom: '2025-03-01',
      validUntil: '2027-02-09',
      employer: { name: 'Syarikat Binaan Maju Sdn Bhd', registrationNumber: 'RC/00012345' },
      occupation: { isco: '7214', national: '7214', scheme: 'ISCO-08', title: 'Tukang Besi' },
      sector: 'PEMBINAAN',
      licenceNumber: 'LPA/2025/0456',
      lineNumber: 1,
      licenceStatus: 'AKTIF',
      licenceValidFrom: '2025-02-10',
      licenceValidUntil: '2027-02-09',
      stale: false,
    });
    expect(record.permitClassDerivation).toBe('LOWER_SKILLED from ISCO-08 major group 7 of the post (7214); the licence names no permit type.');
    // The green identity card number is an identity number, not part of the contract.
    expect(JSON.stringify(record)).not.toContain('51-012345');
  });

  it('makes one permit of every line of a licence, each with its own holder and dates', () => {
    const records = lpaToContract({ ...EXAMPLE, pekerja: [LINE, { ...SECOND, mula: '2025-06-01', status: 'DIPROSES' }] }, offline);
    expect(records.map((r) => [r.nativeId, r.holderName, r.validFrom, r.status, r.permitClass])).toEqual([
      ['LPA/2025/0456/1', 'RAHMAT HIDAYAT', '2025-03-01', 'ACTIVE', 'LOWER_SKILLED'],
      ['LPA/2025/0456/2', 'JUAN DELA CRUZ', '2025-06-01', 'PENDING', 'PROFESSIONAL'],
    ]);
    expect(records.every((r) => r.employer!.name === 'Syarikat Binaan Maju Sdn Bhd' && r.licenceNumber === 'LPA/2025/0456')).toBe(true);
  });

  it.each([
    ['DIPROSES', 'PENDING'],
    ['AKTIF', 'ACTIVE'],
    ['TAMAT', 'EXPIRED'],
    ['DIBATALKAN', 'CANCELLED'],
  ] as const)('on an AKTIF licence, maps line status %s to %s and keeps the native word', (status, shared) => {
    expect(lpaToContract(withLine({ status }), offline)[0]).toMatchObject({ status: shared, nativeStatus: status, licenceStatus: 'AKTIF' });
  });

  // A licence that is not AKTIF makes every line on it inactive; a line already closed keeps its own end.
  it.each([
    ['DIPROSES', 'AKTIF', 'PENDING'],
    ['DIPROSES', 'DIPROSES', 'PENDING'],
    ['TAMAT', 'AKTIF', 'EXPIRED'],
    ['TAMAT', 'DIPROSES', 'EXPIRED'],
    ['TAMAT', 'DIBATALKAN', 'CANCELLED'],
    ['DIBATALKAN', 'AKTIF', 'CANCELLED'],
    ['DIBATALKAN', 'DIPROSES', 'CANCELLED'],
    ['DIBATALKAN', 'TAMAT', 'EXPIRED'],
  ] as const)('on a %s licence, reads an %s line as %s', (statusLesen, status, shared) => {
    expect(lpaToContract(withLine({ status }, { statusLesen }), offline)[0]).toMatchObject({ status: shared, nativeStatus: status, licenceStatus: statusLesen });
  });

  it.each([
    ['1321', 'PROFESSIONAL'],
    ['2142', 'PROFESSIONAL'],
    ['3122', 'SKILLED'],
    ['5120', 'LOWER_SKILLED'],
    ['9313', 'LOWER_SKILLED'],
    ['0110', 'OTHER'],
  ] as const)('classes a post coded %s as %s', (kodISCO, permitClass) => {
    expect(lpaToContract(withLine({ kodISCO }), offline)[0]).toMatchObject({ permitClass, nativeType: 'LPA' });
  });

  it('refuses what the specification does not allow', () => {
    expect(() => lpaToContract(withLine({ status: 'GANTUNG' as LpaStatus }), offline)).toThrow(/permit LPA\/2025\/0456\/1: unknown status "GANTUNG" \(expected one of DIPROSES, AKTIF, TAMAT, DIBATALKAN\)/);
    expect(() => lpaToContract(withLine({}, { statusLesen: 'BATAL' as LpaStatus }), offline)).toThrow(/licence LPA\/2025\/0456: unknown statusLesen "BATAL" \(expected one of AKTIF, DIPROSES, TAMAT, DIBATALKAN\)/);
    expect(() => lpaToContract(withLine({ warganegara: 'INDONESIA' }), offline)).toThrow(/warganegara: expected an ISO 3166-1 alpha-3 code, got "INDONESIA"/);
    expect(() => lpaToContract(withLine({ noICHijau: '51012345' }), offline)).toThrow(/noICHijau: expected a Brunei identity card number NN-NNNNNN/);
    expect(() => lpaToContract(withLine({ mula: '01/03/2025' }), offline)).toThrow(/permit LPA\/2025\/0456\/1: mula: expected a date as YYYY-MM-DD/);
    expect(() => lpaToContract(withLine({}, { tarikhTamat: '2027-02-30' }), offline)).toThrow(/licence LPA\/2025\/0456: tarikhTamat: expected a date as YYYY-MM-DD/);
    expect(() => lpaToContract(withLine({ baris: 0 }), offline)).toThrow(/baris: expected a line number from 1, got 0/);
    expect(() => lpaToContract({ ...EXAMPLE, pekerja: [LINE, { ...SECOND, baris: 1 }] }, offline)).toThrow(/baris 1 appears twice, so it cannot identify a worker/);
    expect(() => lpaToContract({ ...EXAMPLE, noLesen: 'LPA-2025-0456' }, offline)).toThrow(/noLesen: expected a licence number like "LPA\/2025\/0456"/);
    expect(() => lpaToContract(withLine({ kodISCO: '72' }), offline)).toThrow(protocolError);
  });

  it('recognises permit ids (licence number / line number) only', () => {
    const adapter = lpaAdapter(offline);
    expect(adapter.isNativeId('LPA/2025/0456/1')).toBe(true);
    expect(adapter.isNativeId('LPA/2025/0456/12')).toBe(true);
    expect(adapter.isNativeId('LPA/2025/0456')).toBe(false);
    expect(adapter.isNativeId('LPA/2025/0456/0')).toBe(false);
    expect(adapter.isNativeId('BDQF-3-2024-000233')).toBe(false);
    expect(permitIdOf('LPA/2025/0456', 3)).toBe('LPA/2025/0456/3');
  });

  it('refuses more than twenty permit ids, and ids that are not permit ids, before calling', async () => {
    const ids = Array.from({ length: 21 }, (_, i) => `LPA/2025/${String(i).padStart(4, '0')}/1`);
    await expect(lpaAdapter(offline).fetchByIds(ids)).rejects.toThrow('LPA batch takes at most 20 licences; fetchByIds takes at most 20 permit ids, got 21');
    await expect(lpaAdapter(offline).fetchByIds(['LPA/2025/0456'])).rejects.toThrow('expected an LPA permit id like "LPA/2025/0456/1" (licence number / line number), got "LPA/2025/0456"');
  });
});

describe('lpaAdapter against a registry that breaks its specification', () => {
  let fake: FakeRegistry;
  const adapter = () => lpaAdapter(clientFor(fake.url));
  beforeAll(async () => {
    fake = await startFakeRegistry();
  });
  afterAll(() => fake.close());

  it('refuses a batch answer holding a licence that was not asked for', async () => {
    fake.reply(200, { lesen: [EXAMPLE] });
    await expect(adapter().fetchByIds(['LPA/2024/0001/1'])).rejects.toThrow(/POST \/lpa\/api\/lesen\/kelompok returned "LPA\/2025\/0456", which was not among the 1 numbers asked/);
    await expect(adapter().fetchByIds(['LPA/2024/0001/1'])).rejects.toThrow(protocolError);
  });

  it('refuses a worker search answering a licence that does not list the worker', async () => {
    fake.reply(200, { lesen: [EXAMPLE] });
    await expect(adapter().findByHolder({ nationality: 'PHL', documentNumber: 'P1234567A', dateOfBirth: null })).rejects.toThrow(/GET \/lpa\/api\/pekerja listed licence LPA\/2025\/0456, which has no line for the worker asked about/);
  });

  it('refuses a 200 without a lesen list', async () => {
    fake.reply(200, { rekod: [EXAMPLE] });
    await expect(adapter().fetchByIds(['LPA/2025/0456/1'])).rejects.toThrow(/answered 200 without a lesen list/);
  });

  it('turns 400 and 404 answers into protocol errors that keep the registry\'s mesej', async () => {
    fake.reply(400, { mesej: 'noLesen: paling banyak 20 lesen setiap permintaan' });
    await expect(adapter().fetchByIds(['LPA/2025/0456/1'])).rejects.toThrow('answered 400: {"mesej":"noLesen: paling banyak 20 lesen setiap permintaan"}');
    await expect(adapter().fetchByIds(['LPA/2025/0456/1'])).rejects.toEqual(registryError('REGISTRY_PROTOCOL_ERROR', { httpStatus: 400 }));
    fake.reply(404, { mesej: 'Tiada rekod' });
    await expect(adapter().findByHolder({ nationality: 'IDN', documentNumber: 'C7654321', dateOfBirth: null })).rejects.toThrow('answered 404: {"mesej":"Tiada rekod"}');
    await expect(adapter().findByHolder({ nationality: 'IDN', documentNumber: 'C7654321', dateOfBirth: null })).rejects.toEqual(registryError('REGISTRY_PROTOCOL_ERROR', { httpStatus: 404 }));
  });
});

describe('lpaAdapter against the simulated Department of Labour', () => {
  let sim: TestSimulator;
  const adapter = () => lpaAdapter(clientFor(sim.url, 2000));
  const licences = () => sim.simulator.store.all() as LpaLicence[];
  const permitIds = () => licences().flatMap((l) => l.pekerja.map((w) => permitIdOf(l.noLesen, w.baris)));

  beforeAll(async () => {
    sim = await startTestSimulator(lpaSimulator);
  });
  afterAll(() => sim.close());

  it('fetches the lines asked for from their licences in one batch call, and nothing for unknown lines or licences', async () => {
    await sim.resetStats();
    const crowded = licences().find((l) => l.pekerja.length >= 3)!;
    const single = licences().find((l) => l.pekerja.length === 1)!;
    const asked = [permitIdOf(crowded.noLesen, 1), permitIdOf(crowded.noLesen, 3), permitIdOf(single.noLesen, 1)];
    const found = await adapter().fetchByIds([...asked, permitIdOf(crowded.noLesen, 99), 'LPA/2099/9999/1']);
    expect([...found.keys()].sort()).toEqual([...asked].sort());
    const third = crowded.pekerja[2];
    expect(found.get(asked[1])).toMatchObject({ holderName: third.nama, holderNationality: third.warganegara, holderDateOfBirth: third.tarikhLahir, validFrom: third.mula, validUntil: third.tamat, nativeStatus: third.status, licenceNumber: crowded.noLesen, lineNumber: 3, sector: crowded.sektor });
    expect((await sim.stats()).routes['POST /lpa/api/lesen/kelompok']).toBe(1);
  });

  it('round-trips every generated permit in ⌈N / 20⌉ batch calls through the kit', async () => {
    await sim.resetStats();
    const ids = permitIds();
    const loaded = await legacySource('BRN', adapter()).loadMany(ids);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual(ids);
    expect((await sim.stats()).routes[batchEndpoint(lpaProfile)!.route]).toBe(Math.ceil(ids.length / 20));
  });

  it('finds a worker\'s own lines by passport and nationality, never the other workers on the licence', async () => {
    const crowded = licences().find((l) => l.pekerja.length >= 3)!;
    const worker = crowded.pekerja[1];
    const found = await adapter().findByHolder({ nationality: worker.warganegara, documentNumber: worker.noPasport, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(permitIdOf(crowded.noLesen, 2));
    expect(found.every((r) => r.holderDocumentNumber === worker.noPasport && r.holderName === worker.nama)).toBe(true);
    const elsewhere = worker.warganegara === 'PHL' ? 'IDN' : 'PHL';
    expect(await adapter().findByHolder({ nationality: elsewhere, documentNumber: worker.noPasport, dateOfBirth: null })).toEqual([]);
  });

  it('reads the lines of a licence the department has cancelled as cancelled', async () => {
    await sim.upsert([{ ...EXAMPLE, noLesen: 'LPA/2025/9998', statusLesen: 'DIBATALKAN', pekerja: [LINE, SECOND] }]);
    const found = await adapter().fetchByIds(['LPA/2025/9998/1', 'LPA/2025/9998/2']);
    expect([...found.values()].map((r) => [r.status, r.nativeStatus, r.licenceStatus])).toEqual([
      ['CANCELLED', 'AKTIF', 'DIBATALKAN'],
      ['CANCELLED', 'AKTIF', 'DIBATALKAN'],
    ]);
  });
});

describeRegistryFaults({
  country: 'BRN',
  simulator: lpaSimulator,
  adapter: lpaAdapter,
  route: batchEndpoint(lpaProfile)!.route,
  call: (adapter, licences) => adapter.fetchByIds([permitIdOf(licences[0].noLesen, licences[0].pekerja[0].baris)]),
});
