import { batchEndpoint } from '../kit/adapter.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeRecordReader } from '../kit/registrySource.js';
import type { ContractRecord } from '../kit/records.js';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { idsThroughPages } from '../../sandbox/testing/wholeRegistry.js';
import { lpaAdapter } from './lpa.adapter.js';
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

const { connect, read, offline, protocolError, registryError, unreadable } = registryTestKit('BRN', 'lpa');
/** Every permit one licence answers for, read as the kit reads it: a record, or that line's own error. */
const lines = (licence: LpaLicence) => nativeRecordReader('BRN', lpaAdapter, offline)(licence).map((r) => ('record' in r ? r.record : r.error));
const records = (licence: LpaLicence) => lines(licence) as Array<ContractRecord & Record<string, unknown>>;

describe('reading an LPA licence', () => {
  it('normalises the published example: the worker line is the permit', () => {
    const record = read(lpaAdapter, EXAMPLE);
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
    const permits = records({ ...EXAMPLE, pekerja: [LINE, { ...SECOND, mula: '2025-06-01', status: 'DIPROSES' }] });
    expect(permits.map((r) => [r.nativeId, r.holderName, r.validFrom, r.status, r.permitClass])).toEqual([
      ['LPA/2025/0456/1', 'RAHMAT HIDAYAT', '2025-03-01', 'ACTIVE', 'LOWER_SKILLED'],
      ['LPA/2025/0456/2', 'JUAN DELA CRUZ', '2025-06-01', 'PENDING', 'PROFESSIONAL'],
    ]);
    expect(permits.every((r) => (r.employer as { name: string }).name === 'Syarikat Binaan Maju Sdn Bhd' && r.licenceNumber === 'LPA/2025/0456')).toBe(true);
  });

  it.each([
    ['DIPROSES', 'PENDING'],
    ['AKTIF', 'ACTIVE'],
    ['TAMAT', 'EXPIRED'],
    ['DIBATALKAN', 'CANCELLED'],
  ] as const)('on an AKTIF licence, maps line status %s to %s and keeps the native word', (status, shared) => {
    expect(read(lpaAdapter, withLine({ status }))).toMatchObject({ status: shared, nativeStatus: status, licenceStatus: 'AKTIF' });
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
    expect(read(lpaAdapter, withLine({ status }, { statusLesen }))).toMatchObject({ status: shared, nativeStatus: status, licenceStatus: statusLesen });
  });

  it.each([
    ['1321', 'PROFESSIONAL'],
    ['2142', 'PROFESSIONAL'],
    ['3122', 'SKILLED'],
    ['5120', 'LOWER_SKILLED'],
    ['9313', 'LOWER_SKILLED'],
    ['0110', 'OTHER'],
  ] as const)('classes a post coded %s as %s', (kodISCO, permitClass) => {
    expect(read(lpaAdapter, withLine({ kodISCO }))).toMatchObject({ permitClass, nativeType: 'LPA' });
  });

  it('refuses what the specification does not allow', () => {
    expect(() => read(lpaAdapter, withLine({ status: 'GANTUNG' as LpaStatus }))).toThrow(/permit LPA\/2025\/0456\/1: unknown status "GANTUNG" \(expected one of DIPROSES, AKTIF, TAMAT, DIBATALKAN\)/);
    expect(() => read(lpaAdapter, withLine({}, { statusLesen: 'BATAL' as LpaStatus }))).toThrow(/licence LPA\/2025\/0456: unknown statusLesen "BATAL" \(expected one of AKTIF, DIPROSES, TAMAT, DIBATALKAN\)/);
    expect(() => read(lpaAdapter, withLine({ warganegara: 'INDONESIA' }))).toThrow(/warganegara: expected an ISO 3166-1 alpha-3 code, got "INDONESIA"/);
    expect(() => read(lpaAdapter, withLine({ noICHijau: '51012345' }))).toThrow(/noICHijau: expected a Brunei identity card number NN-NNNNNN/);
    expect(() => read(lpaAdapter, withLine({ mula: '01/03/2025' }))).toThrow(/permit LPA\/2025\/0456\/1: mula: expected a date as YYYY-MM-DD/);
    expect(() => read(lpaAdapter, withLine({}, { tarikhTamat: '2027-02-30' }))).toThrow(/licence LPA\/2025\/0456: tarikhTamat: expected a date as YYYY-MM-DD/);
    expect(() => read(lpaAdapter, withLine({ baris: 1.5 }))).toThrow(/baris: expected a line number, got 1.5/);
    expect(lines({ ...EXAMPLE, pekerja: [LINE, { ...SECOND, baris: 1 }] })).toEqual([unreadable('LPA/2025/0456/1'), unreadable('LPA/2025/0456/1')]);
    expect(() => read(lpaAdapter, { ...EXAMPLE, pekerja: [LINE, { ...SECOND, baris: 1 }] })).toThrow(/baris 1 appears more than once on the licence, so it cannot identify a worker/);
    expect(() => read(lpaAdapter, withLine({ kodISCO: '72A' }))).toThrow(unreadable('LPA/2025/0456/1'));
    // The specification states no range for line numbers, nor a length for kodISCO beyond ISCO-08's own.
    expect(read(lpaAdapter, withLine({ baris: 0 })).nativeId).toBe('LPA/2025/0456/0');
    expect(read(lpaAdapter, withLine({ kodISCO: '72' }))).toMatchObject({ permitClass: 'LOWER_SKILLED', occupation: { isco: null, national: '72' } });
  });

  it('loses only the line that cannot be read; a licence that cannot be read loses all its lines', () => {
    const [first, second] = lines({ ...EXAMPLE, pekerja: [LINE, { ...SECOND, warganegara: 'FILIPINA' }] });
    expect(first).toMatchObject({ nativeId: 'LPA/2025/0456/1', holderName: 'RAHMAT HIDAYAT' });
    expect(second).toEqual(unreadable('LPA/2025/0456/2'));
    expect(lines({ ...EXAMPLE, statusLesen: 'BATAL' as LpaStatus, pekerja: [LINE, SECOND] })).toEqual([unreadable('LPA/2025/0456/1'), unreadable('LPA/2025/0456/2')]);
  });

  it('takes licence numbers as the registry writes them, whatever their shape', () => {
    expect(read(lpaAdapter, { ...EXAMPLE, noLesen: 'LPA-2025-0456' }).nativeId).toBe('LPA-2025-0456/1');
  });

  it('writes a permit id as licence number / line number, and asks nothing for a number that names no line', async () => {
    expect(permitIdOf('LPA/2025/0456', 3)).toBe('LPA/2025/0456/3');
    // The offline client would fail with REGISTRY_UNAVAILABLE if the adapter made a call.
    expect((await connect(lpaAdapter, 'http://127.0.0.1:9').fetchByIds(['LPA/2025/0456', 'LPA/2025/0456/x'])).size).toBe(0);
  });
});

describe('lpaAdapter against a registry that breaks its specification', () => {
  let fake: FakeRegistry;
  const adapter = () => connect(lpaAdapter, fake.url);
  beforeAll(async () => {
    fake = await startFakeRegistry();
  });
  afterAll(() => fake.close());

  it('refuses a batch answer holding a licence that was not asked for', async () => {
    fake.reply(200, { lesen: [EXAMPLE] });
    await expect(adapter().fetchByIds(['LPA/2024/0001/1'])).rejects.toThrow(/POST \/lpa\/api\/lesen\/kelompok returned "LPA\/2025\/0456", which was not among the 1 licences asked/);
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
  const adapter = () => connect(lpaAdapter, sim.url, 2000);
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
    const loaded = await adapter().loadMany(ids);
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

  it('loses only the unreadable line: the rest of the batch and the worker\'s other lines are served', async () => {
    await sim.upsert([{ ...EXAMPLE, noLesen: 'LPA/2025/9997', pekerja: [LINE, { ...SECOND, kodISCO: 'X' }] }]);
    const [good, bad] = await adapter().loadMany(['LPA/2025/9997/1', 'LPA/2025/9997/2']);
    expect(good).toMatchObject({ nativeId: 'LPA/2025/9997/1' });
    expect(bad).toEqual(unreadable('LPA/2025/9997/2'));
    const holder = await adapter().source.findByHolder({ nationality: SECOND.warganegara, documentNumber: SECOND.noPasport, dateOfBirth: null });
    expect(holder.unreadable).toEqual([unreadable('LPA/2025/9997/2')]);
    const worker = await adapter().source.findByHolder({ nationality: LINE.warganegara, documentNumber: LINE.noPasport, dateOfBirth: null });
    expect(worker.records.map((r) => r.nativeId)).toContain('LPA/2025/9997/1');
    expect(worker.unreadable).toEqual([]);
  });

  it('reads the whole registry page by page through its search, every line of every licence once', async () => {
    expect((await idsThroughPages(adapter().source)).sort()).toEqual(permitIds().sort());
  });

  it('reads the lines of a licence the department has cancelled as cancelled', async () => {
    await sim.upsert([{ ...EXAMPLE, noLesen: 'LPA/2025/9998', statusLesen: 'DIBATALKAN', pekerja: [LINE, SECOND] }]);
    const found = await adapter().fetchByIds(['LPA/2025/9998/1', 'LPA/2025/9998/2']);
    expect([...found.values()].map((r) => [r.status, r.nativeStatus, (r as unknown as { licenceStatus: string }).licenceStatus])).toEqual([
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
