import { describe, expect, it } from 'vitest';
import { aqrfLevelFor } from '../aqrf/aqrfLevel.js';
import { RantauError } from '../errors/index.js';
import { ASEAN_MEMBER_STATES } from './referenceSchema.js';
import { mutualRecognitionArrangements, permitTypes, qualificationFrameworks, recognise, weakerBasis } from './recognition.js';

function refusal(run: () => unknown): RantauError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RantauError);
    return error as RantauError;
  }
  throw new Error('expected a refusal');
}

describe('recognise', () => {
  it('reads a TESDA NC III in Malaysia as AQRF 3, REFERENCED, host level SKM 3', () => {
    const recognition = recognise({ country: 'PHL', nationalLevel: 'NC III', isco: '7212', hostCountry: 'MYS' });
    expect(recognition).toMatchObject({ aqrfLevel: 3, basis: 'REFERENCED', framework: 'PQF', hostFramework: 'MQF', hostLevels: ['SKM 3'], mutualRecognition: null });
    expect(recognition.hostFrameworkName).toBe('Malaysian Qualifications Framework');
    expect(recognition.caveats.join('\n')).toMatch(/Both frameworks are referenced, so NC III and SKM 3 sit at the same AQRF level/);
    expect(recognition.caveats.join('\n')).toMatch(/not a licence/);
  });

  it('reads a BNSP KKNI certificate in Malaysia as at most INDICATIVE, and says why', () => {
    const recognition = recognise({ country: 'IDN', nationalLevel: '3', isco: '7411', hostCountry: 'MYS' });
    expect(recognition).toMatchObject({ aqrfLevel: 3, basis: 'INDICATIVE', hostLevels: ['SKM 3'] });
    const caveats = recognition.caveats.join('\n');
    expect(caveats).toMatch(/Home framework, KKNI \(Indonesia\): not referenced to the AQRF\. .*no level-to-level table has been published.* So the certificate's AQRF level is Rantau's reading/);
    expect(caveats).toMatch(/only as strong as its weaker side: INDICATIVE/);
  });

  it('gives no level to a BNSP Okupasi scheme certificate (no KKNI level)', () => {
    const recognition = recognise({ country: 'IDN', nationalLevel: null, isco: '7411', hostCountry: 'MYS' });
    expect(recognition).toMatchObject({ aqrfLevel: null, basis: 'NOT_REFERENCED', hostLevels: [] });
    expect(recognition.caveats[0]).toBe("KKNI (no level) has no AQRF level, so it cannot be placed in the host's MQF.");
  });

  it('reads a Singapore WSQ certificate as NOT_REFERENCED, wherever it is taken', () => {
    const recognition = recognise({ country: 'SGP', nationalLevel: 'ADVANCED_CERTIFICATE', isco: '7126', hostCountry: 'MYS' });
    expect(recognition).toMatchObject({ aqrfLevel: null, basis: 'NOT_REFERENCED', hostLevels: [], framework: 'WSQ' });
    expect(recognition.caveats[0]).toMatch(/WSQ Advanced Certificate has no AQRF level/);
  });

  it('names no Singapore level for a referenced certificate taken to Singapore', () => {
    const recognition = recognise({ country: 'MYS', nationalLevel: '3', isco: '7212', hostCountry: 'SGP' });
    expect(recognition).toMatchObject({ aqrfLevel: 3, basis: 'NOT_REFERENCED', hostFramework: 'WSQ', hostLevels: [] });
    expect(recognition.caveats.join('\n')).toMatch(/Host framework, WSQ \(Singapore\): not referenced to the AQRF, and Rantau offers no reading of it, so none of its levels can be named/);
  });

  it('gives a TESDA COC no level: it is a unit of competency', () => {
    const recognition = recognise({ country: 'PHL', nationalLevel: 'COC', isco: '5120', hostCountry: 'MYS' });
    expect(recognition).toMatchObject({ aqrfLevel: null, basis: 'NOT_REFERENCED', hostLevels: [] });
    expect(recognition.caveats[0]).toMatch(/COC has no AQRF level.*single unit of competency/);
  });

  it('caps KKNI jenjang 9 at AQRF 8 and says so', () => {
    const recognition = recognise({ country: 'IDN', nationalLevel: '9', isco: null, hostCountry: 'PHL' });
    expect(recognition).toMatchObject({ aqrfLevel: 8, basis: 'INDICATIVE', hostLevels: ['PQF 8'] });
    expect(recognition.caveats.join('\n')).toMatch(/jenjang 9 is capped at AQRF 8/);
  });

  it("names the host's levels on an indicative host framework as Rantau's reading", () => {
    const recognition = recognise({ country: 'PHL', nationalLevel: 'NC II', isco: '7231', hostCountry: 'THA' });
    expect(recognition).toMatchObject({ aqrfLevel: 2, basis: 'INDICATIVE', hostFramework: 'DSD', hostLevels: ['DSD level 2'] });
    expect(recognition.caveats.join('\n')).toMatch(/Host framework, DSD \(Thailand\): not referenced to the AQRF\. .* So its levels at AQRF 2 are Rantau's reading/);
  });

  it('says when no host level sits at the AQRF level', () => {
    const recognition = recognise({ country: 'BRN', nationalLevel: '6', isco: null, hostCountry: 'THA' });
    expect(recognition).toMatchObject({ aqrfLevel: 6, basis: 'INDICATIVE', hostLevels: [] });
    expect(recognition.caveats.join('\n')).toMatch(/No DSD level sits at AQRF 6/);
  });

  it("names the engineering MRA for an engineer's ISCO-08 unit group, and what it requires", () => {
    const recognition = recognise({ country: 'IDN', nationalLevel: '6', isco: '2142', hostCountry: 'MYS' });
    expect(recognition.mutualRecognition).toMatchObject({ id: 'ENGINEERING', name: 'ASEAN Mutual Recognition Arrangement on Engineering Services' });
    expect(recognition.mutualRecognition?.signed.year).toBe(2005);
    expect(recognition.caveats.join('\n')).toMatch(/covers ISCO-08 2142, but a skills certificate gives no standing under it by itself: practising in the host needs registration as ASEAN Chartered Professional Engineer \(ACPE\) on the ASEAN Chartered Professional Engineers Register/);
  });

  it("warns that Timor-Leste's participation in the MRAs is not confirmed", () => {
    const recognition = recognise({ country: 'TLS', nationalLevel: 'Certificado III', isco: '2221', hostCountry: 'MYS' });
    expect(recognition.mutualRecognition?.id).toBe('NURSING');
    expect(recognition.caveats.join('\n')).toMatch(/Timor-Leste's participation in the ASEAN MRAs is not confirmed/);
  });

  it('says a certificate taken to its own country is read at its own level', () => {
    const recognition = recognise({ country: 'MYS', nationalLevel: '3', isco: null, hostCountry: 'MYS' });
    expect(recognition).toMatchObject({ aqrfLevel: 3, basis: 'REFERENCED', hostLevels: ['SKM 3'] });
    expect(recognition.caveats).toEqual(["The certificate is from the host country itself: its level is the host's own."]);
  });

  it('says the surveying arrangement is a framework that recognises no one by itself', () => {
    const recognition = recognise({ country: 'PHL', nationalLevel: 'NC IV', isco: '2165', hostCountry: 'MYS' });
    expect(recognition.mutualRecognition).toMatchObject({ id: 'SURVEYING', kind: 'FRAMEWORK', regionalRegister: null });
    expect(recognition.caveats.join('\n')).toMatch(/framework for later arrangements only: it recognises no one by itself/);
  });

  it('refuses an unknown host country with a clear BAD_USER_INPUT error', () => {
    const unknown = refusal(() => recognise({ country: 'PHL', nationalLevel: 'NC III', isco: '7212', hostCountry: 'XYZ' }));
    expect(unknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'hostCountry' });
    expect(unknown.message).toBe('hostCountry "XYZ" is not an ISO 3166-1 alpha-3 country code');
    const outside = refusal(() => recognise({ country: 'PHL', nationalLevel: 'NC III', isco: '7212', hostCountry: 'FRA' }));
    expect(outside.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'hostCountry' });
    expect(outside.message).toMatch(/^hostCountry FRA is not an ASEAN member state/);
  });

  it('refuses an ISCO-08 code that is not a unit group', () => {
    const error = refusal(() => recognise({ country: 'PHL', nationalLevel: 'NC III', isco: '721', hostCountry: 'MYS' }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'isco' });
  });

  it('never claims more than the weaker framework supports, for every pair of member states and every level', () => {
    const frameworks = qualificationFrameworks();
    for (const home of frameworks) {
      for (const level of home.levels.filter((candidate) => candidate.nationalLevel !== null)) {
        for (const host of ASEAN_MEMBER_STATES) {
          const { basis, aqrfLevel, hostLevels } = recognise({ country: home.country, nationalLevel: level.nationalLevel, isco: null, hostCountry: host });
          const hostBasis = frameworks.find((framework) => framework.country === host)!.basis;
          expect(basis === 'REFERENCED', `${home.country} ${level.nationalLevel} in ${host}`).toBe(home.basis === 'REFERENCED' && hostBasis === 'REFERENCED' && aqrfLevel !== null);
          if (aqrfLevel === null || hostBasis === 'NOT_REFERENCED') expect(hostLevels).toEqual([]);
        }
      }
    }
  });
});

describe('one AQRF table for certificates and recognitions', () => {
  it("gives a recognition at home the same level and basis as the certificate's own aqrfLevel and aqrfBasis", () => {
    for (const framework of qualificationFrameworks()) {
      for (const nationalLevel of [...framework.levels.map((level) => level.nationalLevel), 'NOT-A-LEVEL', null]) {
        const certificate = aqrfLevelFor(framework.country, nationalLevel);
        const recognition = recognise({ country: framework.country, nationalLevel, isco: null, hostCountry: framework.country });
        expect({ level: recognition.aqrfLevel, basis: recognition.basis }, `${framework.country} ${nationalLevel}`).toEqual({ level: certificate.level, basis: certificate.basis });
      }
    }
  });
});

describe('weakerBasis', () => {
  it('takes the weaker of two bases', () => {
    expect(weakerBasis('REFERENCED', 'REFERENCED')).toBe('REFERENCED');
    expect(weakerBasis('REFERENCED', 'INDICATIVE')).toBe('INDICATIVE');
    expect(weakerBasis('INDICATIVE', 'REFERENCED')).toBe('INDICATIVE');
    expect(weakerBasis('INDICATIVE', 'NOT_REFERENCED')).toBe('NOT_REFERENCED');
    expect(weakerBasis('NOT_REFERENCED', 'REFERENCED')).toBe('NOT_REFERENCED');
  });
});

describe('reference lookups', () => {
  it('lists the eleven member states\' frameworks, two of them referenced', () => {
    const frameworks = qualificationFrameworks();
    expect(frameworks.map((framework) => framework.country).sort()).toEqual([...ASEAN_MEMBER_STATES].sort());
    expect(frameworks.filter((framework) => framework.basis === 'REFERENCED').map((framework) => framework.country).sort()).toEqual(['MYS', 'PHL']);
  });

  it('lists the eight MRAs with the year each was signed', () => {
    expect(mutualRecognitionArrangements().map((mra) => [mra.id, mra.signed.year])).toEqual([
      ['ENGINEERING', 2005], ['NURSING', 2006], ['ARCHITECTURE', 2007], ['SURVEYING', 2007],
      ['MEDICAL', 2009], ['DENTAL', 2009], ['ACCOUNTANCY', 2014], ['TOURISM', 2009],
    ]);
  });

  it('hands out data no caller can change for the next', () => {
    const framework = qualificationFrameworks()[0];
    expect(() => {
      (framework.levels[0] as { aqrfLevel: number | null }).aqrfLevel = 9;
    }).toThrow(TypeError);
    expect(qualificationFrameworks()[0].levels[0].aqrfLevel).not.toBe(9);
  });

  it('filters permit types by country and refuses a country that is not a member state', () => {
    expect(permitTypes('SGP').map((permitType) => permitType.nativeType)).toEqual(['EP', 'SP', 'WP', 'PEP', 'ONEP', 'LOC']);
    expect(permitTypes().length).toBeGreaterThan(permitTypes('SGP').length);
    expect(new Set(permitTypes().map((permitType) => permitType.country)).size).toBe(11);
    expect(refusal(() => permitTypes('USA')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'country' });
  });
});
