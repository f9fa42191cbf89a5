// What both Singapore registries share in subgraphs/sgp/README.md, on the adapters' side: error
// bodies that carry a `code` word, lists under a key, holders known by NRIC or FIN as well as by
// passport, and the identity numbers and SSOC codes both records carry.
import type { HolderIdentity } from '../../schema/ids/index.js';
import type { RegistryClient, RegistryResponse } from '../kit/registryClient.js';
import { nativeReader } from '../kit/nativeRecords.js';
import type { Occupation } from '../../schema/contract/index.js';
import { SINGAPORE_ID, singaporeIdProblem, singaporeIdType, type SingaporeIdType } from './singaporeId.js';

/** The adapters' side: the `code` of an error body, or null when the body has none. */
export function codeOf(client: RegistryClient, response: RegistryResponse, route: string): string | null {
  const body = client.json<{ code?: unknown } | null>(response, route);
  return body !== null && typeof body === 'object' && typeof body.code === 'string' ? body.code : null;
}

/** A 200 answer's list under `key`, or REGISTRY_PROTOCOL_ERROR naming the route and what came instead. */
export function listOf<N>(client: RegistryClient, response: RegistryResponse, route: string, key: string): N[] {
  return pageOf<N>(client, response, route, key).list;
}

/** A 200 answer's list under `key` and the body around it (a listing's `nextCursor`). */
export function pageOf<N>(client: RegistryClient, response: RegistryResponse, route: string, key: string): { list: N[]; body: Record<string, unknown> } {
  if (response.status !== 200) {
    throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}${codeSuffix(client, response, route)}: ${response.text.slice(0, 200)}`);
  }
  const body = client.json<Record<string, unknown> | null>(response, route);
  const list = body?.[key];
  if (!Array.isArray(list)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 without a ${key} list`);
  return { list: list as N[], body: body! };
}

/** The next cursor of a listing (`nextCursor`: a string, or null after the last page). */
export function nextCursorOf(client: Pick<RegistryClient, 'error'>, body: Record<string, unknown>, route: string): string | null {
  const next = body.nextCursor;
  if (next === null || next === undefined) return null;
  if (typeof next !== 'string' || next === '') throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered a nextCursor that is neither a cursor nor null`);
  return next;
}

function codeSuffix(client: RegistryClient, response: RegistryResponse, route: string): string {
  try {
    const code = codeOf(client, response, route);
    return code ? ` ${code}` : '';
  } catch {
    return '';
  }
}

export type HolderDocument = { kind: 'PASSPORT'; passportNo: string; nationality: string } | { kind: SingaporeIdType; idNumber: string };

/**
 * Both registries know holders by NRIC or FIN as well as by passport, and Singapore callers use
 * those. A document number in the NRIC/FIN shape is therefore asked about as one, and a malformed
 * one (wrong check letter) is refused here, before any call: it names nobody.
 */
export function holderDocument(identity: HolderIdentity, client: Pick<RegistryClient, 'error'>): HolderDocument {
  const number = identity.documentNumber;
  if (!SINGAPORE_ID.test(number)) return { kind: 'PASSPORT', passportNo: number, nationality: identity.nationality };
  const problem = singaporeIdProblem(number);
  if (problem) throw client.error('IDENTITY_ATTRIBUTES_REQUIRED', `${problem}; give a well-formed FIN or NRIC, or a passport number`, { required: ['documentNumber'] });
  return { kind: singaporeIdType(number), idNumber: number };
}

/**
 * The kit's native reader (protocol errors naming the record, ISO dates, alpha-3 nationalities)
 * with what both Singapore registries add: NRIC/FIN numbers that pass the published checksum, and
 * SSOC 2024 codes.
 */
export function singaporeReader(client: Pick<RegistryClient, 'error'>, what: string) {
  const reader = nativeReader(client, what, 'YYYY-MM-DD');
  const { fail } = reader;
  return {
    ...reader,
    singaporeId(value: string, field: string): string {
      const problem = singaporeIdProblem(value);
      if (problem) throw fail(`${field}: ${problem}`);
      return value;
    },
    /** SSOC 2024 refines ISCO-08's unit groups with a fifth digit: the first four are the ISCO code. */
    occupation(ssocCode: string): Occupation {
      if (!/^\d{5}$/.test(ssocCode)) throw fail(`ssocCode: expected an SSOC 2024 code of 5 digits, got ${JSON.stringify(ssocCode)}`);
      return { isco: ssocCode.slice(0, 4), national: ssocCode, scheme: 'SSOC 2024', title: null };
    },
  };
}
