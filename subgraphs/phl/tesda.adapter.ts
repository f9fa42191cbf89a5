// TESDA National Certificates (subgraphs/phl/README.md). Contract: one `GET /rcw/certificates?ids=`
// call takes at most 40 numbers and leaves unknown ones out (the kit refuses a record for a number
// that was not asked). Dates are month first (MM/DD/YYYY). Holders are Filipino unless the record
// carries a `nationality`; records without a passport cannot be found by document (see README).
// The search, paged from page 0, is the bulk interface.
import { defineAdapter } from '../kit/adapter.js';
import { lookup, type CertificationFields, type CountryExtras } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { listIn, nativeReader } from '../kit/nativeRecords.js';
import { nextPageNumber, pageNumberOf } from '../kit/bulkPaging.js';
import type { Certification, CertificationStatus } from '../../schema/contract/index.js';
import { formatNativeDate } from '../../schema/dates/index.js';
import vocabulary from './tesdaVocabulary.json' with { type: 'json' };
import type { TesdaRecord } from './tesda.native.js';
import { tesdaProfile } from './profiles.js';
import { psocOccupation } from './psoc.js';
import type { PhlCertification } from './types.js';

const STATUS = vocabulary.status as Record<string, CertificationStatus>;
const NC_LEVELS = vocabulary.ncLevels as Record<string, string>;
const ISSUER = { name: 'Technical Education and Skills Development Authority', registrationNumber: null };
const TESDA_DATE = 'MM/DD/YYYY';

/** What the TESDA adapter reads: the shared fields and PhlCertification's own, declared once in types.ts. */
export type PhlCertificationFields = CertificationFields & CountryExtras<PhlCertification, Certification>;

export function readTesda(native: TesdaRecord, client: Pick<RegistryClient, 'error'>): PhlCertificationFields {
  const { fail, date, alpha3 } = nativeReader(client, `certificate ${native.certificateNumber}`, TESDA_DATE);
  return {
    nativeId: native.certificateNumber,
    // Philippine official order: surname, then given names and middle name.
    holderName: `${native.lastName}, ${[native.firstName, native.middleName].filter(Boolean).join(' ')}`,
    // The key is present only for non-Filipino holders (subgraphs/phl/README.md).
    holderNationality: native.nationality === undefined ? 'PHL' : alpha3(native.nationality, 'nationality'),
    holderDocumentNumber: native.passportNo ?? null,
    holderDateOfBirth: date(native.birthDate, 'birthDate'),
    title: native.qualificationTitle,
    qualificationCode: native.qualificationCode,
    nationalLevel: native.ncLevel,
    occupation: psocOccupation(native.psocCode, null, fail),
    issuer: ISSUER,
    issuedOn: date(native.dateIssued, 'dateIssued'),
    validUntil: date(native.validUntil, 'validUntil'),
    status: lookup(STATUS, native.status, 'status', fail),
    nativeStatus: native.status,
    ncLevel: native.ncLevel,
    levelName: lookup(NC_LEVELS, native.ncLevel, 'ncLevel', fail),
    sector: native.sector,
    assessmentCenter: native.assessmentCenter,
  };
}

export const tesdaAdapter = defineAdapter<TesdaRecord, PhlCertificationFields>({
  profile: tesdaProfile,
  idsOf: (native) => [native.certificateNumber],
  read: readTesda,
  connect: (client) => ({
    async fetchByIds(numbers) {
      const route = 'GET /rcw/certificates?ids';
      const response = await client.request('/rcw/certificates', { route, query: { ids: numbers.join(',') } });
      return listIn<TesdaRecord>(client, response, route, 'content');
    },

    async findByHolder(identity) {
      // Any nationality is asked: foreign holders exist (the `nationality` key), and the kit keeps exact matches only.
      const route = 'GET /rcw/holders?passportNo';
      const response = await client.request('/rcw/holders', { route, query: { passportNo: identity.documentNumber } });
      return listIn<TesdaRecord>(client, response, route, 'content');
    },

    async listPage(cursor, options = {}) {
      const route = tesdaProfile.bulk!.route;
      const page = pageNumberOf(cursor, 0);
      const size = tesdaProfile.bulk!.pageSize;
      const query = { page, size, issuedFrom: options.issuedSince ? formatNativeDate(options.issuedSince, TESDA_DATE) : undefined };
      const response = await client.request('/rcw/certificates/search', { route, query });
      const records = listIn<TesdaRecord>(client, response, route, 'content');
      return { records, next: nextPageNumber(page, 0, records.length, size, client.json<{ totalElements?: unknown }>(response, route).totalElements) };
    },
  }),
});
