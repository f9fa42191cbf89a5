import { batchEndpoint } from '../kit/adapter.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEveryGenerated, servesEveryGenerated } from '../../sandbox/testing/generatedReading.js';
import { tesdaArbitrary } from './sandbox/tesda.arbitrary.js';
import { numbersOfEveryPage } from '../../sandbox/testing/bulkReading.js';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { formatNativeDate } from '../../schema/dates/index.js';
import { tesdaAdapter } from './tesda.adapter.js';
import { tesdaSimulator } from './sandbox/tesda.simulator.js';
import { tesdaProfile } from './profiles.js';
import type { TesdaRecord } from './tesda.native.js';

// The example record of subgraphs/phl/README.md, exactly as TESDA sends it.
const EXAMPLE: TesdaRecord = {
  certificateNumber: '24130302001457',
  lastName: 'DELA CRUZ',
  firstName: 'MARIA CLARA',
  middleName: 'SANTOS',
  birthDate: '07/19/1994',
  passportNo: 'P1234567A',
  qualificationCode: 'MEESMA2',
  qualificationTitle: 'Shielded Metal Arc Welding (SMAW) NC II',
  ncLevel: 'NC II',
  sector: 'METALS AND ENGINEERING',
  psocCode: '7212',
  assessmentCenter: 'Manila Technical Institute',
  dateIssued: '03/02/2024',
  validUntil: '03/02/2029',
  status: 'VALID',
};

const { connect, read, unreadable, registryError } = registryTestKit('PHL', 'tesda');
const readTesda = (native: TesdaRecord) => read(tesdaAdapter, native);

describe('reading a native record', () => {
  it('normalises the published example', () => {
    expect(readTesda(EXAMPLE)).toMatchObject({
      __typename: 'PhlCertification',
      id: 'PHL:CERT:24130302001457',
      country: 'PHL',
      registry: 'tesda',
      nativeId: '24130302001457',
      holderName: 'DELA CRUZ, MARIA CLARA SANTOS',
      holderNationality: 'PHL',
      holderDocumentNumber: 'P1234567A',
      holderDateOfBirth: '1994-07-19',
      title: 'Shielded Metal Arc Welding (SMAW) NC II',
      qualificationCode: 'MEESMA2',
      nationalLevel: 'NC II',
      aqrfLevel: 2,
      aqrfBasis: 'REFERENCED',
      occupation: { isco: '7212', national: '7212', scheme: 'PSOC 2012', title: null },
      issuer: { name: 'Technical Education and Skills Development Authority', registrationNumber: null },
      issuedOn: '2024-03-02',
      validUntil: '2029-03-02',
      status: 'VALID',
      nativeStatus: 'VALID',
      ncLevel: 'NC II',
      levelName: 'National Certificate II',
      sector: 'METALS AND ENGINEERING',
      assessmentCenter: 'Manila Technical Institute',
      stale: false,
    });
  });

  it('reads dates month first: 03/02/2024 is the 2nd of March, and a day-first date is refused', () => {
    expect(readTesda(EXAMPLE).issuedOn).toBe('2024-03-02');
    expect(() => readTesda({ ...EXAMPLE, birthDate: '19/07/1994' })).toThrow(/certificate 24130302001457: birthDate: expected a date as MM\/DD\/YYYY, got "19\/07\/1994"/);
    expect(() => readTesda({ ...EXAMPLE, validUntil: '2029-03-02' })).toThrow(unreadable(EXAMPLE.certificateNumber));
  });

  it.each([
    ['NC I', 1, 'National Certificate I'],
    ['NC III', 3, 'National Certificate III'],
    ['NC IV', 4, 'National Certificate IV'],
  ] as const)('reads %s as AQRF level %i, referenced through the PQF', (ncLevel, aqrfLevel, levelName) => {
    expect(readTesda({ ...EXAMPLE, ncLevel })).toMatchObject({ nationalLevel: ncLevel, aqrfLevel, aqrfBasis: 'REFERENCED', ncLevel, levelName });
  });

  it('claims no AQRF level for a Certificate of Competency, a single unit', () => {
    const record = readTesda({ ...EXAMPLE, ncLevel: 'COC' });
    expect(record).toMatchObject({ nationalLevel: 'COC', aqrfLevel: null, aqrfBasis: 'NOT_REFERENCED', levelName: 'Certificate of Competency' });
    expect(record.aqrfDerivation).toMatch(/^PQF COC has no AQRF level/);
  });

  it.each([
    ['EXPIRED', 'EXPIRED'],
    ['REVOKED', 'REVOKED'],
  ] as const)('maps status %s to %s and keeps the native word', (native, shared) => {
    expect(readTesda({ ...EXAMPLE, status: native })).toMatchObject({ status: shared, nativeStatus: native });
  });

  it('keeps a holder who declared no passport, with no document number', () => {
    expect(readTesda({ ...EXAMPLE, passportNo: null })).toMatchObject({ holderDocumentNumber: null, holderNationality: 'PHL' });
  });

  it('takes the nationality key of a non-Filipino holder, and Filipino when it is absent', () => {
    expect(readTesda({ ...EXAMPLE, nationality: 'IDN' }).holderNationality).toBe('IDN');
    expect(() => readTesda({ ...EXAMPLE, nationality: 'INDONESIAN' })).toThrow(/nationality: expected an ISO 3166-1 alpha-3 code, got "INDONESIAN"/);
  });

  it('refuses what the specification does not allow', () => {
    expect(() => readTesda({ ...EXAMPLE, status: 'SUSPENDED' as never })).toThrow(/certificate 24130302001457: unknown status "SUSPENDED" \(expected one of VALID, EXPIRED, REVOKED\)/);
    expect(() => readTesda({ ...EXAMPLE, ncLevel: 'NC V' as never })).toThrow(/unknown ncLevel "NC V" \(expected one of NC I, NC II, NC III, NC IV, COC\)/);
    expect(() => readTesda({ ...EXAMPLE, psocCode: '72' })).toThrow(unreadable(EXAMPLE.certificateNumber));
  });
});

describe('tesdaAdapter against a registry that breaks its specification', () => {
  let fake: FakeRegistry;
  const adapter = () => connect(tesdaAdapter, fake.url);
  beforeAll(async () => {
    fake = await startFakeRegistry();
  });
  afterAll(() => fake.close());

  it('refuses a batch answer holding a certificate that was not asked for', async () => {
    fake.reply(200, { content: [EXAMPLE] });
    await expect(adapter().fetchByIds(['24130302000001'])).rejects.toThrow(/GET \/rcw\/certificates returned "24130302001457", which was not among the 1 numbers asked/);
    await expect(adapter().fetchByIds(['24130302000001'])).rejects.toEqual(registryError('REGISTRY_PROTOCOL_ERROR'));
  });

  it('refuses a 200 without a "content" list', async () => {
    fake.reply(200, [EXAMPLE]);
    await expect(adapter().fetchByIds(['24130302001457'])).rejects.toThrow(/answered 200 with a body that is not a JSON object/);
  });

  it('turns a 400 into a protocol error carrying TESDA\'s message', async () => {
    fake.reply(400, { message: 'ids: at most 40 certificate numbers per request' });
    await expect(adapter().findByHolder({ nationality: 'PHL', documentNumber: 'P1234567A' })).rejects.toThrow(/GET \/rcw\/holders\?passportNo answered 400: .*ids: at most 40/);
    await expect(adapter().fetchByIds(['24130302001457'])).rejects.toEqual(registryError('REGISTRY_PROTOCOL_ERROR'));
  });

  it('asks for the batch as one comma list in the query string', async () => {
    fake.reply(200, { content: [] });
    fake.asked.length = 0;
    await expect(adapter().fetchByIds(['24130302001457', '24130302000001'])).resolves.toEqual(new Map());
    expect(fake.asked).toHaveLength(1);
    const asked = new URL(fake.asked[0], fake.url);
    expect([asked.pathname, asked.searchParams.get('ids')]).toEqual(['/rcw/certificates', '24130302001457,24130302000001']);
  });

  it('serves the rest of a batch and of a holder answer beside a record it cannot read', async () => {
    const broken = { ...EXAMPLE, certificateNumber: '24130302000002', ncLevel: 'NC V' };
    fake.reply(200, { content: [EXAMPLE, broken] });
    const outcomes = await connect(tesdaAdapter, fake.url).loadMany([EXAMPLE.certificateNumber, broken.certificateNumber]);
    expect(outcomes.map((o) => (o instanceof Error ? o : o?.nativeId))).toEqual([EXAMPLE.certificateNumber, unreadable(broken.certificateNumber)]);
    fake.reply(200, { content: [EXAMPLE, broken] });
    const holder = await connect(tesdaAdapter, fake.url).source.findByHolder({ nationality: 'PHL', documentNumber: EXAMPLE.passportNo!, dateOfBirth: null });
    expect(holder.records.map((r) => r.nativeId)).toEqual([EXAMPLE.certificateNumber]);
    expect(holder.unreadable).toEqual([unreadable(broken.certificateNumber)]);
  });
});

describe('tesdaAdapter against the simulated TESDA', () => {
  let sim: TestSimulator;
  const adapter = () => connect(tesdaAdapter, sim.url, 2000);
  const natives = () => sim.simulator.store.all() as TesdaRecord[];

  beforeAll(async () => {
    sim = await startTestSimulator(tesdaSimulator);
  });
  afterAll(() => sim.close());

  it('fetches up to forty certificates in one call and leaves unknown numbers out', async () => {
    await sim.resetStats();
    const known = natives().slice(0, 39);
    const records = await adapter().fetchByIds([...known.map((r) => r.certificateNumber), '99130300000000']);
    expect([...records.keys()].sort()).toEqual(known.map((r) => r.certificateNumber).sort());
    const first = records.get(known[0].certificateNumber)!;
    expect(first).toMatchObject({ holderName: `${known[0].lastName}, ${known[0].firstName} ${known[0].middleName}`, title: known[0].qualificationTitle, nationalLevel: known[0].ncLevel, nativeStatus: known[0].status });
    expect(formatNativeDate((first as { issuedOn: string }).issuedOn, 'MM/DD/YYYY')).toBe(known[0].dateIssued);
    expect((await sim.stats()).routes[batchEndpoint(tesdaProfile)!.route]).toBe(1);
  });

  it('needs ⌈N / 40⌉ batch calls for N certificates through the kit', async () => {
    await sim.resetStats();
    const numbers = natives().slice(0, 90).map((r) => r.certificateNumber);
    const loaded = await adapter().loadMany(numbers);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual(numbers);
    expect((await sim.stats()).routes[batchEndpoint(tesdaProfile)!.route]).toBe(3);
  });

  it('finds a holder by passport, and not one who declared none', async () => {
    const holder = natives().find((r) => r.passportNo !== null)!;
    const found = await adapter().findByHolder({ nationality: 'PHL', documentNumber: holder.passportNo!.toLowerCase(), dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(holder.certificateNumber);
    expect(found.every((r) => r.holderDocumentNumber === holder.passportNo && r.holderNationality === 'PHL')).toBe(true);
    expect(natives().some((r) => r.passportNo === null)).toBe(true);
  });

  it('refuses a 404 that is not one of TESDA\'s answers', async () => {
    await expect(connect(tesdaAdapter, `${sim.url}/elsewhere/`).fetchByIds([natives()[0].certificateNumber])).rejects.toThrow(/GET \/rcw\/certificates\?ids answered 404/);
  });

  it('refuses a record the registry holds in a form the specification does not allow', async () => {
    await sim.upsert([{ ...EXAMPLE, certificateNumber: '24130399999998', dateIssued: '2024-03-02' }]);
    await expect(adapter().fetchByIds(['24130399999998'])).rejects.toThrow(/certificate 24130399999998: dateIssued: expected a date as MM\/DD\/YYYY/);
  });

  it('reads the whole registry page by page through its search, every record once', async () => {
    const { readable, unreadable } = await numbersOfEveryPage(adapter().source);
    expect([...readable, ...unreadable].sort()).toEqual(natives().map((r) => r.certificateNumber).sort());
  });
});

describeRegistryFaults({
  country: 'PHL',
  simulator: tesdaSimulator,
  adapter: tesdaAdapter,
  route: batchEndpoint(tesdaProfile)!.route,
  call: (adapter, records) => adapter.fetchByIds([records[0].certificateNumber]),
});

describe('generated certificates across the space the specification allows', () => {
  it('reads 1,000 of them through the kit as the generator decided', () => readEveryGenerated('PHL', tesdaAdapter, tesdaArbitrary));
  it('has the simulator serve a seeded sample of them, read back by number as the generator decided', () => servesEveryGenerated('PHL', tesdaAdapter, tesdaSimulator, tesdaArbitrary));
});
