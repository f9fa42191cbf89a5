import { badUserInput } from '../errors/index.js';
import { isAlpha3 } from '../countries/index.js';
import { isIsoDate } from '../dates/index.js';

/** The attributes a caller gives to find one person across registries. */
export interface HolderIdentity {
  /** ISO 3166-1 alpha-3 nationality. */
  nationality: string;
  /** Travel-document number, normalised (upper case, no spaces or dashes). */
  documentNumber: string;
  /** ISO date, when the caller knows it. */
  dateOfBirth?: string | null;
}

/** Registries compare travel-document numbers case-insensitively with spaces and dashes removed. */
export function normalizeDocumentNumber(value: string): string {
  return value.replace(/[\s-]+/g, '').toUpperCase();
}

const DOCUMENT_NUMBER = /^[A-Z0-9]{5,20}$/;

/** Checks and normalises caller input, throwing BAD_USER_INPUT that names the argument. */
export function parseHolderIdentity(input: { nationality: string; documentNumber: string; dateOfBirth?: string | null }): HolderIdentity {
  const nationality = input.nationality.trim().toUpperCase();
  if (!isAlpha3(nationality)) {
    throw badUserInput('nationality', `expected an ISO 3166-1 alpha-3 country code such as "IDN", got ${JSON.stringify(input.nationality)}`);
  }
  const documentNumber = normalizeDocumentNumber(input.documentNumber);
  if (!DOCUMENT_NUMBER.test(documentNumber)) {
    throw badUserInput('documentNumber', `expected a travel-document number of 5 to 20 letters and digits (spaces and dashes are ignored), got ${JSON.stringify(input.documentNumber)}`);
  }
  const dateOfBirth = input.dateOfBirth ?? null;
  if (dateOfBirth !== null && !isIsoDate(dateOfBirth)) {
    throw badUserInput('dateOfBirth', `expected a date as YYYY-MM-DD, got ${JSON.stringify(dateOfBirth)}`);
  }
  return { nationality, documentNumber, dateOfBirth };
}

/** A stable key for one identity, used by loaders and caches. */
export function identityKey(identity: HolderIdentity): string {
  return `${identity.nationality}:${identity.documentNumber}:${identity.dateOfBirth ?? ''}`;
}
