// The reference data, read once and checked once: a wrong data file stops the process at start-up
// with every problem named, rather than a query answering from half a table. Public facts only
// (frameworks, MRAs, permit types): nothing here is personal data.
import qualificationFrameworksFile from './qualificationFrameworks.json' with { type: 'json' };
import mutualRecognitionArrangementsFile from './mutualRecognitionArrangements.json' with { type: 'json' };
import permitTypesFile from './permitTypes.json' with { type: 'json' };
import { badUserInput } from '../errors/index.js';
import { isAlpha3 } from '../countries/index.js';
import {
  ASEAN_MEMBER_STATES,
  parseReferenceData,
  type MutualRecognitionArrangement,
  type PermitType,
  type QualificationFramework,
  type ReferenceFiles,
  type Source,
} from './referenceSchema.js';

/** The three files exactly as stored, for the schema check and its tests. */
export const referenceFiles: ReferenceFiles = {
  qualificationFrameworks: qualificationFrameworksFile,
  mutualRecognitionArrangements: mutualRecognitionArrangementsFile,
  permitTypes: permitTypesFile,
};

// Frozen: the lookups hand out these very objects, and no caller may change the table for the next.
const data = deepFreeze(parseReferenceData(referenceFiles));
const frameworkByCountry = new Map(data.frameworks.map((framework) => [framework.country, framework]));

/** Every member state's qualification framework, with its levels and how they read on the AQRF. */
export function qualificationFrameworks(): readonly QualificationFramework[] {
  return data.frameworks;
}

/** The framework of one member state, or undefined for a code that is not one. */
export function qualificationFramework(country: string): QualificationFramework | undefined {
  return frameworkByCountry.get(country);
}

/** The ASEAN Mutual Recognition Arrangements. */
export function mutualRecognitionArrangements(): readonly MutualRecognitionArrangement[] {
  return data.arrangements;
}

/** Which member states take part in the MRAs, with its source (Timor-Leste's accession is not confirmed). */
export function mraParticipation(): Source {
  return data.participation;
}

/** The arrangement covering an ISCO-08 unit group, if any (no unit group is under two arrangements). */
export function arrangementFor(iscoUnitGroup: string): MutualRecognitionArrangement | undefined {
  return data.arrangements.find((arrangement) => arrangement.iscoUnitGroups.includes(iscoUnitGroup));
}

/** Permit types of every member state, or of one; a code that is not a member state is bad input, never an empty answer. */
export function permitTypes(country?: string): readonly PermitType[] {
  if (country === undefined) return data.permitTypes;
  memberStateArgument('country', country);
  return data.permitTypes.filter((permitType) => permitType.country === country);
}

/**
 * Refuses a country argument that is not a member state, saying whether it is no country code at
 * all or a country outside ASEAN (whose frameworks and permits Rantau does not describe).
 */
export function memberStateArgument(argument: string, code: string): void {
  if (!isAlpha3(code)) throw badUserInput(argument, `${argument} ${JSON.stringify(code.slice(0, 16))} is not an ISO 3166-1 alpha-3 country code`);
  if (!(ASEAN_MEMBER_STATES as readonly string[]).includes(code)) {
    throw badUserInput(argument, `${argument} ${code} is not an ASEAN member state; Rantau describes the frameworks and permits of ${ASEAN_MEMBER_STATES.join(', ')}`);
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
