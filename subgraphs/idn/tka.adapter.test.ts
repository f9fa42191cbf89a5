import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../schema/kit/registryClient.js';
import { startSimulator, type RunningSimulator } from '../../registries/kit/simulator.js';
import { tkaAdapter, tkaToContract } from './tka.adapter.js';
import { tkaSimulator } from './tka.simulator.js';
import type { TkaRecord } from './tka.native.js';

const EXAMPLE: TkaRecord = {
  nomor_pengesahan: 'KEP.23145/PPTKA/PTK/2024',
  nama_tka: 'ZHANG WEI',
  paspor: 'EA1234567',
  kewarganegaraan: 'TIONGKOK',
  tanggal_lahir: '1985-11-02',
  jabatan: 'Tenaga Ahli Smelter',
  kode_kbji: '3117',
  pemberi_kerja: { nama: 'PT Sulawesi Nikel Makmur', npwp: '01.234.567.8-901.000', kbli: '24202' },
  lokasi_kerja: 'Sulawesi Tengah',
  pendamping: 'Andi Saputra',
  tanggal_mulai: '2024-02-01',
  tanggal_berakhir: '2025-01-31',
  status: 'DISAHKAN',
};

const offline = new RegistryClient({ country: 'IDN', registry: 'tka', baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000, maxConcurrency: 2, ratePerSecond: 1000 });

describe('tkaToContract', () => {
  it('normalises the published example', () => {
    expect(tkaToContract(EXAMPLE, offline)).toMatchObject({
      id: 'IDN:PERMIT:KEP.23145/PPTKA/PTK/2024',
      holderNationality: 'CHN',
      holderDocumentNumber: 'EA1234567',
      permitClass: 'PROFESSIONAL',
      status: 'ACTIVE',
      nativeStatus: 'DISAHKAN',
      validFrom: '2024-02-01',
      validUntil: '2025-01-31',
      employer: { name: 'PT Sulawesi Nikel Makmur', registrationNumber: '01.234.567.8-901.000' },
      occupation: { isco: '3117', title: 'Tenaga Ahli Smelter' },
      workLocation: 'Sulawesi Tengah',
    });
  });

  it('translates Indonesian country names and refuses unknown ones', () => {
    expect(tkaToContract({ ...EXAMPLE, kewarganegaraan: 'KOREA SELATAN' }, offline).holderNationality).toBe('KOR');
    expect(tkaToContract({ ...EXAMPLE, kewarganegaraan: 'INGGRIS' }, offline).holderNationality).toBe('GBR');
    expect(() => tkaToContract({ ...EXAMPLE, kewarganegaraan: 'CHINA' }, offline)).toThrow(/unknown kewarganegaraan "CHINA"/);
  });

  it('keeps extensions ACTIVE and cancellations CANCELLED', () => {
    expect(tkaToContract({ ...EXAMPLE, status: 'DIPERPANJANG' }, offline)).toMatchObject({ status: 'ACTIVE', nativeStatus: 'DIPERPANJANG' });
    expect(tkaToContract({ ...EXAMPLE, status: 'DIBATALKAN' }, offline).status).toBe('CANCELLED');
  });
});

describe('tkaAdapter against the simulated TKA Online', () => {
  let sim: RunningSimulator;
  let client: RegistryClient;
  beforeAll(async () => {
    sim = await startSimulator(tkaSimulator, { config: { latencyMs: [0, 0], faultRate: 0, ratePerSecond: 1000 } });
    client = new RegistryClient({ country: 'IDN', registry: 'tka', baseUrl: sim.url, timeoutMs: 2000, maxConcurrency: 4, ratePerSecond: 1000 });
  });
  afterAll(() => sim.close());

  it('round-trips every generated approval through the batch endpoint', async () => {
    const numbers = (sim.store.all() as TkaRecord[]).slice(0, 50).map((r) => r.nomor_pengesahan);
    const records = await tkaAdapter(client).fetchByIds(numbers);
    expect(records.size).toBe(numbers.length);
  });

  it('finds a worker by passport and nationality', async () => {
    const native = (sim.store.all() as TkaRecord[])[0];
    const found = await tkaAdapter(client).findByHolder({ nationality: tkaToContract(native, client).holderNationality!, documentNumber: native.paspor, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(native.nomor_pengesahan);
  });

  it('answers 429 with Retry-After when its rate limit is exceeded', async () => {
    await fetch(`${sim.url}/__sim/config`, { method: 'POST', body: JSON.stringify({ ratePerSecond: 1 }) });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i += 1) {
        const response = await fetch(`${sim.url}/v1/pengesahan/${encodeURIComponent('KEP.00001/PPTKA/PTK/2024')}`);
        statuses.push({ status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() });
      }
      const limited = statuses.find((s) => s.status === 429)!;
      expect(limited.retryAfter).toMatch(/^\d+$/);
      expect(JSON.parse(limited.body)).toEqual({ kode: 'BATAS_PERMINTAAN' });
    } finally {
      await fetch(`${sim.url}/__sim/config`, { method: 'POST', body: JSON.stringify({ ratePerSecond: 1000 }) });
    }
  });
});
