import { addDays, addMonths } from '../../schema/dates/index.js';
import { Random } from './prng.js';
import corridorData from './corridors.json' with { type: 'json' };
import occupationData from './occupations.json' with { type: 'json' };
import nameData from './names.json' with { type: 'json' };

/**
 * The deterministic synthetic population every simulator draws from: the same worker has the
 * same passport, name and birth date in every registry, and moves along the real corridors
 * (docs/domain.md). Records are canonical here; each country's simulator writes them in
 * its registry's native form.
 */
export type PermitClassName = 'PROFESSIONAL' | 'SKILLED' | 'LOWER_SKILLED';

export interface NamePart {
  latin: string;
  /** In the person's own script (Myanmar, Khmer, Lao, Thai), where the pool has it. */
  native?: string;
  /** As Thai registries transliterate it, where the pool has it. */
  thai?: string;
}

export interface Person {
  pid: number;
  nationality: string;
  given: NamePart;
  family: NamePart;
  /** Middle name, Philippine style. */
  middle: string | null;
  /** Full name in Latin script, in the nationality's usual order. */
  fullName: string;
  fullNameNative: string | null;
  fullNameThai: string | null;
  sex: 'M' | 'F';
  dateOfBirth: string;
  /** Null for a citizen who never travelled (about one resident in six). */
  passportNo: string | null;
  holdings: Holding[];
}

export interface Occupation {
  isco: string;
  cls: PermitClassName;
  cert: boolean;
  sector: string;
  en: string;
  id: string;
  ms: string;
  th: string;
  vi: string;
  pt: string;
}

export interface CertHolding {
  kind: 'CERT';
  country: string;
  /** Sequence number within the country's certification registry, from 1. */
  seq: number;
  occupation: Occupation;
  /** National level as a number from 1; each country maps it onto its own scale. */
  level: number;
  issuedOn: string;
  status: 'VALID' | 'EXPIRED' | 'SUSPENDED' | 'REVOKED';
  /** Whether it was earned in the holder's home country. */
  home: boolean;
}

export interface PermitHolding {
  kind: 'PERMIT';
  country: string;
  seq: number;
  permitClass: PermitClassName;
  occupation: Occupation;
  /** Index into the host country's employer list. */
  employer: number;
  validFrom: string;
  validUntil: string;
  status: 'PENDING' | 'ACTIVE' | 'EXPIRED' | 'CANCELLED' | 'REVOKED';
}

export type Holding = CertHolding | PermitHolding;

export interface Population {
  seed: number;
  today: string;
  people: Person[];
}

/** The simulation's "today": fixed, so that statuses are the same whatever day the tests run. */
export const SIMULATION_TODAY = '2026-11-01';

export const MEMBER_STATES = ['BRN', 'KHM', 'IDN', 'LAO', 'MYS', 'MMR', 'PHL', 'SGP', 'THA', 'VNM', 'TLS'] as const;

export type Corridor = [string, string, number, [number, number, number]];

const corridors = corridorData.corridors as Corridor[];
const occupations = occupationData.occupations as Occupation[];
const names = nameData as unknown as Record<string, { order: string; given: string[]; family: string[]; middle?: string[] }>;

const PASSPORT_FORMATS: Record<string, (r: Random) => string> = {
  IDN: (r) => r.letters(1, 'ABCX') + r.digits(7),
  MYS: (r) => r.letters(1, 'AH') + r.digits(8),
  PHL: (r) => 'P' + r.digits(7) + r.letters(1, 'ABC'),
  MMR: (r) => 'M' + r.letters(1, 'ABCD') + r.digits(6),
  KHM: (r) => 'N' + r.digits(8),
  LAO: (r) => 'P' + r.digits(7),
  THA: (r) => 'A' + r.letters(1, 'ABC') + r.digits(7),
  VNM: (r) => 'C' + r.digits(7),
  SGP: (r) => 'K' + r.digits(7) + r.letters(1, 'ABCDEFGHJ'),
  BRN: (r) => 'B' + r.digits(6),
  TLS: (r) => 'TL' + r.digits(7),
  CHN: (r) => 'E' + r.letters(1, 'ABCDEFG') + r.digits(7),
  JPN: (r) => 'T' + r.letters(1, 'KRZ') + r.digits(7),
  KOR: (r) => 'M' + r.digits(8),
  IND: (r) => r.letters(1, 'JKLMNPRZ') + r.digits(7),
  BGD: (r) => r.letters(2, 'ABEF') + r.digits(7),
  NPL: (r) => r.digits(8),
  TWN: (r) => '3' + r.digits(8),
  USA: (r) => '5' + r.digits(8),
  AUS: (r) => r.letters(1, 'NPR') + r.digits(7),
  PRT: (r) => r.letters(1, 'CP') + r.digits(6),
};

function part(raw: string): NamePart {
  const [latin, native, thai] = raw.split('|');
  return { latin, native, thai };
}

function joinName(order: string, given: string | undefined, family: string | undefined): string | null {
  if (given === undefined || family === undefined) return null;
  return order === 'family-given' ? `${family} ${given}` : `${given} ${family}`;
}

function makePerson(r: Random, pid: number, nationality: string, minAge: number, maxAge: number, travels: boolean): Person {
  const pool = names[nationality];
  const given = part(r.pick(pool.given));
  const family = part(r.pick(pool.family));
  const middle = pool.middle ? r.pick(pool.middle) : null;
  const birthYear = 2026 - r.int(minAge, maxAge);
  const dateOfBirth = `${birthYear}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  return {
    pid,
    nationality,
    given,
    family,
    middle,
    fullName: joinName(pool.order, given.latin, family.latin)!,
    fullNameNative: joinName(pool.order, given.native, family.native),
    fullNameThai: joinName(pool.order, given.thai, family.thai),
    sex: r.chance(0.5) ? 'M' : 'F',
    dateOfBirth,
    passportNo: travels || r.chance(5 / 6) ? PASSPORT_FORMATS[nationality](r) : null,
    holdings: [],
  };
}

function occupationFor(r: Random, cls: PermitClassName, certifiable: boolean): Occupation {
  const pool = occupations.filter((o) => (certifiable ? o.cert : o.cls === cls));
  return r.pick(pool.length > 0 ? pool : occupations);
}

function certStatus(r: Random): CertHolding['status'] {
  return r.weighted([['VALID', 0.86], ['EXPIRED', 0.06], ['SUSPENDED', 0.03], ['REVOKED', 0.05]] as const);
}

function permitStatusFor(r: Random, validUntil: string, today: string): PermitHolding['status'] {
  if (validUntil < today) return r.chance(0.9) ? 'EXPIRED' : 'CANCELLED';
  return r.weighted([['ACTIVE', 0.9], ['PENDING', 0.04], ['CANCELLED', 0.04], ['REVOKED', 0.02]] as const);
}

/** Where a person comes from: a citizen who never left, or a migrant of one corridor. */
export type Segment = { type: 'resident'; country: string } | { type: 'migrant'; corridor: Corridor };

/** The segments of the population in order, each with how many people it has (`scale` multiplies them all, keeping the corridors' proportions). */
export function segments(scale = 1): Array<{ segment: Segment; count: number }> {
  return [
    ...MEMBER_STATES.map((country) => ({ segment: { type: 'resident', country } as Segment, count: corridorData.residentsPerMember * scale })),
    ...corridors.map((corridor) => ({ segment: { type: 'migrant', corridor } as Segment, count: corridor[2] * scale })),
  ];
}

/**
 * One person and their holdings, drawn from `r`. `nextSeq` numbers each holding within its
 * registry (the scaled population numbers them afterwards, and passes a placeholder).
 */
export function makePersonOf(r: Random, pid: number, segment: Segment, nextSeq: (country: string, kind: string) => number, today = SIMULATION_TODAY): Person {
  const addCert = (person: Person, country: string, home: boolean, occupation: Occupation, latestIssue: string) => {
    const issuedOn = addDays(latestIssue, -r.int(30, 5 * 365));
    person.holdings.push({ kind: 'CERT', country, seq: nextSeq(country, 'CERT'), occupation, level: r.weighted([[1, 2], [2, 4], [3, 3], [4, 1]] as const), issuedOn, status: certStatus(r), home });
  };
  const addPermit = (person: Person, country: string, cls: PermitClassName, occupation: Occupation, endBy: string | null) => {
    const months = cls === 'LOWER_SKILLED' ? 12 : cls === 'SKILLED' ? 24 : r.pick([12, 24, 36]);
    const validFrom = endBy === null ? addDays(today, -r.int(10, 700)) : addDays(endBy, -r.int(months * 30 + 30, months * 30 + 900));
    const validUntil = addDays(addMonths(validFrom, months), -1);
    person.holdings.push({ kind: 'PERMIT', country, seq: nextSeq(country, 'PERMIT'), permitClass: cls, occupation, employer: r.int(0, 999), validFrom, validUntil, status: permitStatusFor(r, validUntil, today) });
  };

  if (segment.type === 'resident') {
    // Residents: citizens with a home certificate who never left.
    const { country } = segment;
    const person = makePerson(r, pid, country, 20, 58, false);
    addCert(person, country, true, occupationFor(r, 'SKILLED', true), today);
    if (r.chance(0.2)) addCert(person, country, true, occupationFor(r, 'SKILLED', true), today);
    return person;
  }
  // Migrants, corridor by corridor.
  const [host, origin, , classShares] = segment.corridor;
  const person = makePerson(r, pid, origin, 21, 55, true);
  const cls = r.weighted([['PROFESSIONAL', classShares[0]], ['SKILLED', classShares[1]], ['LOWER_SKILLED', classShares[2]]] as const);
  const occupation = occupationFor(r, cls, false);
  const homeShare = (corridorData.homeCertificateShare as Record<string, number>)[origin] ?? 0;
  if ((MEMBER_STATES as readonly string[]).includes(origin) && r.chance(homeShare)) {
    addCert(person, origin, true, occupationFor(r, cls, true), addDays(today, -r.int(200, 900)));
  }
  const earlier = (corridorData.earlierHostShare as Record<string, number>)[origin] ?? 0;
  if (r.chance(earlier)) {
    const otherHosts = [...new Set(corridors.filter(([h, o]) => o === origin && h !== host).map(([h]) => h))];
    if (otherHosts.length > 0) addPermit(person, r.pick(otherHosts), cls, occupationFor(r, cls, false), addDays(today, -r.int(400, 900)));
  }
  addPermit(person, host, cls, occupation, null);
  const hostShare = (corridorData.hostCertificateShare as Record<string, Partial<Record<PermitClassName, number>>>)[host]?.[cls] ?? 0;
  if (r.chance(hostShare)) addCert(person, host, false, occupationFor(r, cls, true), today);
  return person;
}

export function generatePopulation(seed = 20251026): Population {
  const r = new Random(seed);
  const people: Person[] = [];
  const sequences = new Map<string, number>();
  const nextSeq = (country: string, kind: string) => {
    const key = `${country}:${kind}`;
    const n = (sequences.get(key) ?? 0) + 1;
    sequences.set(key, n);
    return n;
  };
  for (const { segment, count } of segments()) {
    for (let i = 0; i < count; i += 1) people.push(makePersonOf(r, people.length + 1, segment, nextSeq));
  }
  return { seed, today: SIMULATION_TODAY, people };
}

/** Every (person, holding) pair held in one country's registry of one kind, in sequence order. */
export function holdingsIn<K extends Holding['kind']>(population: Population, country: string, kind: K): Array<{ person: Person; holding: Extract<Holding, { kind: K }> }> {
  const found: Array<{ person: Person; holding: Extract<Holding, { kind: K }> }> = [];
  for (const person of population.people) {
    for (const holding of person.holdings) {
      if (holding.country === country && holding.kind === kind) found.push({ person, holding: holding as Extract<Holding, { kind: K }> });
    }
  }
  return found.sort((a, b) => a.holding.seq - b.holding.seq);
}

let cached: Population | undefined;
/** The default population (seed from SIM_SEED), generated once per process. */
export function defaultPopulation(): Population {
  cached ??= generatePopulation(process.env.SIM_SEED ? Number(process.env.SIM_SEED) : undefined);
  return cached;
}

/** A deterministic per-record random stream, so a simulator can derive extra native fields without shifting the population. */
export function recordRandom(...parts: Array<string | number>): Random {
  let h = 2166136261;
  for (const ch of parts.join('|')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 16777619);
  }
  return new Random(h >>> 0);
}
