import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { defaultPopulation, holdingsIn } from '../../../sandbox/population/population.js';
import { formatNativeDate } from '../../../schema/dates/index.js';
import { jpkSimulator } from './jpk.simulator.js';
import type { JpkRecord } from '../jpk.native.js';

// The pattern the specification publishes for `NoSijil`.
const JPK_CERT_NO = /^(SKM|DKM|DLKM)-\d{4}-[A-Z]{2}-\d{7}$/;

describe('JPK records from the synthetic population', () => {
  const population = defaultPopulation();
  const holdings = holdingsIn(population, 'MYS', 'CERT');
  // The population's records come first; a seeded sample of the whole specified space follows them.
  const records = jpkSimulator.records(population).slice(0, holdings.length);

  it('writes every Malaysian certificate of the population with the holder\'s passport, name, nationality and birth date', () => {
    expect(records).toHaveLength(holdings.length);
    const nativeStatus = { VALID: 'SAH', EXPIRED: 'SAH', SUSPENDED: 'GANTUNG', REVOKED: 'BATAL' };
    records.forEach((record, i) => {
      const { person, holding } = holdings[i];
      expect(record).toMatchObject({
        NamaPemegang: person.fullName,
        NoPasport: person.passportNo ?? '',
        Warganegara: person.nationality,
        TarikhLahir: formatNativeDate(person.dateOfBirth, 'YYYYMMDD'),
        NamaProgram: holding.occupation.ms,
        KodMASCO: `${holding.occupation.isco}-01`,
        TarikhKeluar: formatNativeDate(holding.issuedOn, 'YYYYMMDD'),
        Status: nativeStatus[holding.status],
      });
      expect(record.NoSijil).toMatch(JPK_CERT_NO);
      expect(record.NoSijil).toMatch(new RegExp(`^${record.JenisSijil}-${holding.issuedOn.slice(0, 4)}-[A-Z]{2}-${String(holding.seq).padStart(7, '0')}$`));
      expect(record.KodNOSS).toMatch(new RegExp(`^[A-Z]{2}-\\d{3}-${record.Tahap}:\\d{4}$`));
    });
  });

  it('writes levels as the population has them, its top level split between DKM 4 and DLKM 5', () => {
    const certificate = { '1': 'SKM', '2': 'SKM', '3': 'SKM', '4': 'DKM', '5': 'DLKM' } as Record<string, string>;
    records.forEach((record, i) => {
      const { level } = holdings[i].holding;
      expect(level < 4 ? [String(level)] : ['4', '5']).toContain(record.Tahap);
      expect(record.JenisSijil).toBe(certificate[record.Tahap]);
    });
    expect(new Set(records.map((r) => r.JenisSijil))).toEqual(new Set(['SKM', 'DKM', 'DLKM']));
    expect(new Set(records.map((r) => r.Status))).toEqual(new Set(['SAH', 'GANTUNG', 'BATAL']));
    expect(new Set(records.map((r) => r.Laluan))).toEqual(new Set(['PB', 'PPT', 'SLDN']));
  });

  it('gives Malaysian citizens one MyKad each, built on their birth date, and foreigners none', () => {
    const myKadByPerson = new Map<string, string>();
    records.forEach((record, i) => {
      const { person } = holdings[i];
      if (person.nationality !== 'MYS') {
        expect(record.NoKP).toBe('');
        return;
      }
      expect(record.NoKP).toMatch(/^\d{12}$/);
      expect(record.NoKP.slice(0, 6)).toBe(person.dateOfBirth.slice(2).replace(/-/g, ''));
      expect(Number(record.NoKP.slice(-1)) % 2).toBe(person.sex === 'M' ? 1 : 0);
      expect(myKadByPerson.get(String(person.pid)) ?? record.NoKP).toBe(record.NoKP);
      myKadByPerson.set(String(person.pid), record.NoKP);
    });
    expect(records.some((r) => r.Warganegara === 'MYS' && r.NoPasport === '')).toBe(true);
    expect(records.some((r) => r.Warganegara !== 'MYS')).toBe(true);
  });
});

describe('the simulated JPK XML service', () => {
  let sim: TestSimulator;
  // Read as XML defines it: namespace prefixes, xsi:nil and numeric references are variations the simulator writes on purpose.
  const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, htmlEntities: true, isArray: (_name, jpath) => jpath === 'SenaraiSijil.Sijil' });
  const plain = (sijil: Record<string, unknown>) => Object.fromEntries(Object.entries(sijil).map(([name, value]) => [name, typeof value === 'object' && value !== null ? '' : value]));
  const get = async (path: string) => {
    const response = await fetch(`${sim.url}${path}`);
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type'), retryAfter: response.headers.get('retry-after'), text, xml: parser.parse(text, true) as Record<string, any> };
  };
  const list = (xml: Record<string, any>): JpkRecord[] => (xml.SenaraiSijil === '' ? [] : (xml.SenaraiSijil.Sijil ?? []));
  const all = () => sim.simulator.store.all() as JpkRecord[];

  beforeAll(async () => {
    sim = await startTestSimulator(jpkSimulator);
  });
  afterAll(() => sim.close());

  it('answers one certificate by number as XML, in the published element order', async () => {
    const native = all()[3];
    const answer = await get(`/ws/sijil?noSijil=${native.NoSijil}`);
    expect(answer).toMatchObject({ status: 200, contentType: expect.stringMatching(/^application\/xml/) });
    expect(plain(answer.xml.Sijil)).toEqual(native);
    expect([...answer.text.matchAll(/<(?:\w+:)?(\w+)(?:\s[^>]*)?>/g)].map((m) => m[1])).toEqual(['Sijil', ...Object.keys(native)]);
  });

  it('writes certificates in every form XML allows for the same document: plain, namespaced, with xsi:nil and numeric references', async () => {
    const texts = await Promise.all(all().slice(0, 30).map(async (native) => (await get(`/ws/sijil?noSijil=${encodeURIComponent(native.NoSijil)}`)).text));
    expect(texts.some((text) => text.includes('<j:Sijil xmlns:j='))).toBe(true);
    expect(texts.some((text) => text.includes('xsi:nil="true"'))).toBe(true);
    expect(texts.some((text) => !text.includes('xmlns'))).toBe(true);
  });

  it('answers 404 <Ralat><Kod>TIADA</Kod> for an unknown number, and 400 without one', async () => {
    const missing = await get('/ws/sijil?noSijil=SKM-2099-JA-9999999');
    expect(missing).toMatchObject({ status: 404, contentType: expect.stringMatching(/^application\/xml/) });
    expect(missing.text).toContain('<Ralat><Kod>TIADA</Kod><Mesej>Sijil tidak dijumpai</Mesej></Ralat>');
    expect((await get('/ws/sijil')).xml).toMatchObject({ Ralat: { Kod: 'PARAMETER' } });
  });

  it('finds certificates by passport and nationality, or by MyKad, and wants one of them', async () => {
    const foreigner = all().find((r) => r.Warganegara !== 'MYS')!;
    const messy = `${foreigner.NoPasport.slice(0, 2).toLowerCase()} ${foreigner.NoPasport.slice(2)}`;
    const byPassport = await get(`/ws/sijil/pemegang?noPasport=${encodeURIComponent(messy)}&warganegara=${foreigner.Warganegara.toLowerCase()}`);
    expect(list(byPassport.xml).map((r) => r.NoSijil)).toContain(foreigner.NoSijil);

    const citizen = all().find((r) => r.NoKP !== '' && r.NoPasport === '')!;
    const byMyKad = list((await get(`/ws/sijil/pemegang?noKP=${citizen.NoKP}`)).xml);
    expect(byMyKad.map((r) => r.NoSijil)).toContain(citizen.NoSijil);
    expect(byMyKad.every((r) => r.NoKP === citizen.NoKP)).toBe(true);

    const nobody = await get('/ws/sijil/pemegang?noPasport=X0000000&warganegara=IDN');
    expect(nobody.status).toBe(200);
    expect(nobody.text).toContain('<SenaraiSijil></SenaraiSijil>');
    for (const query of ['', `?noPasport=${foreigner.NoPasport}`, '?noKP=12345']) {
      expect(await get(`/ws/sijil/pemegang${query}`)).toMatchObject({ status: 400, xml: { Ralat: { Kod: 'PARAMETER' } } });
    }
  });

  it('pages its search up to fifty at a time, filtered by level, NOSS code, status and YYYYMMDD issue dates', async () => {
    const page = await get('/ws/sijil/carian?mula=10&bil=20');
    expect(page.status).toBe(200);
    expect(page.xml.SenaraiSijil).toMatchObject({ jumlah: String(all().length), mula: '10', bil: '20' });
    expect(list(page.xml).map((r) => r.NoSijil)).toEqual(all().slice(10, 30).map((r) => r.NoSijil));
    expect(list((await get('/ws/sijil/carian')).xml)).toHaveLength(Math.min(50, all().length));
    for (const query of ['bil=51', 'bil=0', 'mula=-1', 'dariTarikh=2024-01-01', 'hinggaTarikh=20241332']) {
      expect(await get(`/ws/sijil/carian?${query}`)).toMatchObject({ status: 400, xml: { Ralat: { Kod: 'PARAMETER' } } });
    }

    const expected = all().filter((r) => r.Tahap === '2' && r.Status === 'SAH' && r.TarikhKeluar >= '20240101' && r.TarikhKeluar <= '20251231');
    expect(expected.length).toBeGreaterThan(0);
    const filtered = await get('/ws/sijil/carian?tahap=2&status=SAH&dariTarikh=20240101&hinggaTarikh=20251231&bil=50');
    expect(filtered.xml.SenaraiSijil.jumlah).toBe(String(expected.length));
    expect(list(filtered.xml).map((r) => r.NoSijil)).toEqual(expected.slice(0, 50).map((r) => r.NoSijil));

    const noss = all()[0].KodNOSS;
    expect((await get(`/ws/sijil/carian?kodNOSS=${encodeURIComponent(noss)}`)).xml.SenaraiSijil.jumlah).toBe(String(all().filter((r) => r.KodNOSS === noss).length));
  });

  it('answers 429 <Ralat><Kod>HAD</Kod></Ralat> with Retry-After past its rate', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await get(`/ws/sijil?noSijil=${all()[0].NoSijil}`));
      const limited = answers.find((a) => a.status === 429)!;
      expect(limited).toMatchObject({ retryAfter: '1', xml: { Ralat: { Kod: 'HAD' } } });
      expect(limited.text).toContain('<Ralat><Kod>HAD</Kod></Ralat>');
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });
});
