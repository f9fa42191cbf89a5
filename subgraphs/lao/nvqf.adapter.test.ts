import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { expectOnlyTheUnreadableLost } from '../../sandbox/testing/recordChecks.js';
import { nvqfAdapter } from './nvqf.adapter.js';
import { nvqfSimulator } from './sandbox/nvqf.simulator.js';
import type { NvqfRecord } from './nvqf.native.js';

// The example record of subgraphs/lao/README.md, exactly as NVQF sends it.
const EXAMPLE: NvqfRecord = {
  certNo: 'LA-NVQF-2023-000456',
  nameLao: 'ສົມພອນ ແກ້ວມະນີ',
  nameLatin: 'SOMPHONE KEOMANY',
  passport: 'P0123456',
  nationality: 'LAO',
  dob: '02/02/1997',
  level: 'L2',
  qualification: 'Electrical Installation',
  iscoCode: '7411',
  college: 'Lao-German Technical College',
  issued: '10/06/2023',
  valid: true,
};

const { connect, read, unreadable, protocolError } = registryTestKit('LAO', 'nvqf');
const nvqfToContract = (native: NvqfRecord) => read(nvqfAdapter, native);

describe('reading NVQF certificates', () => {
  it('normalises the published example', () => {
    const record = nvqfToContract(EXAMPLE);
    expect(record).toMatchObject({
      __typename: 'LaoCertification',
      id: 'LAO:CERT:LA-NVQF-2023-000456',
      country: 'LAO',
      registry: 'nvqf',
      nativeId: 'LA-NVQF-2023-000456',
      holderName: 'SOMPHONE KEOMANY',
      holderNationality: 'LAO',
      holderDocumentNumber: 'P0123456',
      holderDateOfBirth: '1997-02-02',
      title: 'Electrical Installation',
      qualificationCode: null,
      nationalLevel: 'L2',
      aqrfLevel: 2,
      aqrfBasis: 'INDICATIVE',
      occupation: { isco: '7411', national: '7411', scheme: 'ISCO-08', title: 'Electrical Installation' },
      issuer: { name: 'Ministry of Education and Sports and Ministry of Labour and Social Welfare (NVQF)', registrationNumber: null },
      issuedOn: '2023-06-10',
      validUntil: null,
      status: 'VALID',
      nativeStatus: 'valid: true',
      nameLao: 'ສົມພອນ ແກ້ວມະນີ',
      nvqfLevel: 'L2',
      levelName: 'Certificate II',
      college: 'Lao-German Technical College',
      stale: false,
    });
    expect(record.aqrfDerivation).toMatch(/^Indicative only: NVQF L1-L5 read as AQRF levels 1-5/);
  });

  it.each([
    ['L1', 1, 'Certificate I'],
    ['L3', 3, 'Certificate III'],
    ['L4', 4, 'Diploma'],
    ['L5', 5, 'Higher Diploma'],
  ] as const)('reads NVQF level %s as indicative AQRF level %i (%s)', (level, aqrf, name) => {
    expect(nvqfToContract({ ...EXAMPLE, level })).toMatchObject({ nationalLevel: level, aqrfLevel: aqrf, aqrfBasis: 'INDICATIVE', nvqfLevel: level, levelName: name });
  });

  it('reads valid: false as withdrawn (REVOKED) and keeps what the registry wrote', () => {
    expect(nvqfToContract({ ...EXAMPLE, valid: false })).toMatchObject({ status: 'REVOKED', nativeStatus: 'valid: false', validUntil: null });
  });

  it('never expires a certificate, however old', () => {
    expect(nvqfToContract({ ...EXAMPLE, issued: '01/01/2001' })).toMatchObject({ status: 'VALID', issuedOn: '2001-01-01', validUntil: null });
  });

  it('refuses what the specification does not allow', () => {
    expect(() => nvqfToContract({ ...EXAMPLE, level: 'L6' })).toThrow(/certificate LA-NVQF-2023-000456: unknown level "L6" \(expected one of L1, L2, L3, L4, L5\)/);
    expect(() => nvqfToContract({ ...EXAMPLE, level: '2' })).toThrow(unreadable(EXAMPLE.certNo));
    expect(() => nvqfToContract({ ...EXAMPLE, dob: '1997-02-02' })).toThrow(/dob: expected a date as DD\/MM\/YYYY, got "1997-02-02"/);
    expect(() => nvqfToContract({ ...EXAMPLE, issued: '31/06/2023' })).toThrow(/issued: expected a date as DD\/MM\/YYYY/);
    expect(() => nvqfToContract({ ...EXAMPLE, nationality: 'Lao' })).toThrow(/nationality: expected an ISO 3166-1 alpha-3 code, got "Lao"/);
    expect(() => nvqfToContract({ ...EXAMPLE, iscoCode: 'ELEC' })).toThrow(unreadable(EXAMPLE.certNo));
    expect(nvqfToContract({ ...EXAMPLE, iscoCode: '741', passport: null })).toMatchObject({ occupation: { isco: null, national: '741' }, holderDocumentNumber: null });
    expect(() => nvqfToContract({ ...EXAMPLE, valid: 'true' as never })).toThrow(/valid: expected true or false, got "true"/);
  });

  it('takes one certificate number per call, having no batch endpoint', () => {
    expect(connect(nvqfAdapter, 'http://127.0.0.1:9').source.idsPerCall).toBe(1);
  });
});

describe('nvqfAdapter against a registry that breaks its specification', () => {
  let registry: FakeRegistry;
  beforeAll(async () => {
    registry = await startFakeRegistry();
  });
  afterAll(() => registry.close());
  const adapter = () => connect(nvqfAdapter, registry.url);

  it('refuses a record for another number than the one asked', async () => {
    registry.reply(200, EXAMPLE);
    await expect(adapter().fetchByIds(['LA-NVQF-2024-000001'])).rejects.toThrow(/asked for LA-NVQF-2024-000001 and answered certificate "LA-NVQF-2023-000456"/);
    expect(registry.asked.at(-1)).toBe('/nvqf/cert/LA-NVQF-2024-000001');
  });

  it('refuses a search answer without a certs list, and a 400', async () => {
    const identity = { nationality: 'LAO', documentNumber: 'P0123456', dateOfBirth: null };
    registry.reply(200, { records: [EXAMPLE] });
    await expect(adapter().findByHolder(identity)).rejects.toThrow(/answered 200 without a "certs" list/);
    registry.reply(400, { message: 'give passport and nationality (ISO alpha-3)' });
    await expect(adapter().findByHolder(identity)).rejects.toThrow(protocolError);
  });

  it('refuses a body that is not JSON', async () => {
    registry.reply(200, '<html>maintenance</html>', { 'content-type': 'text/html' });
    await expect(adapter().fetchByIds(['LA-NVQF-2023-000456'])).rejects.toThrow(/answered 200 with a body that is not JSON/);
  });
});

describe('nvqfAdapter against the simulated NVQF registry', () => {
  let sim: TestSimulator;
  const natives = () => sim.simulator.store.all() as NvqfRecord[];
  const adapter = () => connect(nvqfAdapter, sim.url, 2000);

  beforeAll(async () => {
    sim = await startTestSimulator(nvqfSimulator);
  });
  afterAll(() => sim.close());

  it('fetches one certificate per call and answers nothing for an unknown number', async () => {
    const native = natives()[0];
    const found = await adapter().fetchByIds([native.certNo]);
    expect(found.get(native.certNo)).toMatchObject({ holderName: native.nameLatin, nameLao: native.nameLao, holderNationality: native.nationality, nvqfLevel: native.level, college: native.college, nativeStatus: `valid: ${native.valid}` });
    expect((await adapter().fetchByIds(['LA-NVQF-2099-999999'])).size).toBe(0);
  });

  it('makes one call per certificate through the kit, and reads every generated certificate', async () => {
    await sim.resetStats();
    const numbers = natives().map((r) => r.certNo);
    const loaded = await adapter().loadMany([...numbers, numbers[0]]);
    expect(loaded.filter((r) => r !== null && !(r instanceof Error))).toHaveLength(numbers.length + 1);
    expect((await sim.stats()).routes['GET /nvqf/cert/{certNo}']).toBe(numbers.length);
  });

  it('finds a holder by passport and nationality, and nobody under another nationality', async () => {
    const native = natives().find((r) => r.nationality === 'LAO')!;
    const found = await adapter().findByHolder({ nationality: 'LAO', documentNumber: native.passport!, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(native.certNo);
    expect(found.every((r) => r.holderDocumentNumber === native.passport && r.holderNationality === 'LAO')).toBe(true);
    expect(await adapter().findByHolder({ nationality: 'THA', documentNumber: native.passport!, dateOfBirth: null })).toEqual([]);
  });

  it('refuses a 404 that is not the registry\'s {"message":"not found"}', async () => {
    await expect(connect(nvqfAdapter, `${sim.url}/elsewhere/`).fetchByIds([natives()[0].certNo])).rejects.toThrow(/answered 404 without \{"message":"not found"\}/);
  });

  it('waits out a {"message":"slow down"} whose Retry-After fits the time budget', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      await sim.resetStats();
      const patient = connect(nvqfAdapter, sim.url, 3000);
      await patient.fetchByIds([natives()[0].certNo]);
      expect((await patient.fetchByIds([natives()[1].certNo])).size).toBe(1);
      // The second lookup was refused once, then asked again after the wait.
      expect((await sim.stats()).routes['GET /nvqf/cert/{certNo}']).toBe(3);
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });

  it('refuses a record the registry holds in a form the specification does not allow', async () => {
    await sim.upsert([{ ...EXAMPLE, certNo: 'LA-NVQF-2023-999998', valid: 'Y' }]);
    await expect(adapter().fetchByIds(['LA-NVQF-2023-999998'])).rejects.toThrow(/certificate LA-NVQF-2023-999998: valid: expected true or false, got "Y"/);
  });

  it('loses only the unreadable record of a look-up by numbers, naming it', async () => {
    await sim.upsert([{ ...EXAMPLE, certNo: 'LA-NVQF-2023-999997', level: 'L9' }]);
    const good = natives().slice(0, 2).map((r) => r.certNo);
    await expectOnlyTheUnreadableLost(adapter(), [good[0], 'LA-NVQF-2023-999997', good[1]], unreadable);
  });

  it('loses only the unreadable record of a holder\'s answer, naming it', async () => {
    const native = natives().find((r) => r.nationality === 'LAO')!;
    await sim.upsert([{ ...native, certNo: 'LA-NVQF-2023-999996', dob: '1997-02-02' }]);
    const answer = await adapter().source.findByHolder({ nationality: 'LAO', documentNumber: native.passport!, dateOfBirth: null });
    expect(answer.records.map((r) => r.nativeId)).toContain(native.certNo);
    expect(answer.unreadable).toEqual([unreadable('LA-NVQF-2023-999996')]);
  });
});

describeRegistryFaults({
  country: 'LAO',
  simulator: nvqfSimulator,
  adapter: nvqfAdapter,
  route: 'GET /nvqf/cert/{certNo}',
  call: (adapter, records) => adapter.fetchByIds([records[0].certNo]),
});
