import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEveryGenerated, servesEveryGenerated } from '../../sandbox/testing/generatedReading.js';
import { aepArbitrary } from './sandbox/aep.arbitrary.js';
import { numbersOfEveryPage } from '../../sandbox/testing/bulkReading.js';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { aepAdapter } from './aep.adapter.js';
import { aepSimulator } from './sandbox/aep.simulator.js';
import { isoFromDemonym } from './demonyms.js';
import demonyms from './aepDemonyms.json' with { type: 'json' };
import type { AepRecord } from './aep.native.js';

// The example record of subgraphs/phl/README.md, exactly as DOLE sends it.
const EXAMPLE: AepRecord = {
  aepNo: 'AEP-NCR-2025-001234',
  foreignNational: { surname: 'TANAKA', givenName: 'HIROSHI', nationality: 'JAPANESE', passportNo: 'TK1234567', birthDate: '1979-08-30' },
  position: 'Plant Engineering Manager',
  psocCode: '1321',
  employer: { name: 'Laguna Precision Components Inc.', tin: '123-456-789-000' },
  regionalOffice: 'NCR',
  validFrom: '2025-01-15',
  validUntil: '2026-01-14',
  status: 'ISSUED',
};
const withHolder = (changes: Partial<AepRecord['foreignNational']>): AepRecord => ({ ...EXAMPLE, foreignNational: { ...EXAMPLE.foreignNational, ...changes } });

const { connect, read, unreadable, registryError } = registryTestKit('PHL', 'aep');
const readAep = (native: AepRecord) => read(aepAdapter, native);

describe('reading a native record', () => {
  it('normalises the published example', () => {
    const record = readAep(EXAMPLE);
    expect(record).toMatchObject({
      __typename: 'PhlWorkPermit',
      id: 'PHL:PERMIT:AEP-NCR-2025-001234',
      country: 'PHL',
      registry: 'aep',
      nativeId: 'AEP-NCR-2025-001234',
      holderName: 'TANAKA, HIROSHI',
      holderNationality: 'JPN',
      holderDocumentNumber: 'TK1234567',
      holderDateOfBirth: '1979-08-30',
      permitClass: 'PROFESSIONAL',
      nativeType: 'AEP',
      status: 'ACTIVE',
      nativeStatus: 'ISSUED',
      validFrom: '2025-01-15',
      validUntil: '2026-01-14',
      employer: { name: 'Laguna Precision Components Inc.', registrationNumber: '123-456-789-000' },
      occupation: { isco: '1321', national: '1321', scheme: 'PSOC 2012', title: 'Plant Engineering Manager' },
      sector: null,
      regionalOffice: 'NCR',
    });
    expect(record.permitClassDerivation).toBe('PROFESSIONAL from ISCO-08 major group 1 of the position (PSOC 1321); DOLE records no permit category.');
  });

  it('translates every published demonym to its ISO alpha-3 code', () => {
    expect(Object.keys(demonyms.demonyms)).toHaveLength(20);
    for (const [demonym, iso] of Object.entries(demonyms.demonyms)) {
      expect(readAep(withHolder({ nationality: demonym })).holderNationality).toBe(iso);
    }
    expect(isoFromDemonym('BURMESE')).toBe('MMR');
    expect(isoFromDemonym('constructor')).toBeUndefined();
  });

  it('reads the demonym of any state, in any case, and refuses one that names no single state', () => {
    expect(readAep(withHolder({ nationality: 'GERMAN' })).holderNationality).toBe('DEU');
    expect(readAep(withHolder({ nationality: 'Japanese' })).holderNationality).toBe('JPN');
    expect(() => readAep(withHolder({ nationality: 'JPN' }))).toThrow(/permit AEP-NCR-2025-001234: unknown nationality "JPN" \(a demonym that names no single state\)/);
    expect(() => readAep(withHolder({ nationality: 'CONGOLESE' }))).toThrow(unreadable(EXAMPLE.aepNo));
  });

  it.each([
    ['2144', 'PROFESSIONAL'],
    ['3122', 'SKILLED'],
    ['7212', 'OTHER'],
    ['9313', 'OTHER'],
    ['0110', 'OTHER'],
  ] as const)('classes a post coded %s as %s', (psocCode, permitClass) => {
    expect(readAep({ ...EXAMPLE, psocCode })).toMatchObject({ permitClass, nativeType: 'AEP' });
  });

  it.each([
    ['PENDING', 'PENDING'],
    ['EXPIRED', 'EXPIRED'],
    ['REVOKED', 'REVOKED'],
    ['CANCELLED', 'CANCELLED'],
  ] as const)('maps status %s to %s and keeps the native word', (native, shared) => {
    expect(readAep({ ...EXAMPLE, status: native })).toMatchObject({ status: shared, nativeStatus: native });
    expect(readAep({ ...EXAMPLE, aepNo: 'COE-NCR-2025-001234', status: native })).toMatchObject({ status: shared, nativeStatus: native, nativeType: 'COE' });
  });

  it('reads a certificate of exemption (COE-) as EXEMPT, classed by its post like a permit', () => {
    expect(readAep({ ...EXAMPLE, aepNo: 'COE-IV-A-2025-000042', regionalOffice: 'IV-A', status: 'EXEMPT' })).toMatchObject({
      id: 'PHL:PERMIT:COE-IV-A-2025-000042',
      nativeType: 'COE',
      status: 'EXEMPT',
      nativeStatus: 'EXEMPT',
      permitClass: 'PROFESSIONAL',
    });
  });

  it('reads any of the six statuses on either kind, and refuses unknown words and prefixes', () => {
    expect(readAep({ ...EXAMPLE, status: 'EXEMPT' })).toMatchObject({ status: 'EXEMPT', nativeType: 'AEP' });
    expect(readAep({ ...EXAMPLE, aepNo: 'COE-NCR-2025-001234' })).toMatchObject({ status: 'ACTIVE', nativeType: 'COE' });
    expect(() => readAep({ ...EXAMPLE, status: 'APPROVED' as never })).toThrow(/unknown status "APPROVED" \(expected one of PENDING, ISSUED, EXPIRED, REVOKED, CANCELLED, EXEMPT\)/);
    expect(() => readAep({ ...EXAMPLE, aepNo: 'SWP-NCR-2025-001234' })).toThrow(/unknown number prefix "SWP" \(expected one of AEP, COE\)/);
  });


  it('refuses malformed dates and codes', () => {
    expect(() => readAep({ ...EXAMPLE, validUntil: '01/14/2026' })).toThrow(/validUntil: expected a date as YYYY-MM-DD, got "01\/14\/2026"/);
    expect(() => readAep(withHolder({ birthDate: '30-08-1979' }))).toThrow(/birthDate: expected a date as YYYY-MM-DD/);
    expect(() => readAep({ ...EXAMPLE, psocCode: '13' })).toThrow(unreadable(EXAMPLE.aepNo));
  });

  it('does not call DOLE about Filipinos, and says when a nationality has no demonym to ask with', async () => {
    // Nothing listens on port 9: a call would fail with REGISTRY_UNAVAILABLE.
    const offline = connect(aepAdapter, 'http://127.0.0.1:9');
    await expect(offline.findByHolder({ nationality: 'PHL', documentNumber: 'P1234567A', dateOfBirth: null })).resolves.toEqual([]);
    await expect(offline.findByHolder({ nationality: 'XXK', documentNumber: 'C123456', dateOfBirth: null })).rejects.toEqual(registryError('NATIONALITY_NOT_EXPRESSIBLE', { nationality: 'XXK' }));
  });

});

describe('aepAdapter against a registry that breaks its specification', () => {
  let fake: FakeRegistry;
  const adapter = () => connect(aepAdapter, fake.url);
  beforeAll(async () => {
    fake = await startFakeRegistry();
  });
  afterAll(() => fake.close());

  it('refuses a search answer that is not a list', async () => {
    fake.reply(200, { content: [EXAMPLE] });
    await expect(adapter().findByHolder({ nationality: 'JPN', documentNumber: 'TK1234567' })).rejects.toThrow(/answered 200 with an object instead of a list of permits/);
  });

  it('refuses a permit other than the one asked for', async () => {
    fake.reply(200, EXAMPLE);
    await expect(adapter().fetchByIds(['AEP-NCR-2025-000001'])).rejects.toThrow(/asked for AEP-NCR-2025-000001 and answered permit "AEP-NCR-2025-001234"/);
  });

  it('turns a 400 into a protocol error carrying the body', async () => {
    fake.reply(400, { status: 400, error: 'BAD_REQUEST', message: 'give passportNo and nationality' });
    await expect(adapter().findByHolder({ nationality: 'JPN', documentNumber: 'TK1234567' })).rejects.toThrow(/GET \/aep\/api\/permits\?passportNo answered 400: .*BAD_REQUEST/);
  });

  it('asks by passport and the demonym, not the ISO code', async () => {
    fake.reply(200, []);
    fake.asked.length = 0;
    await expect(adapter().findByHolder({ nationality: 'JPN', documentNumber: 'TK1234567' })).resolves.toEqual([]);
    const asked = new URL(fake.asked[0], fake.url);
    expect([asked.pathname, asked.searchParams.get('passportNo'), asked.searchParams.get('nationality')]).toEqual(['/aep/api/permits', 'TK1234567', 'JAPANESE']);
  });

  it('serves a holder\'s readable permits beside the one it cannot read', async () => {
    const broken = { ...EXAMPLE, aepNo: 'AEP-NCR-2025-000002', status: 'APPROVED' };
    fake.reply(200, [EXAMPLE, broken]);
    const holder = await connect(aepAdapter, fake.url).source.findByHolder({ nationality: 'JPN', documentNumber: EXAMPLE.foreignNational.passportNo, dateOfBirth: null });
    expect(holder.records.map((r) => r.nativeId)).toEqual([EXAMPLE.aepNo]);
    expect(holder.unreadable).toEqual([unreadable(broken.aepNo)]);
  });
});

describe('aepAdapter against the simulated DOLE registry', () => {
  let sim: TestSimulator;
  const adapter = () => connect(aepAdapter, sim.url, 2000);
  const natives = () => sim.simulator.store.all() as AepRecord[];

  beforeAll(async () => {
    sim = await startTestSimulator(aepSimulator);
  });
  afterAll(() => sim.close());

  it('fetches one permit per call and answers nothing for an unknown number', async () => {
    const native = natives()[0];
    const found = await adapter().fetchByIds([native.aepNo]);
    expect(found.get(native.aepNo)).toMatchObject({ holderName: `${native.foreignNational.surname}, ${native.foreignNational.givenName}`, holderNationality: isoFromDemonym(native.foreignNational.nationality), validFrom: native.validFrom, validUntil: native.validUntil, nativeStatus: native.status, regionalOffice: native.regionalOffice });
    expect((await adapter().fetchByIds(['AEP-NCR-2099-999999'])).size).toBe(0);
  });

  it('makes one call per permit through the kit, and reads every generated one', async () => {
    await sim.resetStats();
    const numbers = natives().map((r) => r.aepNo);
    const loaded = await adapter().loadMany([...numbers, numbers[0]]);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual([...numbers, numbers[0]]);
    expect((await sim.stats()).routes['GET /aep/api/permits/{aepNo}']).toBe(numbers.length);
    expect(new Set(loaded.map((r) => (r as { status: string }).status))).toContain('EXEMPT');
  });

  it('finds a foreign national by passport and nationality, and nobody under another nationality', async () => {
    const native = natives()[0];
    const nationality = isoFromDemonym(native.foreignNational.nationality)!;
    const found = await adapter().findByHolder({ nationality, documentNumber: native.foreignNational.passportNo, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(native.aepNo);
    const elsewhere = nationality === 'KOR' ? 'JPN' : 'KOR';
    expect(await adapter().findByHolder({ nationality: elsewhere, documentNumber: native.foreignNational.passportNo, dateOfBirth: null })).toEqual([]);
  });

  it('refuses a 404 that is not DOLE\'s AEP_NOT_FOUND', async () => {
    await expect(connect(aepAdapter, `${sim.url}/elsewhere/`).fetchByIds([natives()[0].aepNo])).rejects.toThrow(/answered 404 without \{"error":"AEP_NOT_FOUND"\}/);
  });

  it('reads the whole registry page by page through its search, every record once', async () => {
    const { readable, unreadable } = await numbersOfEveryPage(adapter().source);
    expect([...readable, ...unreadable].sort()).toEqual(natives().map((r) => r.aepNo).sort());
  });

  it('serves the permits it can read beside one it cannot, each number on its own', async () => {
    await sim.upsert([{ ...EXAMPLE, aepNo: 'AEP-NCR-2025-999997', status: 'APPROVED' }]);
    const good = natives().slice(0, 2).map((r) => r.aepNo);
    const outcomes = await adapter().loadMany([good[0], 'AEP-NCR-2025-999997', good[1]]);
    expect(outcomes.map((o) => (o instanceof Error ? o : o?.nativeId))).toEqual([good[0], unreadable('AEP-NCR-2025-999997'), good[1]]);
  });
});

describeRegistryFaults({
  country: 'PHL',
  simulator: aepSimulator,
  adapter: aepAdapter,
  route: 'GET /aep/api/permits/{aepNo}',
  call: (adapter, records) => adapter.fetchByIds([records[0].aepNo]),
});

describe('generated permits across the space the specification allows', () => {
  it('reads 1,000 of them through the kit as the generator decided', () => readEveryGenerated('PHL', aepAdapter, aepArbitrary));
  it('has the simulator serve a seeded sample of them, read back by number as the generator decided', () => servesEveryGenerated('PHL', aepAdapter, aepSimulator, aepArbitrary));
});
