import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './testStack.js';
import { entryFor } from '../../bin/topology.js';
import { loadSimulators } from '../../sandbox/countrySimulators.js';
import { defaultPopulation } from '../../sandbox/population/population.js';
import type { TesdaRecord } from '../../subgraphs/phl/tesda.native.js';
import type { BnspRecord } from '../../subgraphs/idn/bnsp.native.js';

// Recognition across frameworks (issue 14), over real HTTP through the gateway: certificates from
// the simulated registries, compared with Malaysia's framework by the reference data's rules.
const RECOGNITION = `query R($id: ID!, $host: String!) {
  recognition(certificationId: $id, hostCountry: $host) {
    certification { id ... on Certification { country nationalLevel } }
    hostCountry aqrfLevel basis homeFramework hostFramework hostLevels caveats
    mutualRecognition { id name regionalRegister }
  }
}`;

interface RecognitionResult {
  recognition: { certification: { id: string; country: string; nationalLevel: string | null }; hostCountry: string; aqrfLevel: number | null; basis: string; homeFramework: string; hostFramework: string; hostLevels: string[]; caveats: string[]; mutualRecognition: { id: string } | null } | null;
}

async function natives<N>(code: string, key: string): Promise<N[]> {
  const simulator = (await loadSimulators(code)).find((s) => s.profile.key === key)!;
  return simulator.records(defaultPopulation()) as N[];
}

describe('recognition of a certification in a host member state', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ countries: ['IDN', 'MYS', 'PHL', 'SGP'].map(entryFor) });
  });
  afterAll(() => stack?.close());

  it('places a TESDA NC III at AQRF 3 in Malaysia, REFERENCED, beside SKM 3', async () => {
    const nc3 = (await natives<TesdaRecord>('PHL', 'tesda')).find((r) => r.ncLevel === 'NC III')!;
    const result = await stack.query<RecognitionResult>(RECOGNITION, { id: `PHL:CERT:${nc3.certificateNumber}`, host: 'MYS' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.recognition).toMatchObject({ hostCountry: 'MYS', aqrfLevel: 3, basis: 'REFERENCED', homeFramework: 'PQF', hostFramework: 'MQF', hostLevels: ['SKM 3'] });
    expect(result.data!.recognition!.certification).toMatchObject({ id: `PHL:CERT:${nc3.certificateNumber}`, country: 'PHL', nationalLevel: 'NC III' });
  });

  it('claims at most INDICATIVE for a BNSP KKNI certificate, and says why', async () => {
    const kkni = (await natives<BnspRecord>('IDN', 'bnsp')).find((r) => r.skema.jenis === 'KKNI' && r.jenjang_kkni !== null && r.jenjang_kkni <= 5)!;
    const result = await stack.query<RecognitionResult>(RECOGNITION, { id: `IDN:CERT:${kkni.nomor_sertifikat}`, host: 'MYS' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.recognition!.basis).toBe('INDICATIVE');
    expect(result.data!.recognition!.caveats.join(' ')).toMatch(/INDICATIVE/);
  });

  it('answers NOT_REFERENCED for a Singapore WSQ credential', async () => {
    const [ssg] = await natives<{ credentialId: string }>('SGP', 'ssg');
    const simulator = (await loadSimulators('SGP')).find((s) => s.profile.key === 'ssg')!;
    const result = await stack.query<RecognitionResult>(RECOGNITION, { id: `SGP:CERT:${simulator.idOf(ssg as never)}`, host: 'MYS' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.recognition).toMatchObject({ basis: 'NOT_REFERENCED', aqrfLevel: null, hostLevels: [] });
  });

  it("names the engineering MRA for an engineer's certificate", async () => {
    const [template] = await natives<BnspRecord>('IDN', 'bnsp');
    const engineer: BnspRecord = { ...template, nomor_sertifikat: '21429.0421.5.9990001.2024', kode_kbji: '2142', skema: { kode: 'SKM.2142.05', nama: 'Ahli Teknik Sipil', jenis: 'KKNI' }, jenjang_kkni: 5, status: 'AKTIF' };
    await stack.upsert('IDN/bnsp', [engineer]);
    const result = await stack.query<RecognitionResult>(RECOGNITION, { id: `IDN:CERT:${engineer.nomor_sertifikat}`, host: 'MYS' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.recognition!.mutualRecognition).toMatchObject({ id: 'ENGINEERING' });
  });

  it('refuses a host that is not a member state, and a certificate its registry does not hold, each with a clear error', async () => {
    const nc3 = (await natives<TesdaRecord>('PHL', 'tesda'))[0];
    const foreign = await stack.query<RecognitionResult>(RECOGNITION, { id: `PHL:CERT:${nc3.certificateNumber}`, host: 'DEU' });
    expect(foreign.errors?.[0]).toMatchObject({ message: expect.stringContaining('not an ASEAN member state'), extensions: { code: 'BAD_USER_INPUT', argument: 'hostCountry' } });
    const unknown = await stack.query<RecognitionResult>(RECOGNITION, { id: 'PHL:CERT:NO-SUCH-CERTIFICATE', host: 'MYS' });
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', argument: 'certificationId' } });
    const permit = await stack.query<RecognitionResult>(RECOGNITION, { id: 'PHL:PERMIT:AEP-NCR-2024-000001', host: 'MYS' });
    expect(permit.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'certificationId' } });
  });

  it('serves the reference data: which member states\' frameworks are referenced, MRAs, permit types', async () => {
    const result = await stack.query<{ qualificationFrameworks: Array<{ country: string; basis: string }>; mutualRecognitionArrangements: Array<{ id: string }>; permitTypes: Array<{ country: string; nativeType: string }> }>(
      '{ qualificationFrameworks { country basis } mutualRecognitionArrangements { id } permitTypes(country: "MYS") { country nativeType } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.qualificationFrameworks.filter((f) => f.basis === 'REFERENCED').map((f) => f.country).sort()).toEqual(['MYS', 'PHL']);
    expect(result.data!.qualificationFrameworks).toHaveLength(11);
    expect(result.data!.mutualRecognitionArrangements.map((a) => a.id)).toContain('ENGINEERING');
    expect(result.data!.permitTypes.every((t) => t.country === 'MYS')).toBe(true);
    expect(result.data!.permitTypes.map((t) => t.nativeType)).toContain('PLKS');
  });
});
