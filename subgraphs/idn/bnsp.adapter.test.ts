import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRegistryFaults, registryTestKit, startTestSimulator, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { bnspAdapter } from './bnsp.adapter.js';
import { bnspSimulator } from './sandbox/bnsp.simulator.js';
import type { BnspRecord } from './bnsp.native.js';

// The example record of subgraphs/idn/README.md, exactly as BNSP sends it.
const EXAMPLE: BnspRecord = {
  nomor_sertifikat: '74101.2421.3.0004512.2023',
  nomor_registrasi: 'MET.000.004512.2023',
  nama_lengkap: 'Siti Rahmawati',
  nik: '3273014501900002',
  nomor_paspor: 'C4812290',
  kewarganegaraan: 'WNI',
  tanggal_lahir: '05-01-1990',
  skema: { kode: 'SKM.LAS.03', nama: 'Juru Las SMAW 3G', jenis: 'KKNI' },
  jenjang_kkni: 3,
  kode_kbji: '7212',
  lsp: { kode: 'LSP-P1-0421', nama: 'LSP Logam Mesin Indonesia' },
  tuk: 'TUK Sewaktu PT Baja Nusantara',
  rekomendasi: 'K',
  tanggal_terbit: '14-03-2023',
  berlaku_sampai: '14-03-2026',
  status: 'AKTIF',
};

const { connect, read } = registryTestKit('IDN', 'bnsp');

describe('bnspToContract', () => {
  it('normalises the published example', () => {
    const record = read(bnspAdapter, EXAMPLE);
    expect(record).toMatchObject({
      __typename: 'IdnCertification',
      id: 'IDN:CERT:74101.2421.3.0004512.2023',
      country: 'IDN',
      holderName: 'Siti Rahmawati',
      holderNationality: 'IDN',
      holderDocumentNumber: 'C4812290',
      holderDateOfBirth: '1990-01-05',
      issuedOn: '2023-03-14',
      validUntil: '2026-03-14',
      status: 'VALID',
      nativeStatus: 'AKTIF',
      nationalLevel: '3',
      aqrfLevel: 3,
      aqrfBasis: 'INDICATIVE',
      occupation: { isco: '7212', national: '7212', scheme: 'KBJI 2014' },
      kkniLevel: 3,
      schemeType: 'KKNI',
      lsp: { name: 'LSP Logam Mesin Indonesia', registrationNumber: 'LSP-P1-0421' },
    });
  });

  it('claims no AQRF level for Okupasi schemes', () => {
    const record = read(bnspAdapter, { ...EXAMPLE, skema: { ...EXAMPLE.skema, jenis: 'OKUPASI' }, jenjang_kkni: null });
    expect(record).toMatchObject({ aqrfLevel: null, aqrfBasis: 'NOT_REFERENCED', kkniLevel: null });
  });

  it('reads foreigners\' nationality from negara_asal', () => {
    expect(read(bnspAdapter, { ...EXAMPLE, kewarganegaraan: 'WNA', nik: null, negara_asal: 'MYS' }).holderNationality).toBe('MYS');
  });

  it.each([
    ['DICABUT', 'REVOKED'],
    ['DIBEKUKAN', 'SUSPENDED'],
    ['KEDALUWARSA', 'EXPIRED'],
  ] as const)('maps status %s to %s and keeps the native word', (native, shared) => {
    expect(read(bnspAdapter, { ...EXAMPLE, status: native })).toMatchObject({ status: shared, nativeStatus: native });
  });

  it('refuses what the specification does not allow, naming the record', () => {
    expect(() => read(bnspAdapter, { ...EXAMPLE, status: 'HILANG' as never })).toThrow(/unknown status "HILANG"/);
    expect(() => read(bnspAdapter, { ...EXAMPLE, tanggal_terbit: '2023-03-14' })).toThrow(/expected a date as DD-MM-YYYY/);
    expect(() => read(bnspAdapter, { ...EXAMPLE, kewarganegaraan: 'WNA', negara_asal: 'XXX' })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'RECORD_UNREADABLE', country: 'IDN', registry: 'bnsp', nativeId: EXAMPLE.nomor_sertifikat }) }));
  });
});

describe('bnspAdapter against the simulated BNSP', () => {
  let sim: TestSimulator;
  const all = () => sim.simulator.store.all() as BnspRecord[];
  const adapter = () => connect(bnspAdapter, sim.url, 2000);

  beforeAll(async () => {
    sim = await startTestSimulator(bnspSimulator);
  });
  afterAll(() => sim.close());

  it('fetches a batch in one call and leaves unknown numbers out', async () => {
    const known = all().slice(0, 30).map((r) => r.nomor_sertifikat);
    const records = await adapter().fetchByIds([...known, '99999.9999.9.9999999.2099']);
    expect(records.size).toBe(30);
    expect([...records.keys()].sort()).toEqual([...known].sort());
    expect((await sim.stats()).routes['POST /sertifikat/batch']).toBe(1);
  });

  it('finds a holder by passport and nationality', async () => {
    const holder = all().find((r) => r.nomor_paspor !== null)!;
    const nationality = holder.kewarganegaraan === 'WNI' ? 'IDN' : holder.negara_asal!;
    const found = await adapter().findByHolder({ nationality, documentNumber: holder.nomor_paspor!, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(holder.nomor_sertifikat);
  });

  it('reads the whole registry page by page through its search, every record once', async () => {
    const source = connect(bnspAdapter, sim.url, 2000).source;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await source.listPage!(cursor);
      expect(page.unreadable).toEqual([]);
      seen.push(...page.records.map((r) => r.nativeId));
      cursor = page.next;
    } while (cursor !== null);
    expect(seen.sort()).toEqual(all().map((r) => r.nomor_sertifikat).sort());
  });

  it('follows the change feed: a certificate changed after an instant is reported, oldest first', async () => {
    const since = new Date().toISOString();
    const changed = { ...all()[3], status: 'DICABUT' as const };
    await sim.upsert([changed]);
    const changes = await connect(bnspAdapter, sim.url, 2000).source.changesSince!(since);
    expect(changes.map((c) => c.nativeId)).toEqual([changed.nomor_sertifikat]);
  });

  it('answers 400 "Maksimal 100 nomor" past the batch limit', async () => {
    const response = await fetch(`${sim.url}/sertifikat/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nomor: Array.from({ length: 101 }, (_, i) => String(i)) }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ pesan: 'Maksimal 100 nomor' });
  });

  it('pages its search with DD-MM-YYYY bounds', async () => {
    const response = await fetch(`${sim.url}/sertifikat/cari?terbit_dari=01-01-2000&halaman=2&per_halaman=10`);
    const body = (await response.json()) as { data: unknown[]; halaman: number; total: number };
    expect(body.halaman).toBe(2);
    expect(body.data).toHaveLength(10);
    expect(body.total).toBe(all().length);
  });
});

describeRegistryFaults({
  country: 'IDN',
  simulator: bnspSimulator,
  adapter: bnspAdapter,
  route: 'POST /sertifikat/batch',
  call: (adapter, records) => adapter.fetchByIds([records[0].nomor_sertifikat]),
});
