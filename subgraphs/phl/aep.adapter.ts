// DOLE Alien Employment Permits and Certificates of Exemption (subgraphs/phl/README.md). Contract:
// there is no batch endpoint, so the kit gives `fetchByIds` exactly one number and paces the
// calls; a 404 must carry `{"status":404,"error":"AEP_NOT_FOUND"}`. Nationality is an English
// demonym (demonyms.ts: DOLE's own spellings, then every state's); the shared class comes from the
// post's ISCO-08 major group. The offset-paged permit list (a bare array, total in
// `X-Total-Count`) is the bulk interface.
import { defineAdapter } from '../kit/adapter.js';
import { lookup, type CountryExtras, type PermitFields } from '../kit/records.js';
import type { RegistryClient, RegistryResponse } from '../kit/registryClient.js';
import { fetchOneNative, nativeReader, type OneRecordRoute } from '../kit/nativeRecords.js';
import { nextOffset } from '../kit/bulkPaging.js';
import type { PermitClass, PermitStatus, WorkPermit } from '../../schema/contract/index.js';
import vocabulary from './aepVocabulary.json' with { type: 'json' };
import { demonymFromIso, isoFromDemonym } from './demonyms.js';
import type { AepRecord } from './aep.native.js';
import { aepProfile } from './profiles.js';
import { psocOccupation } from './psoc.js';
import type { PhlWorkPermit } from './types.js';

const STATUS = vocabulary.status as Record<string, PermitStatus>;
const CLASS_BY_MAJOR_GROUP = vocabulary.permitClassByIscoMajorGroup as Record<string, PermitClass>;
const AEP_PERMIT: OneRecordRoute<AepRecord> = { route: 'GET /aep/api/permits/{aepNo}', notFound: { error: 'AEP_NOT_FOUND' }, what: 'permit', idOf: (native) => native.aepNo };

/** What the AEP adapter reads: the shared fields and PhlWorkPermit's own, declared once in types.ts. */
export type PhlPermitFields = PermitFields & CountryExtras<PhlWorkPermit, WorkPermit>;

export function readAep(native: AepRecord, client: Pick<RegistryClient, 'error'>): PhlPermitFields {
  const { fail, date } = nativeReader(client, `permit ${native.aepNo}`, 'YYYY-MM-DD');
  const holder = native.foreignNational;
  if (typeof holder !== 'object' || holder === null) throw fail('expected a foreignNational object');
  const nationality = isoFromDemonym(holder.nationality);
  if (!nationality) throw fail(`unknown nationality ${JSON.stringify(holder.nationality)} (a demonym that names no single state)`);
  const occupation = psocOccupation(native.psocCode, native.position, fail);
  // The number's prefix is the only place the record says whether it is a permit or an exemption.
  const nativeType = native.aepNo.slice(0, 3);
  lookup(vocabulary.types, nativeType, 'number prefix', fail);
  const status = lookup(STATUS, native.status, 'status', fail);
  const majorGroup = native.psocCode[0];
  const permitClass = lookup(CLASS_BY_MAJOR_GROUP, majorGroup, 'ISCO-08 major group', fail);
  return {
    nativeId: native.aepNo,
    holderName: `${holder.surname}, ${holder.givenName}`,
    holderNationality: nationality,
    holderDocumentNumber: holder.passportNo,
    holderDateOfBirth: date(holder.birthDate, 'birthDate'),
    permitClass,
    nativeType,
    status,
    nativeStatus: native.status,
    validFrom: date(native.validFrom, 'validFrom'),
    validUntil: date(native.validUntil, 'validUntil'),
    employer: { name: native.employer.name, registrationNumber: native.employer.tin },
    occupation,
    sector: null,
    regionalOffice: native.regionalOffice,
    permitClassDerivation: `${permitClass} from ISCO-08 major group ${majorGroup} of the position (PSOC ${native.psocCode}); DOLE records no permit category.`,
  };
}

/** DOLE answers its permit lists as a bare JSON array. */
function bareList(client: RegistryClient, response: RegistryResponse, route: string): AepRecord[] {
  if (response.status !== 200) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}: ${response.text.slice(0, 200)}`);
  const body = client.json<unknown>(response, route);
  if (!Array.isArray(body)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 with ${typeof body === 'object' && body !== null ? 'an object' : typeof body} instead of a list of permits`);
  return body as AepRecord[];
}

export const aepAdapter = defineAdapter<AepRecord, PhlPermitFields>({
  profile: aepProfile,
  idsOf: (native) => [native.aepNo],
  read: readAep,
  connect: (client) => ({
    fetchByIds: (numbers) => fetchOneNative(client, numbers[0], AEP_PERMIT),

    async findByHolder(identity) {
      // AEPs are for aliens (subgraphs/phl/README.md): a Filipino holds none, and the slow registry is spared the call.
      if (identity.nationality === 'PHL') return [];
      const demonym = demonymFromIso(identity.nationality);
      if (!demonym) throw client.error('NATIONALITY_NOT_EXPRESSIBLE', `DOLE is asked by demonym and none is known for ${JSON.stringify(identity.nationality)}`, { nationality: identity.nationality });
      const route = 'GET /aep/api/permits?passportNo';
      const response = await client.request('/aep/api/permits', { route, query: { passportNo: identity.documentNumber, nationality: demonym } });
      return bareList(client, response, route);
    },

    async listPage(cursor, options = {}) {
      const route = aepProfile.bulk!.route;
      const offset = cursor === null ? 0 : Number(cursor);
      const limit = aepProfile.bulk!.pageSize;
      const response = await client.request('/aep/api/permits', { route, query: { offset, limit, validFrom: options.issuedSince } });
      const records = bareList(client, response, route);
      const total = response.headers.get('x-total-count');
      return { records, next: nextOffset(offset, records.length, limit, total === null || !/^\d+$/.test(total) ? undefined : Number(total)) };
    },
  }),
});
