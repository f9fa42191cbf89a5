import { aqrfLevelFor } from '../../schema/aqrf/aqrfLevel.js';
import { AqrfBasis, CertificationStatus, PermitClass, PermitStatus } from '../../schema/contract/enums.js';
import { isAlpha3 } from '../../schema/countries/index.js';

/**
 * The normalisation every country promises, checked on a record as the gateway returned it
 * (queried with CONTRACT_SELECTION). Answers every broken promise in words naming the record,
 * the field and the value, so a failing country is told exactly what to fix; empty when none.
 */
export interface FetchedRecord {
  __typename: string;
  id: string;
  [field: string]: unknown;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` string that names a day of the calendar (no 2023-02-29, no 2024-13-01). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function contractViolations(record: FetchedRecord, code: string): string[] {
  const problems: string[] = [];
  const fail = (field: string, expected: string) => problems.push(`${record.id} ${field}: expected ${expected}, got ${JSON.stringify(record[field])}`);
  const kind = record.id.startsWith(`${code}:CERT:`) ? 'CERT' : record.id.startsWith(`${code}:PERMIT:`) ? 'PERMIT' : null;
  if (kind === null) {
    fail('id', `"${code}:CERT:…" or "${code}:PERMIT:…"`);
    return problems;
  }

  const dates = kind === 'CERT' ? ['issuedOn', 'validUntil'] : ['validFrom', 'validUntil'];
  for (const field of dates) {
    const value = record[field];
    if (value !== null && (typeof value !== 'string' || !isCalendarDate(value))) fail(field, 'null or a calendar date YYYY-MM-DD');
  }

  const status = kind === 'CERT' ? record.status : record.permitStatus;
  const vocabulary: readonly string[] = Object.values(kind === 'CERT' ? CertificationStatus : PermitStatus);
  if (typeof status !== 'string' || !vocabulary.includes(status)) problems.push(`${record.id} status: expected one of ${vocabulary.join(', ')}, got ${JSON.stringify(status)}`);
  if (typeof record.nativeStatus !== 'string' || record.nativeStatus.trim() === '') fail('nativeStatus', 'the registry\'s own status word');

  if (record.country !== code) fail('country', JSON.stringify(code));
  if (record.holderNationality !== null && (typeof record.holderNationality !== 'string' || !isAlpha3(record.holderNationality))) fail('holderNationality', 'null or an ISO 3166-1 alpha-3 code');

  if (kind === 'CERT') {
    const nationalLevel = record.nationalLevel as string | null;
    const reading = aqrfLevelFor(code, nationalLevel);
    if (!(Object.values(AqrfBasis) as unknown[]).includes(record.aqrfBasis) || record.aqrfBasis !== reading.basis) {
      fail('aqrfBasis', `${reading.basis} (schema/reference/qualificationFrameworks.json for ${code} level ${JSON.stringify(nationalLevel)})`);
    }
    if (record.aqrfLevel !== reading.level) fail('aqrfLevel', `${reading.level} (schema/reference/qualificationFrameworks.json for ${code} level ${JSON.stringify(nationalLevel)})`);
  } else if (!(Object.values(PermitClass) as unknown[]).includes(record.permitClass)) {
    fail('permitClass', `one of ${Object.values(PermitClass).join(', ')}`);
  }
  return problems;
}
