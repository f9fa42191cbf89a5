import { legacyBatchLimit } from '../kit/adapter.js';
import type { AdapterFactory } from '../kit/adapter.js';
import { lookup, permitRecord, type PermitRecord } from '../kit/records.js';
import type { RegistryClient, RegistryResponse } from '../kit/registryClient.js';
import type { PermitClass, PermitStatus } from '../../schema/contract/index.js';
import { fetchOnlyRecord, nativeReader, type OneRecordRoute } from '../kit/nativeRecords.js';
import vocabulary from './aepVocabulary.json' with { type: 'json' };
import { demonymFromIso, isoFromDemonym } from './demonyms.js';
import { AEP_NUMBER, type AepRecord } from './aep.native.js';
import { aepProfile } from './profiles.js';
import { psocOccupation } from './psoc.js';

/**
 * DOLE Alien Employment Permits and Certificates of Exemption. Contract: there is no batch
 * endpoint, so `fetchByIds` takes exactly one number (the kit paces the single calls); a 404 must
 * carry `{"status":404,"error":"AEP_NOT_FOUND"}`. Nationality is an English demonym that must be
 * in aepDemonyms.json; the shared class comes from the post's ISCO-08 major group.
 */
const STATUS_BY_TYPE = vocabulary.statusByType as Record<string, Record<string, PermitStatus>>;
const CLASS_BY_MAJOR_GROUP = vocabulary.permitClassByIscoMajorGroup as Record<string, PermitClass>;
const AEP_PERMIT: OneRecordRoute<AepRecord> = { route: 'GET /aep/api/permits/{aepNo}', notFound: { error: 'AEP_NOT_FOUND' }, what: 'permit', name: 'DOLE AEP', idOf: (native) => native.aepNo };

export type PhlPermitRecord = PermitRecord & { regionalOffice: string; permitClassDerivation: string };

export function aepToContract(native: AepRecord, client: Pick<RegistryClient, 'error'>): PhlPermitRecord {
  const { fail, date } = nativeReader(client, `permit ${native.aepNo}`, 'YYYY-MM-DD');
  const holder = native.foreignNational;
  const nationality = isoFromDemonym(holder.nationality);
  if (!nationality) throw fail(`unknown nationality ${JSON.stringify(holder.nationality)} (not among the demonyms DOLE publishes)`);
  const occupation = psocOccupation(native.psocCode, native.position, fail);
  // The number's prefix is the only place the record says whether it is a permit or an exemption.
  const nativeType = native.aepNo.slice(0, 3);
  const statuses = lookup(STATUS_BY_TYPE, nativeType, 'number prefix', fail);
  const status = lookup(statuses, native.status, `status of a ${nativeType}`, fail);
  const majorGroup = native.psocCode[0];
  const permitClass = lookup(CLASS_BY_MAJOR_GROUP, majorGroup, 'ISCO-08 major group', fail);

  return permitRecord(
    { country: 'PHL', registry: 'aep', typename: 'PhlWorkPermit' },
    {
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
    },
  );
}

function failure(client: RegistryClient, response: RegistryResponse, route: string): Error {
  return client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}: ${response.text.slice(0, 200)}`);
}

export const aepAdapter: AdapterFactory<PhlPermitRecord> = (client) => ({
  registry: aepProfile.key,
  kind: 'PERMIT',
  batchLimit: legacyBatchLimit(aepProfile),
  isNativeId: (id) => AEP_NUMBER.test(id),

  fetchByIds: (numbers) => fetchOnlyRecord(client, numbers, AEP_PERMIT, aepToContract),

  async findByHolder(identity) {
    // DOLE is asked by demonym; a nationality it publishes none for (Filipinos included: AEPs are for aliens) has no record to find.
    const demonym = demonymFromIso(identity.nationality);
    if (!demonym) return [];
    const route = 'GET /aep/api/permits?passportNo';
    const response = await client.request('/aep/api/permits', { route, query: { passportNo: identity.documentNumber, nationality: demonym } });
    if (response.status !== 200) throw failure(client, response, route);
    const body = client.json<unknown>(response, route);
    if (!Array.isArray(body)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 with ${typeof body === 'object' && body !== null ? 'an object' : typeof body} instead of a list of permits`);
    return (body as AepRecord[]).map((native) => aepToContract(native, client));
  },
});
