// The shape of Rantau's reference data (qualification frameworks, ASEAN MRAs, permit types) and the
// check every copy of it must pass. Written in plain TypeScript rather than a JSON Schema library so
// the contract layer carries no development dependency at run time, and so every refusal names the
// entry it is about ("permitTypes.json: SGP EP: …"), which a data editor can act on.
import { AqrfBasis, PermitClass } from '../contract/enums.js';
import { isAlpha3 } from '../countries/index.js';

/** The eleven member states (Timor-Leste since 26 October 2025): every framework and permit type belongs to one. */
export const ASEAN_MEMBER_STATES = ['BRN', 'KHM', 'IDN', 'LAO', 'MYS', 'MMR', 'PHL', 'SGP', 'THA', 'VNM', 'TLS'] as const;

/** Where a fact comes from. `confirmed: false` always comes with a `note` saying what could not be confirmed. */
export interface Source {
  source: string;
  url?: string;
  confirmed: boolean;
  note?: string;
}

/** One fact with its source, for example a permit's maximum duration. */
export interface Fact<V = string> extends Source {
  value: V;
}

export const ReferencingStatus = ['ACCEPTED', 'ENDORSED_NO_TABLE', 'IN_PROGRESS', 'PLANNED', 'NONE_FOUND', 'REWORKING'] as const;
export type ReferencingStatus = (typeof ReferencingStatus)[number];

export interface FrameworkLevel {
  /** The contract's `nationalLevel` as the country's certification adapter writes it; null for levels no skills registry issues. */
  nationalLevel: string | null;
  /** How the level is written in its own country ("SKM 3", "NC III", "KKNI jenjang 3"). */
  name: string;
  title?: string;
  /** AQRF level 1-8, null where no claim is made. */
  aqrfLevel: number | null;
  note?: string;
}

export interface QualificationFramework {
  country: string;
  /** Short code (MQF, PQF, KKNI, …), also used in every certification's `aqrfDerivation`. */
  framework: string;
  name: string;
  authority: string;
  basis: AqrfBasis;
  referencing: Source & { status: ReferencingStatus; date: string | null; description: string };
  derivation: string;
  levels: FrameworkLevel[];
  levelsSource: Source;
  caveats: string[];
  sources: Source[];
}

export interface MutualRecognitionArrangement {
  id: string;
  name: string;
  profession: string;
  kind: 'MRA' | 'FRAMEWORK';
  signed: Source & { date: string | null; year: number; place: string | null };
  regionalRegister: { name: string; title: string; body: string } | null;
  requirements: string[];
  iscoUnitGroups: string[];
  iscoMapping: Source;
  source: string;
  confirmed: boolean;
  note?: string;
  caveats?: string[];
}

export interface PermitType {
  country: string;
  /** Exactly the contract's `nativeType` as the country's permit adapter writes it. */
  nativeType: string;
  name: string;
  authority: string;
  permitClasses: PermitClass[];
  classRule: string;
  maxDuration: Fact & { months?: number };
  renewal: Fact;
  quota: Fact | null;
  sectors: Fact<string[]> | null;
  legalBasis: Fact;
  source: string;
  confirmed: boolean;
  note?: string;
}

export interface ReferenceData {
  frameworks: QualificationFramework[];
  arrangements: MutualRecognitionArrangement[];
  /** Who takes part in the MRAs, with its source. */
  participation: Source;
  permitTypes: PermitType[];
}

/** The three files as they are read from disk, before any check. */
export interface ReferenceFiles {
  qualificationFrameworks: unknown;
  mutualRecognitionArrangements: unknown;
  permitTypes: unknown;
}

/** One refusal: the file, the entry it names, and what is wrong. */
export interface ReferenceProblem {
  file: string;
  entry: string;
  message: string;
}

export function describeProblem(problem: ReferenceProblem): string {
  return `${problem.file}: ${problem.entry}: ${problem.message}`;
}

const ISCO_UNIT_GROUP = /^\d{4}$/;
const PARTIAL_DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;
const MEMBER_STATES: readonly string[] = ASEAN_MEMBER_STATES;
const BASES: readonly string[] = Object.values(AqrfBasis);
const PERMIT_CLASSES: readonly string[] = Object.values(PermitClass);
const STATUSES: readonly string[] = ReferencingStatus;

type Json = Record<string, unknown>;

/** Collects problems about one entry of one file; every message carries the entry's name. */
class EntryCheck {
  constructor(
    private readonly problems: ReferenceProblem[],
    readonly file: string,
    readonly entry: string,
  ) {}

  fail(message: string): void {
    this.problems.push({ file: this.file, entry: this.entry, message });
  }

  at(entry: string): EntryCheck {
    return new EntryCheck(this.problems, this.file, `${this.entry} ${entry}`);
  }

  text(object: Json, field: string): string | undefined {
    const value = object[field];
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(`${field} is missing or empty`);
      return undefined;
    }
    return value;
  }

  optionalText(object: Json, field: string): void {
    if (object[field] !== undefined && object[field] !== null && typeof object[field] !== 'string') this.fail(`${field} must be text or absent`);
  }

  /** A date as far as it is known (`2019-05-23`, `2020-06`), or null when none was found. */
  partialDate(object: Json, field: string, label = field): void {
    const value = object[field];
    if (value !== null && (typeof value !== 'string' || !PARTIAL_DATE.test(value))) this.fail(`${label} ${JSON.stringify(value)} is not a date (YYYY-MM or YYYY-MM-DD) or null`);
  }

  memberState(object: Json): string | undefined {
    const country = object.country;
    if (typeof country !== 'string' || !isAlpha3(country) || !MEMBER_STATES.includes(country)) {
      this.fail(`country ${JSON.stringify(country)} is not the ISO alpha-3 code of an ASEAN member state`);
      return undefined;
    }
    return country;
  }

  oneOf(object: Json, field: string, allowed: readonly string[]): void {
    if (typeof object[field] !== 'string' || !allowed.includes(object[field] as string)) {
      this.fail(`${field} ${JSON.stringify(object[field])} is not one of ${allowed.join(', ')}`);
    }
  }

  textList(object: Json, field: string, { nonEmpty }: { nonEmpty: boolean }): string[] {
    const value = object[field];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.trim() === '')) {
      this.fail(`${field} must be a list of non-empty texts`);
      return [];
    }
    if (nonEmpty && value.length === 0) this.fail(`${field} must not be empty`);
    return value as string[];
  }

  /** A source: non-empty `source`, boolean `confirmed`, and a `note` whenever it is not confirmed. */
  source(object: unknown, what: string): void {
    if (!isObject(object)) {
      this.fail(`${what} is missing its source`);
      return;
    }
    if (typeof object.source !== 'string' || object.source.trim() === '') this.fail(`${what}: source is missing or empty`);
    if (typeof object.confirmed !== 'boolean') this.fail(`${what}: confirmed must be true or false`);
    if (object.confirmed === false && (typeof object.note !== 'string' || object.note.trim() === '')) {
      this.fail(`${what}: an unconfirmed fact needs a note saying what could not be confirmed`);
    }
  }

  fact(object: Json, field: string, { nullable }: { nullable: boolean }): void {
    const value = object[field];
    if (value === null && nullable) return;
    if (!isObject(value) || value.value === undefined || value.value === null) {
      this.fail(`${field} must be a fact with a value and its source`);
      return;
    }
    this.source(value, field);
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listIn(check: EntryCheck, file: unknown, field: string): Json[] {
  const list = isObject(file) ? file[field] : undefined;
  if (!Array.isArray(list) || list.length === 0) {
    check.fail(`"${field}" must be a non-empty list`);
    return [];
  }
  return list.map((item, index) => {
    if (isObject(item)) return item;
    check.fail(`item ${index} of "${field}" is not an object`);
    return {};
  });
}

function checkFrameworks(problems: ReferenceProblem[], file: unknown): void {
  const name = 'qualificationFrameworks.json';
  const top = new EntryCheck(problems, name, '(file)');
  const seen = new Set<string>();
  const rows = listIn(top, file, 'frameworks');
  rows.forEach((row, index) => {
    const check = new EntryCheck(problems, name, `${String(row.country ?? `frameworks[${index}]`)} (${String(row.framework ?? '?')})`);
    const country = check.memberState(row);
    if (country && seen.has(country)) check.fail('a second framework for the same country: one row per country');
    if (country) seen.add(country);
    check.text(row, 'framework');
    check.text(row, 'name');
    check.text(row, 'authority');
    check.text(row, 'derivation');
    check.oneOf(row, 'basis', BASES);

    const referencing = row.referencing;
    if (!isObject(referencing)) check.fail('referencing is missing');
    else {
      check.oneOf(referencing, 'status', STATUSES);
      check.partialDate(referencing, 'date', 'referencing.date');
      check.text(referencing, 'description');
      check.source(referencing, 'referencing');
      if (row.basis === 'REFERENCED' && referencing.status !== 'ACCEPTED') {
        check.fail(`basis REFERENCED needs a referencing report the AQRF Committee accepted, but the referencing status is ${String(referencing.status)}`);
      }
    }

    check.source(row.levelsSource, 'levelsSource');
    if (!Array.isArray(row.sources) || row.sources.length === 0) check.fail('sources is missing or empty');
    else row.sources.forEach((source: unknown, i: number) => check.source(source, `sources[${i}]`));
    check.textList(row, 'caveats', { nonEmpty: false });

    const levels = Array.isArray(row.levels) ? row.levels : [];
    if (!Array.isArray(row.levels)) check.fail('levels must be a list');
    const nationalLevels = new Set<string>();
    for (const [i, level] of levels.entries()) {
      if (!isObject(level)) {
        check.fail(`levels[${i}] is not an object`);
        continue;
      }
      const at = check.at(`level ${JSON.stringify(level.name ?? level.nationalLevel ?? i)}`);
      at.text(level, 'name');
      at.optionalText(level, 'title');
      at.optionalText(level, 'note');
      if (level.nationalLevel !== null && (typeof level.nationalLevel !== 'string' || level.nationalLevel === '')) {
        at.fail('nationalLevel must be the text the adapter writes, or null');
      } else if (typeof level.nationalLevel === 'string') {
        if (nationalLevels.has(level.nationalLevel)) at.fail(`nationalLevel ${JSON.stringify(level.nationalLevel)} appears twice`);
        nationalLevels.add(level.nationalLevel);
      }
      const aqrf = level.aqrfLevel;
      if (aqrf !== null && (typeof aqrf !== 'number' || !Number.isInteger(aqrf) || aqrf < 1 || aqrf > 8)) {
        at.fail(`aqrfLevel ${JSON.stringify(aqrf)} is outside AQRF levels 1-8`);
      }
      if (aqrf !== null && row.basis === 'NOT_REFERENCED') at.fail('a NOT_REFERENCED framework claims no AQRF level, so aqrfLevel must be null');
    }
  });
  // Coverage is only worth reporting once there is a list to cover.
  for (const country of rows.length > 0 ? MEMBER_STATES : []) {
    if (!seen.has(country)) top.fail(`no framework for member state ${country}`);
  }
}

function checkArrangements(problems: ReferenceProblem[], file: unknown): void {
  const name = 'mutualRecognitionArrangements.json';
  const top = new EntryCheck(problems, name, '(file)');
  if (isObject(file)) top.source(file.participation, 'participation');
  const owner = new Map<string, string>();
  const ids = new Set<string>();
  listIn(top, file, 'arrangements').forEach((row, index) => {
    const id = typeof row.id === 'string' ? row.id : `arrangements[${index}]`;
    const check = new EntryCheck(problems, name, id);
    if (ids.has(id)) check.fail('id appears twice');
    ids.add(id);
    check.text(row, 'id');
    check.text(row, 'name');
    check.text(row, 'profession');
    check.oneOf(row, 'kind', ['MRA', 'FRAMEWORK']);
    check.text(row, 'source');
    if (typeof row.confirmed !== 'boolean') check.fail('confirmed must be true or false');
    check.textList(row, 'requirements', { nonEmpty: true });
    check.source(row.iscoMapping, 'iscoMapping');

    const signed = row.signed;
    if (!isObject(signed)) check.fail('signed is missing');
    else {
      check.source(signed, 'signed');
      check.partialDate(signed, 'date', 'signed.date');
      if (typeof signed.year !== 'number' || !Number.isInteger(signed.year) || signed.year < 1967 || signed.year > 2100) {
        check.fail(`signed.year ${JSON.stringify(signed.year)} is not a year`);
      }
    }
    const register = row.regionalRegister;
    if (register !== null) {
      if (!isObject(register)) check.fail('regionalRegister must be null or name the register');
      else ['name', 'title', 'body'].forEach((field) => check.at('regionalRegister').text(register, field));
    }

    for (const group of check.textList(row, 'iscoUnitGroups', { nonEmpty: true })) {
      if (!ISCO_UNIT_GROUP.test(group)) check.fail(`ISCO-08 unit group ${JSON.stringify(group)} is not 4 digits`);
      const other = owner.get(group);
      if (other && other !== id) check.fail(`ISCO-08 unit group ${group} is already under ${other}: a unit group names one arrangement`);
      owner.set(group, id);
    }
  });
}

function checkPermitTypes(problems: ReferenceProblem[], file: unknown): void {
  const name = 'permitTypes.json';
  const top = new EntryCheck(problems, name, '(file)');
  const seen = new Set<string>();
  const countries = new Set<string>();
  const rows = listIn(top, file, 'permitTypes');
  rows.forEach((row, index) => {
    const check = new EntryCheck(problems, name, `${String(row.country ?? '?')} ${String(row.nativeType ?? `permitTypes[${index}]`)}`);
    const country = check.memberState(row);
    const nativeType = check.text(row, 'nativeType');
    if (country) countries.add(country);
    const key = `${country}/${nativeType}`;
    if (seen.has(key)) check.fail('this native type appears twice for the country');
    seen.add(key);
    check.text(row, 'name');
    check.text(row, 'authority');
    check.text(row, 'classRule');
    check.text(row, 'source');
    if (typeof row.confirmed !== 'boolean') check.fail('confirmed must be true or false');
    const classes = row.permitClasses;
    if (!Array.isArray(classes) || classes.length === 0) check.fail('permitClasses must list at least one permit class');
    else {
      for (const permitClass of classes) {
        if (!PERMIT_CLASSES.includes(permitClass)) check.fail(`permit class ${JSON.stringify(permitClass)} is not one of ${PERMIT_CLASSES.join(', ')}`);
      }
    }
    check.fact(row, 'maxDuration', { nullable: false });
    check.fact(row, 'renewal', { nullable: false });
    check.fact(row, 'legalBasis', { nullable: false });
    check.fact(row, 'quota', { nullable: true });
    check.fact(row, 'sectors', { nullable: true });
    const months = isObject(row.maxDuration) ? row.maxDuration.months : undefined;
    if (months !== undefined && (typeof months !== 'number' || !Number.isInteger(months) || months < 1)) {
      check.fail(`maxDuration.months ${JSON.stringify(months)} is not a positive whole number`);
    }
  });
  for (const country of rows.length > 0 ? MEMBER_STATES : []) {
    if (!countries.has(country)) top.fail(`no permit type for member state ${country}`);
  }
}

/** Every problem in the three files; an empty list means the data may be used. */
export function checkReferenceData(files: ReferenceFiles): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  checkFrameworks(problems, files.qualificationFrameworks);
  checkArrangements(problems, files.mutualRecognitionArrangements);
  checkPermitTypes(problems, files.permitTypes);
  return problems;
}

/** The checked data, typed; throws with every problem listed (one a line) when a file is wrong. */
export function parseReferenceData(files: ReferenceFiles): ReferenceData {
  const problems = checkReferenceData(files);
  if (problems.length > 0) {
    throw new Error(`Reference data refused (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map(describeProblem).join('\n')}`);
  }
  const arrangements = files.mutualRecognitionArrangements as { arrangements: MutualRecognitionArrangement[]; participation: Source };
  return {
    frameworks: (files.qualificationFrameworks as { frameworks: QualificationFramework[] }).frameworks,
    arrangements: arrangements.arrangements,
    participation: arrangements.participation,
    permitTypes: (files.permitTypes as { permitTypes: PermitType[] }).permitTypes,
  };
}
