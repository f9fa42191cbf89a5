// What one audit entry says, and how entries are chained: each entry's hash covers the previous
// entry's hash and the entry's canonical JSON (keys sorted, no spaces), so that altering, removing
// or reordering any entry breaks every hash after it.
import { createHash, createHmac } from 'node:crypto';
import { normalizeDocumentNumber } from '../../schema/ids/index.js';

/** How much of a record the owner's policy released (`SUBJECT`: the worker's own record). */
export type AuditLevel = 'FULL' | 'VERIFY' | 'NONE' | 'SUBJECT';
export type AuditOutcome = 'RELEASED' | 'WITHHELD' | 'NOT_FOUND' | 'ERROR';
/** READ: records by id (`_entities`); LOCATE: a person's records by identity; CHECK: whether ids exist; HISTORY: who looked at me; SEARCH: records by their facts (inspectors). */
export type AuditAction = 'READ' | 'LOCATE' | 'CHECK' | 'HISTORY' | 'QUERY' | 'SEARCH';

/** One personal-data access, as its writer saw it. Nothing here is personal data in clear: workers are keyed HMACs. */
export interface AuditEvent {
  requestId: string | null;
  client: string | null;
  memberState: string | null;
  role: string | null;
  officer: string | null;
  purpose: string | null;
  /** SHA-256 of the GraphQL operation text. */
  operation: string | null;
  action: AuditAction;
  /** The workers concerned, as identity HMACs (identityHmac). */
  subjects: string[];
  /** Global ids of the records returned. */
  recordIds: string[];
  level: AuditLevel | null;
  outcome: AuditOutcome;
}

/** An event as stored: its writer, its place in the writer's chain and its time. */
export interface AuditEntry extends AuditEvent {
  writer: string;
  seq: number;
  at: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: the same entry always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return `{${Object.keys(object).filter((key) => object[key] !== undefined).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function chainHash(previousHash: string, body: string): string {
  return createHash('sha256').update(previousHash).update('\n').update(body).digest('hex');
}

/**
 * A worker's identity as the audit keeps it: HMAC-SHA256 under the audit key of
 * `NATIONALITY:documentNumber` (normalised), so that "who looked at me" can find a worker's
 * entries while the log never holds a document number.
 */
export function identityHmac(key: string, nationality: string, documentNumber: string): string {
  return createHmac('sha256', key).update(`${nationality.toUpperCase()}:${normalizeDocumentNumber(documentNumber)}`).digest('hex');
}

export function operationHash(text: string | undefined | null): string | null {
  return text ? createHash('sha256').update(text).digest('hex') : null;
}
