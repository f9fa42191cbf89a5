// Identifiers the Singapore simulators give the synthetic population, the same in both registries:
// one NRIC per citizen, one FIN per foreigner, and SSOC codes read from ISCO.
import { recordRandom, type Person, type PermitHolding } from '../../../sandbox/population/population.js';
import { checkLetter } from '../singaporeId.js';

/** Citizens hold an NRIC: S for those born before 2000, T after; the first two digits are the birth year, as for everyone born since 1968. */
function nricFor(person: Person): string {
  const series = person.dateOfBirth < '2000' ? 'S' : 'T';
  const digits = person.dateOfBirth.slice(2, 4) + recordRandom('nric', person.pid).digits(5);
  return series + digits + checkLetter(series, digits);
}

/** Foreigners hold a FIN: G until 2021, M for passes first granted from 2022 (whose check letter is not published, so any letter). */
function finFor(person: Person): string {
  const r = recordRandom('fin', person.pid);
  const firstPass = person.holdings.find((h): h is PermitHolding => h.kind === 'PERMIT' && h.country === 'SGP');
  const series = firstPass !== undefined && firstPass.validFrom >= '2022-01-01' ? 'M' : 'G';
  const digits = r.digits(7);
  return series + digits + (checkLetter(series, digits) ?? r.letters(1, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'));
}

export function singaporeIdOf(person: Person): string {
  return person.nationality === 'SGP' ? nricFor(person) : finFor(person);
}

/** SSOC 2024 refines each ISCO-08 unit group with a fifth digit; the simulation uses the group's first detailed occupation. */
export function ssocFor(isco: string): string {
  return `${isco}1`;
}

/** A version-4 UUID drawn from a record's own random stream. */
export function uuidFrom(...parts: Array<string | number>): string {
  const hex = recordRandom(...parts).letters(32, '0123456789abcdef');
  const variant = '89ab'[parseInt(hex[16], 16) % 4];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// A credential's UUID ends (its last twelve hex digits) in its place in the registry times an odd
// constant, modulo 2^48: it reads as random, and the constant's inverse gives the place back, so
// that the simulator at SIM_SCALE can draw the credential a UUID names.
const NODE = 1n << 48n;
const SCRAMBLE = 0x5deece66dn;
const UNSCRAMBLE = 0xdfe05bcb1365n;

/** The `seq`-th credential's UUID. */
export function credentialIdOf(seq: number): string {
  const node = ((BigInt(seq) * SCRAMBLE) % NODE).toString(16).padStart(12, '0');
  return `${uuidFrom('ssg-credential', seq).slice(0, 24)}${node}`;
}

/** The place a credential UUID names, or null for a UUID of another shape. */
export function credentialSeqOf(id: string): number | null {
  const node = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-([0-9a-f]{12})$/.exec(id)?.[1];
  if (node === undefined) return null;
  const seq = Number((BigInt(`0x${node}`) * UNSCRAMBLE) % NODE);
  return seq >= 1 ? seq : null;
}
