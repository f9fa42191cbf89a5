import { describe, expect, it } from 'vitest';
import { referenceFiles } from './referenceData.js';
import { checkReferenceData, describeProblem, parseReferenceData, type ReferenceFiles } from './referenceSchema.js';

/** A deep copy of the stored files that a test may break. */
function copy(): ReferenceFiles & { qualificationFrameworks: any; mutualRecognitionArrangements: any; permitTypes: any } {
  return structuredClone(referenceFiles) as any;
}

function problemsOf(files: ReferenceFiles): string[] {
  return checkReferenceData(files).map(describeProblem);
}

describe('the stored reference data', () => {
  it('passes the schema check', () => {
    expect(problemsOf(referenceFiles)).toEqual([]);
  });
});

describe('the schema check refuses a broken copy, naming the entry', () => {
  it('refuses a missing source and an AQRF level 9', () => {
    const files = copy();
    const mys = files.qualificationFrameworks.frameworks.find((row: any) => row.country === 'MYS');
    delete mys.referencing.source;
    mys.levels.find((level: any) => level.name === 'SKM 3').aqrfLevel = 9;
    const problems = problemsOf(files);
    expect(problems).toContain('qualificationFrameworks.json: MYS (MQF): referencing: source is missing or empty');
    expect(problems).toContain('qualificationFrameworks.json: MYS (MQF) level "SKM 3": aqrfLevel 9 is outside AQRF levels 1-8');
    expect(problems).toHaveLength(2);
    expect(() => parseReferenceData(files)).toThrow(/Reference data refused \(2 problems\):\n.*MYS \(MQF\).*source is missing.*\n.*"SKM 3".*aqrfLevel 9/);
  });

  it('refuses an AQRF level 0 and a fractional level', () => {
    const files = copy();
    const idn = files.qualificationFrameworks.frameworks.find((row: any) => row.country === 'IDN');
    idn.levels[0].aqrfLevel = 0;
    idn.levels[1].aqrfLevel = 2.5;
    expect(problemsOf(files)).toEqual([
      'qualificationFrameworks.json: IDN (KKNI) level "KKNI jenjang 1": aqrfLevel 0 is outside AQRF levels 1-8',
      'qualificationFrameworks.json: IDN (KKNI) level "KKNI jenjang 2": aqrfLevel 2.5 is outside AQRF levels 1-8',
    ]);
  });

  it('refuses a missing source on a permit fact, an MRA and a framework', () => {
    const files = copy();
    const ep = files.permitTypes.permitTypes.find((row: any) => row.country === 'SGP' && row.nativeType === 'EP');
    ep.maxDuration.source = '  ';
    delete files.mutualRecognitionArrangements.arrangements.find((row: any) => row.id === 'NURSING').source;
    files.qualificationFrameworks.frameworks.find((row: any) => row.country === 'LAO').sources = [];
    expect(problemsOf(files)).toEqual([
      'qualificationFrameworks.json: LAO (NVQF): sources is missing or empty',
      'mutualRecognitionArrangements.json: NURSING: source is missing or empty',
      'permitTypes.json: SGP EP: maxDuration: source is missing or empty',
    ]);
  });

  it('refuses an unconfirmed fact that does not say what could not be confirmed', () => {
    const files = copy();
    delete files.permitTypes.permitTypes.find((row: any) => row.country === 'TLS').renewal.note;
    expect(problemsOf(files)).toEqual(['permitTypes.json: TLS Autorização de Trabalho: renewal: an unconfirmed fact needs a note saying what could not be confirmed']);
  });

  it('refuses an unknown country code, and a real country that is not a member state', () => {
    const files = copy();
    files.permitTypes.permitTypes.find((row: any) => row.nativeType === 'EP-I').country = 'XYZ';
    files.qualificationFrameworks.frameworks.find((row: any) => row.country === 'BRN').country = 'FRA';
    const problems = problemsOf(files);
    expect(problems).toContain('permitTypes.json: XYZ EP-I: country "XYZ" is not the ISO alpha-3 code of an ASEAN member state');
    expect(problems).toContain('qualificationFrameworks.json: FRA (BDQF): country "FRA" is not the ISO alpha-3 code of an ASEAN member state');
    expect(problems).toContain('qualificationFrameworks.json: (file): no framework for member state BRN');
  });

  it('refuses an unknown permit class', () => {
    const files = copy();
    files.permitTypes.permitTypes.find((row: any) => row.nativeType === 'PLKS').permitClasses = ['LOW_SKILLED'];
    expect(problemsOf(files)).toEqual([
      'permitTypes.json: MYS PLKS: permit class "LOW_SKILLED" is not one of PROFESSIONAL, SKILLED, LOWER_SKILLED, OTHER',
    ]);
  });

  it('refuses an ISCO-08 unit group that is not 4 digits, and one under two arrangements', () => {
    const files = copy();
    const arrangements = files.mutualRecognitionArrangements.arrangements;
    arrangements.find((row: any) => row.id === 'DENTAL').iscoUnitGroups = ['226', '2261'];
    arrangements.find((row: any) => row.id === 'MEDICAL').iscoUnitGroups.push('2261');
    expect(problemsOf(files)).toEqual([
      'mutualRecognitionArrangements.json: DENTAL: ISCO-08 unit group "226" is not 4 digits',
      'mutualRecognitionArrangements.json: DENTAL: ISCO-08 unit group 2261 is already under MEDICAL: a unit group names one arrangement',
    ]);
  });

  it('refuses a REFERENCED basis without an accepted referencing report, and a level on a NOT_REFERENCED framework', () => {
    const files = copy();
    files.qualificationFrameworks.frameworks.find((row: any) => row.country === 'THA').basis = 'REFERENCED';
    files.qualificationFrameworks.frameworks.find((row: any) => row.country === 'SGP').levels[0].aqrfLevel = 3;
    expect(problemsOf(files)).toEqual([
      'qualificationFrameworks.json: THA (DSD): basis REFERENCED needs a referencing report the AQRF Committee accepted, but the referencing status is IN_PROGRESS',
      'qualificationFrameworks.json: SGP (WSQ) level "WSQ Certificate": a NOT_REFERENCED framework claims no AQRF level, so aqrfLevel must be null',
    ]);
  });

  it('refuses a date that is not one', () => {
    const files = copy();
    files.qualificationFrameworks.frameworks.find((row: any) => row.country === 'PHL').referencing.date = 'May 2019';
    files.mutualRecognitionArrangements.arrangements.find((row: any) => row.id === 'NURSING').signed.date = '2006-13-08';
    expect(problemsOf(files)).toEqual([
      'qualificationFrameworks.json: PHL (PQF): referencing.date "May 2019" is not a date (YYYY-MM or YYYY-MM-DD) or null',
      'mutualRecognitionArrangements.json: NURSING: signed.date "2006-13-08" is not a date (YYYY-MM or YYYY-MM-DD) or null',
    ]);
  });

  it('refuses a file that is not the expected shape at all', () => {
    expect(problemsOf({ ...referenceFiles, permitTypes: { permits: [] } })).toEqual(['permitTypes.json: (file): "permitTypes" must be a non-empty list']);
  });
});
