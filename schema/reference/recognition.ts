// What a certificate from one member state corresponds to in another, and on what basis. Pure: it
// reads the checked reference data and nothing else, so the same question always gets the same
// answer and can be tested without a registry. The rule that matters: the answer never claims more
// than the weaker of the two frameworks supports (docs/recognition.md).
import type { AqrfBasis } from '../contract/enums.js';
import { badUserInput } from '../errors/index.js';
import { countryName } from '../countries/index.js';
import { arrangementFor, memberStateArgument, mraParticipation, qualificationFramework } from './referenceData.js';
import type { FrameworkLevel, MutualRecognitionArrangement, QualificationFramework } from './referenceSchema.js';

/** The public lookups, beside the comparison that reads them. */
export { mutualRecognitionArrangements, permitTypes, qualificationFrameworks } from './referenceData.js';

/** The certification as the contract gives it: its country, `nationalLevel` and ISCO-08 unit group. */
export interface RecognitionQuestion {
  country: string;
  nationalLevel: string | null;
  isco: string | null;
  hostCountry: string;
}

export interface Recognition {
  country: string;
  nationalLevel: string | null;
  hostCountry: string;
  /** AQRF level 1-8 of the certificate, null where none is claimed. */
  aqrfLevel: number | null;
  /** The weaker of the two frameworks' bases: REFERENCED only when both are referenced. */
  basis: AqrfBasis;
  /** The home framework's code (PQF, KKNI, …). */
  framework: string;
  /** The host framework's code (MQF, …) and name. */
  hostFramework: string;
  hostFrameworkName: string;
  /** The host's levels at the same AQRF level ("SKM 3"); empty when none can be named. */
  hostLevels: string[];
  /** The same levels as the host's certifications carry them in `nationalLevel` ("3"). */
  hostNationalLevels: string[];
  /** The ASEAN MRA covering the certificate's ISCO-08 unit group, if any. */
  mutualRecognition: MutualRecognitionArrangement | null;
  /** Why the basis is what it is, and what the answer does not say, in plain words. */
  caveats: string[];
}

const STRENGTH: Record<AqrfBasis, number> = { NOT_REFERENCED: 0, INDICATIVE: 1, REFERENCED: 2 };

/** The weaker of two bases: a comparison is never stronger than its weaker side. */
export function weakerBasis(a: AqrfBasis, b: AqrfBasis): AqrfBasis {
  return STRENGTH[a] <= STRENGTH[b] ? a : b;
}

const ISCO_UNIT_GROUP = /^\d{4}$/;

function frameworkOf(argument: string, country: string): QualificationFramework {
  memberStateArgument(argument, country);
  // Every member state has a framework row: the schema check refuses the data otherwise.
  return qualificationFramework(country)!;
}

function levelOf(framework: QualificationFramework, nationalLevel: string | null): FrameworkLevel | undefined {
  return nationalLevel === null ? undefined : framework.levels.find((level) => level.nationalLevel === nationalLevel);
}

function place(country: string): string {
  return countryName(country) ?? country;
}

/** Why one side of the comparison has the basis it has; labelled rather than phrased, so no framework name needs grammar. */
function basisCaveat(framework: QualificationFramework, aqrfLevel: number, side: 'home' | 'host'): string {
  const label = `${side === 'home' ? 'Home' : 'Host'} framework, ${framework.framework} (${place(framework.country)})`;
  if (framework.basis === 'REFERENCED') return `${label}: referenced to the AQRF. ${framework.referencing.description}`;
  if (framework.basis === 'INDICATIVE') {
    const subject = side === 'home' ? 'the certificate\'s AQRF level is' : `its levels at AQRF ${aqrfLevel} are`;
    return `${label}: not referenced to the AQRF. ${framework.referencing.description} So ${subject} Rantau's reading, not an official table: at most INDICATIVE.`;
  }
  return `${label}: not referenced to the AQRF, and Rantau offers no reading of it, so none of its levels can be named: the comparison is NOT_REFERENCED whatever the other framework's basis.`;
}

function arrangementCaveat(arrangement: MutualRecognitionArrangement, isco: string, countries: string[]): string[] {
  const register = arrangement.regionalRegister ? ` registration as ${arrangement.regionalRegister.title} on the ${arrangement.regionalRegister.name}, then` : '';
  const caveats = [
    `The ${arrangement.name} (${arrangement.signed.year}) covers ISCO-08 ${isco}, but a skills certificate gives no standing under it by itself: practising in the host needs${register} the host regulator's own registration, under the host's laws.`,
  ];
  if (arrangement.kind === 'FRAMEWORK') caveats.push('It is a framework for later arrangements only: it recognises no one by itself.');
  if (countries.includes('TLS')) {
    caveats.push(`Timor-Leste's participation in the ASEAN MRAs is not confirmed: ${mraParticipation().note ?? 'no source found'}`);
  }
  if (!arrangement.iscoMapping.confirmed) {
    caveats.push(`The arrangement names a profession, not ISCO-08 codes; placing ${isco} under it is Rantau's reading.`);
  }
  return caveats;
}

/**
 * Compares a certification with the host country's framework. Bad input (a host or home country
 * that is not a member state, an ISCO-08 code that is not 4 digits) is a BAD_USER_INPUT error
 * naming the argument; a certificate without a level is not an error, it is NOT_REFERENCED.
 */
export function recognise(question: RecognitionQuestion): Recognition {
  const { country, nationalLevel, isco, hostCountry } = question;
  const home = frameworkOf('country', country);
  const host = frameworkOf('hostCountry', hostCountry);
  if (isco !== null && !ISCO_UNIT_GROUP.test(isco)) throw badUserInput('isco', `isco ${JSON.stringify(isco)} is not an ISCO-08 unit group (4 digits)`);

  const level = levelOf(home, nationalLevel);
  const aqrfLevel = level?.aqrfLevel ?? null;
  const arrangement = isco === null ? undefined : arrangementFor(isco);
  const caveats: string[] = [];
  let basis: AqrfBasis = 'NOT_REFERENCED';
  let hostLevels: string[] = [];
  let hostNationalLevels: string[] = [];

  if (level === undefined || aqrfLevel === null) {
    const what = level ? level.name : `${home.framework} ${nationalLevel ?? '(no level)'}`;
    caveats.push(`${what} has no AQRF level, so it cannot be placed in the host's ${host.framework}.${level?.note ? ` ${level.note}` : ''}`);
  } else {
    basis = weakerBasis(home.basis, host.basis);
    const atLevel = host.basis === 'NOT_REFERENCED' ? [] : host.levels.filter((hostLevel) => hostLevel.aqrfLevel === aqrfLevel);
    hostLevels = atLevel.map((hostLevel) => hostLevel.name);
    hostNationalLevels = atLevel.flatMap((hostLevel) => (hostLevel.nationalLevel === null ? [] : [hostLevel.nationalLevel]));
    if (level.note) caveats.push(level.note);
    if (hostCountry === country) {
      caveats.push('The certificate is from the host country itself: its level is the host\'s own.');
    } else {
      caveats.push(basisCaveat(home, aqrfLevel, 'home'), basisCaveat(host, aqrfLevel, 'host'));
      if (basis === 'REFERENCED') {
        caveats.push(`Both frameworks are referenced, so ${level.name} and ${hostLevels.join(' / ') || 'the host level'} sit at the same AQRF level on the AQRF Committee's authority. That compares levels of learning outcomes; it is not a licence, and the host may still assess the worker against its own standards.`);
      } else if (basis === 'INDICATIVE') {
        caveats.push('The comparison is only as strong as its weaker side: INDICATIVE, a reading to guide an officer, not an equivalence to rely on.');
      }
    }
    if (host.basis !== 'NOT_REFERENCED' && hostLevels.length === 0) {
      caveats.push(`No ${host.framework} level sits at AQRF ${aqrfLevel}.`);
    }
  }
  if (arrangement && isco !== null) caveats.push(...arrangementCaveat(arrangement, isco, [country, hostCountry]));

  return {
    country,
    nationalLevel,
    hostCountry,
    aqrfLevel,
    basis,
    framework: home.framework,
    hostFramework: host.framework,
    hostFrameworkName: host.name,
    hostLevels,
    hostNationalLevels,
    mutualRecognition: arrangement ?? null,
    caveats,
  };
}
