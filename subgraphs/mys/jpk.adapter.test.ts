import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { idsThroughPages } from '../../sandbox/testing/wholeRegistry.js';
import { jpkAdapter } from './jpk.adapter.js';
import { jpkSimulator } from './sandbox/jpk.simulator.js';
import type { JpkRecord } from './jpk.native.js';

// The example record of subgraphs/mys/README.md, element by element as JPK sends it.
const EXAMPLE: JpkRecord = {
  NoSijil: 'SKM-2023-JA-0012345',
  NamaPemegang: 'Nurul Aina binti Ahmad',
  NoKP: '',
  NoPasport: 'B12345678',
  Warganegara: 'IDN',
  TarikhLahir: '19920317',
  JenisSijil: 'SKM',
  Tahap: '2',
  KodNOSS: 'MC-051-2:2012',
  NamaProgram: 'Kimpalan Arka Logam',
  KodMASCO: '7212-01',
  PusatBertauliah: 'Institut Latihan Perindustrian Johor Bahru',
  Laluan: 'PPT',
  TarikhKeluar: '20230611',
  Status: 'SAH',
};

// The same record as the XML the specification prints.
const EXAMPLE_XML = `<Sijil>
  <NoSijil>SKM-2023-JA-0012345</NoSijil>
  <NamaPemegang>Nurul Aina binti Ahmad</NamaPemegang>
  <NoKP></NoKP>
  <NoPasport>B12345678</NoPasport>
  <Warganegara>IDN</Warganegara>
  <TarikhLahir>19920317</TarikhLahir>
  <JenisSijil>SKM</JenisSijil>
  <Tahap>2</Tahap>
  <KodNOSS>MC-051-2:2012</KodNOSS>
  <NamaProgram>Kimpalan Arka Logam</NamaProgram>
  <KodMASCO>7212-01</KodMASCO>
  <PusatBertauliah>Institut Latihan Perindustrian Johor Bahru</PusatBertauliah>
  <Laluan>PPT</Laluan>
  <TarikhKeluar>20230611</TarikhKeluar>
  <Status>SAH</Status>
</Sijil>`;

const { connect, read, protocolError, unreadable } = registryTestKit('MYS', 'jpk');

describe('reading a JPK <Sijil>', () => {
  it('normalises the published example', () => {
    const record = read(jpkAdapter, EXAMPLE);
    expect(record).toMatchObject({
      __typename: 'MysCertification',
      id: 'MYS:CERT:SKM-2023-JA-0012345',
      country: 'MYS',
      registry: 'jpk',
      nativeId: 'SKM-2023-JA-0012345',
      holderName: 'Nurul Aina binti Ahmad',
      holderNationality: 'IDN',
      holderDocumentNumber: 'B12345678',
      holderDateOfBirth: '1992-03-17',
      title: 'Kimpalan Arka Logam',
      qualificationCode: 'MC-051-2:2012',
      nationalLevel: '2',
      aqrfLevel: 2,
      aqrfBasis: 'REFERENCED',
      occupation: { isco: '7212', national: '7212-01', scheme: 'MASCO 2020', title: 'Kimpalan Arka Logam' },
      issuer: { name: 'Jabatan Pembangunan Kemahiran', registrationNumber: null },
      issuedOn: '2023-06-11',
      validUntil: null,
      status: 'VALID',
      nativeStatus: 'SAH',
      jenisSijil: 'SKM',
      tahap: 2,
      kodNoss: 'MC-051-2:2012',
      pusatBertauliah: 'Institut Latihan Perindustrian Johor Bahru',
      laluan: 'PPT',
      laluanDescription: 'Recognition of prior achievement (Pengiktirafan Pencapaian Terdahulu)',
      stale: false,
    });
    expect(record.aqrfDerivation).toMatch(/^MQF level N is AQRF level N/);
  });

  it.each([
    ['SKM', '1'],
    ['SKM', '3'],
    ['DKM', '4'],
    ['DLKM', '5'],
  ] as const)('reads %s Tahap %s as MQF level, referenced to the same AQRF level', (jenis, tahap) => {
    expect(read(jpkAdapter, { ...EXAMPLE, JenisSijil: jenis, Tahap: tahap })).toMatchObject({ nationalLevel: tahap, aqrfLevel: Number(tahap), aqrfBasis: 'REFERENCED', jenisSijil: jenis, tahap: Number(tahap) });
  });

  it.each([
    ['SAH', 'VALID'],
    ['GANTUNG', 'SUSPENDED'],
    ['BATAL', 'REVOKED'],
  ] as const)('maps status %s to %s and keeps the native word', (native, shared) => {
    expect(read(jpkAdapter, { ...EXAMPLE, Status: native })).toMatchObject({ status: shared, nativeStatus: native, validUntil: null });
  });

  it.each([
    ['PB', 'Accredited centre (Pusat Bertauliah)'],
    ['SLDN', 'National dual training system (Sistem Latihan Dual Nasional)'],
  ] as const)('describes the route %s', (laluan, description) => {
    expect(read(jpkAdapter, { ...EXAMPLE, Laluan: laluan })).toMatchObject({ laluan, laluanDescription: description });
  });

  it('keeps a Malaysian citizen without a passport, with no document number and no MyKad in the contract', () => {
    const record = read(jpkAdapter, { ...EXAMPLE, NoKP: '920317015432', NoPasport: '', Warganegara: 'MYS' });
    expect(record).toMatchObject({ holderDocumentNumber: null, holderNationality: 'MYS' });
    expect(JSON.stringify(record)).not.toContain('920317015432');
  });

  it('refuses what the specification does not allow', () => {
    expect(() => read(jpkAdapter, { ...EXAMPLE, Status: 'TAMAT' })).toThrow(/certificate SKM-2023-JA-0012345: unknown Status "TAMAT" \(expected one of SAH, GANTUNG, BATAL\)/);
    expect(() => read(jpkAdapter, { ...EXAMPLE, JenisSijil: 'DKM' })).toThrow(/JenisSijil "DKM" does not match Tahap 2, which is SKM/);
    expect(() => read(jpkAdapter, { ...EXAMPLE, Tahap: '6' })).toThrow(/unknown Tahap "6"/);
    expect(() => read(jpkAdapter, { ...EXAMPLE, Laluan: 'LAIN' })).toThrow(/unknown Laluan "LAIN" \(expected one of PB, PPT, SLDN\)/);
    expect(() => read(jpkAdapter, { ...EXAMPLE, TarikhKeluar: '2023-06-11' })).toThrow(/TarikhKeluar: expected a date as YYYYMMDD, got "2023-06-11"/);
    expect(() => read(jpkAdapter, { ...EXAMPLE, TarikhLahir: '19920231' })).toThrow(/TarikhLahir: expected a date as YYYYMMDD/);
    expect(() => read(jpkAdapter, { ...EXAMPLE, Warganegara: 'Indonesia' })).toThrow(/Warganegara: expected an ISO 3166-1 alpha-3 code, got "Indonesia"/);
    expect(() => read(jpkAdapter, { ...EXAMPLE, KodMASCO: 'MC-7212' })).toThrow(/KodMASCO: expected a MASCO 2020 code whose first four digits are the ISCO-08 unit group, got "MC-7212"/);
    expect(() => read(jpkAdapter, { ...EXAMPLE, NoKP: '920317-01-5432' })).toThrow(unreadable(EXAMPLE.NoSijil));
  });

  it('reads the ISCO unit group from the first four digits of any MASCO code, as the specification defines it', () => {
    expect(read(jpkAdapter, { ...EXAMPLE, KodMASCO: '7212' }).occupation).toEqual({ isco: '7212', national: '7212', scheme: 'MASCO 2020', title: 'Kimpalan Arka Logam' });
    expect(read(jpkAdapter, { ...EXAMPLE, KodMASCO: '7212-013' }).occupation).toMatchObject({ isco: '7212', national: '7212-013' });
  });
});

describe('jpkAdapter reading XML from a registry that breaks its specification', () => {
  let registry: FakeRegistry;
  beforeAll(async () => {
    registry = await startFakeRegistry();
  });
  afterAll(() => registry.close());
  // JPK's answers are XML unless a test says otherwise.
  const reply = (status: number, body: string, contentType = 'application/xml') => registry.reply(status, body, { 'content-type': contentType });
  const fetchOne = (noSijil = 'SKM-2023-JA-0012345') => connect(jpkAdapter, registry.url).fetchByIds([noSijil]);

  it('reads the published XML example', async () => {
    reply(200, `<?xml version="1.0" encoding="UTF-8"?>\n${EXAMPLE_XML}`);
    expect((await fetchOne()).get('SKM-2023-JA-0012345')).toMatchObject({ holderName: 'Nurul Aina binti Ahmad', holderDocumentNumber: 'B12345678', nationalLevel: '2' });
    expect(registry.asked.at(-1)).toBe('/ws/sijil?noSijil=SKM-2023-JA-0012345');
  });

  it('keeps element text as text, with entities decoded', async () => {
    reply(200, EXAMPLE_XML.replace('Institut Latihan Perindustrian Johor Bahru', 'Pusat Kemahiran A &amp; B').replace('<Tahap>2</Tahap>', '<Tahap> 2 </Tahap>'));
    expect((await fetchOne()).get('SKM-2023-JA-0012345')).toMatchObject({ pusatBertauliah: 'Pusat Kemahiran A & B', nationalLevel: '2' });
  });

  it('refuses JSON, malformed XML, and a <Sijil> missing an element', async () => {
    reply(200, JSON.stringify(EXAMPLE), 'application/json');
    await expect(fetchOne()).rejects.toThrow(/GET \/ws\/sijil\?noSijil answered 200 with content-type "application\/json", expected application\/xml/);
    reply(200, EXAMPLE_XML.replace('</Sijil>', ''));
    await expect(fetchOne()).rejects.toThrow(/not well-formed XML/);
    reply(200, EXAMPLE_XML.replace('<Laluan>PPT</Laluan>', ''));
    await expect(fetchOne()).rejects.toThrow(/certificate SKM-2023-JA-0012345: a <Sijil> whose <Laluan> is missing/);
    await expect(fetchOne()).rejects.toEqual(unreadable('SKM-2023-JA-0012345'));
    reply(200, '<Sijil/>');
    await expect(fetchOne()).rejects.toThrow(protocolError);
  });

  it('refuses a certificate other than the one asked for', async () => {
    reply(200, EXAMPLE_XML);
    await expect(fetchOne('SKM-2023-JA-0099999')).rejects.toThrow(/asked for SKM-2023-JA-0099999 and answered certificate "SKM-2023-JA-0012345"/);
  });

  it('reads 404 <Ralat><Kod>TIADA</Kod> as not found, and refuses any other 404', async () => {
    reply(404, '<Ralat><Kod>TIADA</Kod><Mesej>Sijil tidak dijumpai</Mesej></Ralat>');
    expect((await fetchOne()).size).toBe(0);
    reply(404, '<Ralat><Kod>LAIN</Kod></Ralat>');
    await expect(fetchOne()).rejects.toThrow(/answered 404 without <Ralat><Kod>TIADA<\/Kod>/);
  });

  it('turns a 400 <Ralat> into a protocol error carrying its code', async () => {
    reply(400, '<Ralat><Kod>PARAMETER</Kod><Mesej>noSijil diperlukan</Mesej></Ralat>');
    await expect(fetchOne()).rejects.toMatchObject({ extensions: { code: 'REGISTRY_PROTOCOL_ERROR', country: 'MYS', registry: 'jpk', nativeCode: 'PARAMETER' } });
  });

  it('reads an empty <SenaraiSijil/> as no certificates, in either spelling', async () => {
    for (const body of ['<SenaraiSijil/>', '<SenaraiSijil></SenaraiSijil>', '<?xml version="1.0"?><SenaraiSijil>\n</SenaraiSijil>']) {
      reply(200, body, 'application/xml; charset=utf-8');
      await expect(connect(jpkAdapter, registry.url).findByHolder({ nationality: 'IDN', documentNumber: 'B12345678', dateOfBirth: null })).resolves.toEqual([]);
    }
  });

  it('reads namespaced elements, xsi:nil and numeric character references as a plain document would', async () => {
    const namespaced = EXAMPLE_XML.replace('<Sijil>', '<j:Sijil xmlns:j="urn:jpk" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">')
      .replace('</Sijil>', '</j:Sijil>')
      .replace(/<(\/?)(\w+)>/g, '<$1j:$2>')
      .replace('<j:NoKP></j:NoKP>', '<j:NoKP xsi:nil="true"/>')
      .replace('Kimpalan Arka Logam', 'Kimpalan Arka Logam &#233;&#x41;');
    reply(200, namespaced);
    expect((await fetchOne()).get('SKM-2023-JA-0012345')).toMatchObject({ title: 'Kimpalan Arka Logam éA', holderDocumentNumber: 'B12345678', nationalLevel: '2' });
  });

  it('reads one <Sijil> in a <SenaraiSijil> as a list of one', async () => {
    reply(200, `<SenaraiSijil>${EXAMPLE_XML}</SenaraiSijil>`);
    const found = await connect(jpkAdapter, registry.url).findByHolder({ nationality: 'IDN', documentNumber: 'B12345678', dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toEqual(['SKM-2023-JA-0012345']);
  });
});

describe('jpkAdapter against the simulated JPK', () => {
  let sim: TestSimulator;
  const natives = () => sim.simulator.store.all() as JpkRecord[];
  const adapter = () => connect(jpkAdapter, sim.url, 2000);

  beforeAll(async () => {
    sim = await startTestSimulator(jpkSimulator);
  });
  afterAll(() => sim.close());

  it('fetches one certificate per call and answers nothing for an unknown number', async () => {
    const native = natives()[0];
    const found = await adapter().fetchByIds([native.NoSijil]);
    expect(found.get(native.NoSijil)).toMatchObject({ holderName: native.NamaPemegang, holderNationality: native.Warganegara, nationalLevel: native.Tahap, nativeStatus: native.Status, kodNoss: native.KodNOSS, validUntil: null });
    expect((await adapter().fetchByIds(['SKM-2099-JA-9999999'])).size).toBe(0);
  });

  it('makes one call per certificate through the kit', async () => {
    await sim.resetStats();
    const numbers = natives().slice(0, 5).map((r) => r.NoSijil);
    const loaded = await adapter().loadMany([...numbers, numbers[0], 'SKM-2099-JA-9999999']);
    expect(loaded.map((r) => (r as { nativeId: string } | null)?.nativeId ?? null)).toEqual([...numbers, numbers[0], null]);
    expect((await sim.stats()).routes['GET /ws/sijil']).toBe(6);
  });

  it('round-trips every generated certificate', async () => {
    const numbers = natives().map((r) => r.NoSijil);
    const loaded = await adapter().loadMany(numbers);
    expect(loaded.filter((r) => r !== null && !(r instanceof Error))).toHaveLength(numbers.length);
  });

  it('finds a foreign worker and a Malaysian citizen by passport and nationality, and nobody under another nationality', async () => {
    for (const holder of [natives().find((r) => r.Warganegara !== 'MYS')!, natives().find((r) => r.Warganegara === 'MYS' && r.NoPasport !== '')!]) {
      const found = await adapter().findByHolder({ nationality: holder.Warganegara, documentNumber: holder.NoPasport, dateOfBirth: null });
      expect(found.map((r) => r.nativeId)).toContain(holder.NoSijil);
      expect(found.every((r) => r.holderDocumentNumber === holder.NoPasport && r.holderNationality === holder.Warganegara)).toBe(true);
      const elsewhere = holder.Warganegara === 'THA' ? 'VNM' : 'THA';
      expect(await adapter().findByHolder({ nationality: elsewhere, documentNumber: holder.NoPasport, dateOfBirth: null })).toEqual([]);
    }
  });

  it('refuses a record the registry holds in a form the specification does not allow', async () => {
    await sim.upsert([{ ...EXAMPLE, NoSijil: 'SKM-2023-JA-0099998', TarikhLahir: '17/03/1992' }]);
    await expect(adapter().fetchByIds(['SKM-2023-JA-0099998'])).rejects.toThrow(/certificate SKM-2023-JA-0099998: TarikhLahir: expected a date as YYYYMMDD/);
    await expect(adapter().fetchByIds(['SKM-2023-JA-0099998'])).rejects.toEqual(unreadable('SKM-2023-JA-0099998'));
  });

  it('loses only the unreadable certificate: the rest of a look-up and of a holder\'s answer is served', async () => {
    const good = natives().find((r) => r.NoPasport !== '' && r.Warganegara !== 'MYS')!;
    const bad = { ...good, NoSijil: 'SKM-2023-JA-0099997', Status: 'TAMAT' };
    await sim.upsert([bad]);
    const [record, error] = await adapter().loadMany([good.NoSijil, bad.NoSijil]);
    expect(record).toMatchObject({ nativeId: good.NoSijil });
    expect(error).toEqual(unreadable(bad.NoSijil));
    const holder = await adapter().source.findByHolder({ nationality: good.Warganegara, documentNumber: good.NoPasport, dateOfBirth: null });
    expect(holder.records.map((r) => r.nativeId)).toContain(good.NoSijil);
    expect(holder.unreadable).toEqual([unreadable(bad.NoSijil)]);
  });

  it('asks the registry for any number, whatever its shape: numbers are the registry\'s to judge', async () => {
    expect((await adapter().fetchByIds(['not a JPK number/ä'])).size).toBe(0);
  });

  it('reads the whole registry page by page through its search, every certificate once', async () => {
    expect((await idsThroughPages(adapter().source)).sort()).toEqual(natives().map((r) => r.NoSijil).sort());
  });
});

describeRegistryFaults({
  country: 'MYS',
  simulator: jpkSimulator,
  adapter: jpkAdapter,
  route: 'GET /ws/sijil',
  call: (adapter, records) => adapter.fetchByIds([records[0].NoSijil]),
});
