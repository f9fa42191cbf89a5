import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CACHE_TTLS, startTestStack, testConfig, type TestStack } from './testStack.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPopulation } from '../../sandbox/population/population.js';
import { formatNativeDate } from '../../schema/dates/index.js';
import type { BnspRecord } from '../../subgraphs/idn/bnsp.native.js';

const WORKER = `query($n: String!, $d: String!, $b: Date) {
  worker(nationality: $n, documentNumber: $d, dateOfBirth: $b) {
    countries
    certifications { id country status }
    permits { id country status }
  }
}`;

interface WorkerResult { worker: { countries: string[]; certifications: Array<{ id: string; country: string }>; permits: Array<{ id: string; country: string }> } | null }

describe('a failing registry gives partial data and an error naming it', () => {
  let stack: TestStack;
  // A foreign expert with a Kemnaker TKA approval, given a BNSP certificate through a fixture file
  // (BNSP certifies foreigners too): fixtures are served alongside the synthetic records.
  const person = defaultPopulation().people.find((p) => p.passportNo !== null && p.holdings.some((h) => h.country === 'IDN' && h.kind === 'PERMIT'))!;
  const variables = { n: person.nationality, d: person.passportNo, b: person.dateOfBirth };
  const fixture: BnspRecord = {
    nomor_sertifikat: '31171.0421.0.9000001.2024',
    nomor_registrasi: 'MET.000.900001.2024',
    nama_lengkap: person.fullName,
    nik: null,
    nomor_paspor: person.passportNo,
    kewarganegaraan: 'WNA',
    negara_asal: person.nationality,
    tanggal_lahir: formatNativeDate(person.dateOfBirth, 'DD-MM-YYYY'),
    skema: { kode: 'SKM.OKP.SMELTER', nama: 'Tenaga Ahli Smelter', jenis: 'OKUPASI' },
    jenjang_kkni: null,
    kode_kbji: '3117',
    lsp: { kode: 'LSP-P1-0421', nama: 'LSP Logam Mesin Indonesia' },
    tuk: null,
    rekomendasi: 'K',
    tanggal_terbit: '01-02-2024',
    berlaku_sampai: '01-02-2027',
    status: 'AKTIF',
  };

  beforeAll(async () => {
    const fixturesDir = mkdtempSync(join(tmpdir(), 'rantau-fixtures-'));
    mkdirSync(join(fixturesDir, 'IDN'));
    writeFileSync(join(fixturesDir, 'IDN', 'bnsp.jsonl'), `${JSON.stringify(fixture)}\n`);
    // Caches off: these tests break a registry under the same worker again and again, and must
    // see each break (what the caches do when a registry fails is tested in cache.e2e.test.ts).
    stack = await startTestStack({ registryTimeoutMs: 800, fixturesDir, config: testConfig(NO_CACHE_TTLS) });
  });
  afterAll(() => stack?.close());

  it('keeps every other country\'s data when BNSP answers 503', async () => {
    const healthy = (await stack.query<WorkerResult>(WORKER, variables)).data!.worker!;
    expect(healthy.countries).toContain('IDN');
    await stack.configure('IDN/bnsp', { down: true });
    try {
      const result = await stack.query<WorkerResult>(WORKER, variables);
      const worker = result.data!.worker!;
      expect(worker.certifications.filter((c) => c.country === 'IDN')).toEqual([]);
      const others = [...healthy.certifications, ...healthy.permits].filter((r) => r.country !== 'IDN' || r.id.includes(':PERMIT:'));
      expect(others.length).toBeGreaterThan(0);
      expect([...worker.certifications, ...worker.permits].map((r) => r.id).sort()).toEqual(others.map((r) => r.id).sort());
      expect(result.errors).toEqual([
        expect.objectContaining({ path: ['worker'], extensions: expect.objectContaining({ code: 'REGISTRY_UNAVAILABLE', country: 'IDN', registry: 'bnsp' }) }),
      ]);
    } finally {
      await stack.configure('IDN/bnsp', { down: false });
    }
  });

  it('reports a registry that does not answer in time as unavailable, within the timeout', async () => {
    await stack.configure('IDN/bnsp', { latencyMs: [3000, 3000] });
    try {
      const started = Date.now();
      const result = await stack.query<WorkerResult>(WORKER, variables);
      expect(Date.now() - started).toBeLessThan(2900);
      expect(result.data!.worker).not.toBeNull();
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'REGISTRY_UNAVAILABLE', country: 'IDN', registry: 'bnsp', reason: 'timeout' });
    } finally {
      await stack.configure('IDN/bnsp', { latencyMs: [1, 5] });
    }
  });

  it('reports a rate-limited registry whose Retry-After does not fit the budget', async () => {
    await stack.configure('IDN/bnsp', { ratePerSecond: 0.001 });
    try {
      // The first call spends the bucket's single token; the next ones are answered 429.
      await stack.query<WorkerResult>(WORKER, variables);
      const result = await stack.query<WorkerResult>(WORKER, variables);
      expect(result.data!.worker).not.toBeNull();
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'REGISTRY_RATE_LIMITED', country: 'IDN', registry: 'bnsp' });
    } finally {
      await stack.configure('IDN/bnsp', { ratePerSecond: 100_000 });
    }
  });

  it('keeps answering when a registry process is gone altogether', async () => {
    const simulator = stack.simulators.get('IDN/bnsp')!;
    await simulator.close();
    const result = await stack.query<WorkerResult>(WORKER, variables);
    expect(result.data!.worker).not.toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'REGISTRY_UNAVAILABLE', country: 'IDN', registry: 'bnsp', reason: 'connection' });
  });
});
