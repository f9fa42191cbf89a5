import { batchEndpoint } from '../kit/adapter.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { idsThroughPages } from '../../sandbox/testing/wholeRegistry.js';
import { matchesIdentity } from '../kit/countryContext.js';
import { ssgAdapter } from './ssg.adapter.js';
import { ssgSimulator } from './sandbox/ssg.simulator.js';
import { ssgProfile } from './profiles.js';
import type { SsgRecord } from './ssg.native.js';

// The example record of subgraphs/sgp/README.md, exactly as SSG sends it.
const EXAMPLE: SsgRecord = {
  credentialId: '8f14e45f-ceea-467f-a9f2-9c0b6a1d2e11',
  holder: { name: 'RAJESH KUMAR', idType: 'FIN', idNumber: 'G1234567X', passportNo: 'Z1234567', nationality: 'IND', dateOfBirth: '1988-02-11' },
  type: 'SOA',
  qualificationCode: 'WSQ-BCA-RBW-3002',
  title: 'Apply Structural Steel Welding Processes',
  level: 'CERTIFICATE',
  frameworkSector: 'BUILT_ENVIRONMENT',
  ssocCode: '72122',
  trainingProvider: 'BCA Academy',
  issuedOn: '2024-09-18',
  opencertsMerkleRoot: '5f1a…c0',
  revoked: false,
};

const { connect, read, unreadable } = registryTestKit('SGP', 'ssg');
const offline = 'http://127.0.0.1:9';
const withHolder = (holder: Partial<SsgRecord['holder']>): SsgRecord => ({ ...EXAMPLE, holder: { ...EXAMPLE.holder, ...holder } });

describe('reading an SSG credential', () => {
  it('normalises the published example', () => {
    const record = read(ssgAdapter, EXAMPLE);
    expect(record).toMatchObject({
      __typename: 'SgpCertification',
      id: 'SGP:CERT:8f14e45f-ceea-467f-a9f2-9c0b6a1d2e11',
      country: 'SGP',
      registry: 'ssg',
      nativeId: '8f14e45f-ceea-467f-a9f2-9c0b6a1d2e11',
      holderName: 'RAJESH KUMAR',
      holderNationality: 'IND',
      holderDocumentNumber: 'Z1234567',
      holderDateOfBirth: '1988-02-11',
      title: 'Apply Structural Steel Welding Processes',
      qualificationCode: 'WSQ-BCA-RBW-3002',
      nationalLevel: 'CERTIFICATE',
      aqrfLevel: null,
      aqrfBasis: 'NOT_REFERENCED',
      occupation: { isco: '7212', national: '72122', scheme: 'SSOC 2024', title: null },
      issuer: { name: 'SkillsFuture Singapore', registrationNumber: null },
      issuedOn: '2024-09-18',
      validUntil: null,
      status: 'VALID',
      nativeStatus: 'revoked: false',
      credentialType: 'SOA',
      levelName: 'Certificate',
      frameworkSector: 'BUILT_ENVIRONMENT',
      trainingProvider: 'BCA Academy',
      opencertsMerkleRoot: '5f1a…c0',
      holderIdType: 'FIN',
      holderIdMasked: '*****567X',
      stale: false,
    });
    expect(record.aqrfDerivation).toMatch(/Singapore's WSQ is not referenced to the AQRF/);
    // PDPA treats FINs like NRIC numbers: every field carries only the masked form; the full number
    // travels only for identity matching, in holderOtherDocumentNumbers, which is no GraphQL field (identityNumbers.test.ts).
    const { holderOtherDocumentNumbers, ...fields } = record;
    expect(holderOtherDocumentNumbers).toEqual(['G1234567X']);
    expect(JSON.stringify(fields)).not.toContain('G1234567X');
  });

  it.each([
    ['CERTIFICATE', 'Certificate'],
    ['HIGHER_CERTIFICATE', 'Higher Certificate'],
    ['ADVANCED_CERTIFICATE', 'Advanced Certificate'],
    ['DIPLOMA', 'Diploma'],
    ['SPECIALIST_DIPLOMA', 'Specialist Diploma'],
    ['GRADUATE_CERTIFICATE', 'Graduate Certificate'],
    ['GRADUATE_DIPLOMA', 'Graduate Diploma'],
  ] as const)('keeps WSQ level %s (%s) and claims no AQRF level for it', (level, levelName) => {
    expect(read(ssgAdapter, { ...EXAMPLE, level })).toMatchObject({ nationalLevel: level, levelName, aqrfLevel: null, aqrfBasis: 'NOT_REFERENCED' });
  });

  it('reads revoked: true as REVOKED, and never gives an end date', () => {
    expect(read(ssgAdapter, { ...EXAMPLE, revoked: true })).toMatchObject({ status: 'REVOKED', nativeStatus: 'revoked: true', validUntil: null });
  });

  it('keeps full qualifications as well as statements of attainment', () => {
    expect(read(ssgAdapter, { ...EXAMPLE, type: 'QUALIFICATION' })).toMatchObject({ credentialType: 'QUALIFICATION' });
  });

  it('keeps a citizen recorded by NRIC with no passport, with no document number', () => {
    expect(read(ssgAdapter, withHolder({ idType: 'NRIC', idNumber: 'S1234567D', passportNo: null, nationality: 'SGP' }))).toMatchObject({
      holderDocumentNumber: null,
      holderNationality: 'SGP',
      holderIdType: 'NRIC',
      holderIdMasked: '*****567D',
    });
  });

  it('accepts M-series FINs on their format alone', () => {
    expect(read(ssgAdapter, withHolder({ idNumber: 'M1234567K' }))).toMatchObject({ holderIdMasked: '*****567K' });
  });

  it('refuses what the specification does not allow', () => {
    expect(() => read(ssgAdapter, { ...EXAMPLE, level: 'NITEC' as never })).toThrow(/credential 8f14e45f-ceea-467f-a9f2-9c0b6a1d2e11: unknown level "NITEC" \(expected one of CERTIFICATE, HIGHER_CERTIFICATE/);
    expect(() => read(ssgAdapter, { ...EXAMPLE, type: 'MODULE' as never })).toThrow(/unknown type "MODULE" \(expected one of SOA, QUALIFICATION\)/);
    expect(() => read(ssgAdapter, { ...EXAMPLE, revoked: 'no' as never })).toThrow(/unknown revoked value "no" \(expected one of false, true\)/);
    expect(() => read(ssgAdapter, withHolder({ idType: 'PASSPORT' as never }))).toThrow(/unknown holder.idType "PASSPORT"/);
    expect(() => read(ssgAdapter, withHolder({ idNumber: 'G1234567A' }))).toThrow(/holder.idNumber: G1234567A fails the G-series checksum: its last letter should be X/);
    expect(() => read(ssgAdapter, withHolder({ idType: 'NRIC' }))).toThrow(/holder.idNumber is an FIN, but idType says NRIC/);
    expect(() => read(ssgAdapter, withHolder({ nationality: 'INDIAN' }))).toThrow(/holder.nationality: expected an ISO 3166-1 alpha-3 code, got "INDIAN"/);
    expect(() => read(ssgAdapter, { ...EXAMPLE, ssocCode: '7212' })).toThrow(/ssocCode: expected an SSOC 2024 code of 5 digits/);
    expect(() => read(ssgAdapter, { ...EXAMPLE, issuedOn: '18/09/2024' })).toThrow(/issuedOn: expected a date as YYYY-MM-DD/);
    expect(() => read(ssgAdapter, { ...EXAMPLE, title: 'x', revoked: true, level: 'X' as never })).toThrow(unreadable(EXAMPLE.credentialId));
  });

  it('refuses a malformed FIN before any call', async () => {
    // The offline client would fail with REGISTRY_UNAVAILABLE if the adapter made a call.
    await expect(connect(ssgAdapter, offline).findByHolder({ nationality: 'IND', documentNumber: 'G1234567A', dateOfBirth: null })).rejects.toMatchObject({
      message: expect.stringContaining('G1234567A fails the G-series checksum: its last letter should be X'),
      extensions: { code: 'IDENTITY_ATTRIBUTES_REQUIRED', country: 'SGP', registry: 'ssg', required: ['documentNumber'] },
    });
  });
});

describe('ssgAdapter against a registry that breaks its specification', () => {
  let fake: FakeRegistry;
  beforeAll(async () => {
    fake = await startFakeRegistry();
  });
  afterAll(() => fake.close());

  it('refuses a query answer holding a credential that was not asked for', async () => {
    fake.reply(200, { credentials: [EXAMPLE] });
    await expect(connect(ssgAdapter, fake.url).fetchByIds(['00000000-0000-4000-8000-000000000001'])).rejects.toThrow(/POST \/v1\/credentials\/query returned "8f14e45f-ceea-467f-a9f2-9c0b6a1d2e11", which was not among the 1 numbers asked/);
  });

  it('refuses a 200 without a credentials list', async () => {
    fake.reply(200, { records: [EXAMPLE] });
    await expect(connect(ssgAdapter, fake.url).fetchByIds([EXAMPLE.credentialId])).rejects.toThrow(/answered 200 without a credentials list/);
  });

  it('turns a 400 INVALID_ID into a protocol error naming the code', async () => {
    fake.reply(400, { code: 'INVALID_ID' });
    await expect(connect(ssgAdapter, fake.url).findByHolder({ nationality: 'IND', documentNumber: 'G1234567X', dateOfBirth: null })).rejects.toMatchObject({
      message: expect.stringMatching(/POST \/v1\/credentials\/by-holder answered 400 INVALID_ID/),
      extensions: { code: 'REGISTRY_PROTOCOL_ERROR', country: 'SGP', registry: 'ssg' },
    });
  });
});

describe('ssgAdapter against the simulated SSG', () => {
  let sim: TestSimulator;
  const adapter = () => connect(ssgAdapter, sim.url, 2000);
  const natives = () => sim.simulator.store.all() as SsgRecord[];

  beforeAll(async () => {
    sim = await startTestSimulator(ssgSimulator);
  });
  afterAll(() => sim.close());

  it('fetches credentials in one query and leaves unknown ids out', async () => {
    await sim.resetStats();
    const known = natives().slice(0, 20);
    const records = await adapter().fetchByIds([...known.map((r) => r.credentialId), '00000000-0000-4000-8000-000000000000']);
    expect([...records.keys()].sort()).toEqual(known.map((r) => r.credentialId).sort());
    expect(records.get(known[0].credentialId)).toMatchObject({ holderName: known[0].holder.name, holderDateOfBirth: known[0].holder.dateOfBirth, issuedOn: known[0].issuedOn, nationalLevel: known[0].level });
    expect((await sim.stats()).routes[batchEndpoint(ssgProfile)!.route]).toBe(1);
  });

  it('round-trips every generated credential in ⌈N / 200⌉ queries through the kit', async () => {
    await sim.resetStats();
    const ids = natives().map((r) => r.credentialId);
    const loaded = await adapter().loadMany(ids);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual(ids);
    expect((await sim.stats()).routes[batchEndpoint(ssgProfile)!.route]).toBe(Math.ceil(ids.length / 200));
  });

  it('finds a foreign holder by passport and nationality, as the kit will match them', async () => {
    const native = natives().find((r) => r.holder.idType === 'FIN')!;
    const identity = { nationality: native.holder.nationality, documentNumber: native.holder.passportNo!, dateOfBirth: native.holder.dateOfBirth };
    const found = await adapter().findByHolder(identity);
    expect(found.map((r) => r.nativeId)).toContain(native.credentialId);
    expect(found.every((r) => matchesIdentity(r, identity))).toBe(true);
    const elsewhere = native.holder.nationality === 'CHN' ? 'IND' : 'CHN';
    expect(await adapter().findByHolder({ ...identity, nationality: elsewhere })).toEqual([]);
  });

  it('asks by FIN or NRIC when given one, and the kit matches the holder by it', async () => {
    for (const idType of ['FIN', 'NRIC'] as const) {
      const native = natives().find((r) => r.holder.idType === idType)!;
      const identity = { nationality: native.holder.nationality, documentNumber: native.holder.idNumber, dateOfBirth: native.holder.dateOfBirth };
      const found = await adapter().findByHolder(identity);
      expect(found.map((r) => r.nativeId)).toContain(native.credentialId);
      expect(found.every((r) => (r as unknown as { holderIdType: string }).holderIdType === idType)).toBe(true);
      // A citizen's credential names no passport: the NRIC the registry links to it is what matches.
      expect(found.every((r) => matchesIdentity(r, identity))).toBe(true);
    }
  });

  it('refuses a 404 that is not the registry\'s', async () => {
    await expect(connect(ssgAdapter, `${sim.url}/elsewhere/`).fetchByIds([natives()[0].credentialId])).rejects.toThrow(/POST \/v1\/credentials\/query answered 404/);
  });

  it('refuses a record the registry holds in a form the specification does not allow', async () => {
    const id = '00000000-0000-4000-8000-000000000099';
    await sim.upsert([{ ...EXAMPLE, credentialId: id, issuedOn: '18-09-2024' }]);
    await expect(adapter().fetchByIds([id])).rejects.toThrow(new RegExp(`credential ${id}: issuedOn: expected a date as YYYY-MM-DD`));
    await expect(adapter().fetchByIds([id])).rejects.toEqual(unreadable(id));
  });

  it('loses only the unreadable credential: the rest of the batch and of the holder\'s answer is served', async () => {
    const good = natives().find((r) => r.holder.idType === 'FIN')!;
    const bad = { ...good, credentialId: '00000000-0000-4000-8000-000000000098', level: 'NITEC' };
    await sim.upsert([bad]);
    const [record, error] = await adapter().loadMany([good.credentialId, bad.credentialId]);
    expect(record).toMatchObject({ nativeId: good.credentialId });
    expect(error).toEqual(unreadable(bad.credentialId));
    const holder = await adapter().source.findByHolder({ nationality: good.holder.nationality, documentNumber: good.holder.idNumber, dateOfBirth: null });
    expect(holder.records.map((r) => r.nativeId)).toContain(good.credentialId);
    expect(holder.unreadable).toEqual([unreadable(bad.credentialId)]);
  });

  it('asks the registry for any id, whatever its shape', async () => {
    expect((await adapter().fetchByIds(['WP-2024-7781234'])).size).toBe(0);
  });

  it('reads the whole registry page by page through its listing, every credential once', async () => {
    expect((await idsThroughPages(adapter().source)).sort()).toEqual(natives().map((r) => r.credentialId).sort());
  });
});

describeRegistryFaults({
  country: 'SGP',
  simulator: ssgSimulator,
  adapter: ssgAdapter,
  route: batchEndpoint(ssgProfile)!.route,
  call: (adapter, records) => adapter.fetchByIds([records[0].credentialId]),
});
