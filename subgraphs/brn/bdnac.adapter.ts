// BDNAC national TVET certificates (subgraphs/brn/README.md). Contract: the batch endpoint takes at
// most 50 numbers and answers `{"rekod":[…]}` with the records it knows, leaving unknown numbers out
// (the kit refuses a record for a number that was not asked). Certificates do not expire, so
// `validUntil` is always null and SAH is VALID whatever the date. The search
// (`GET /bdnac/api/sijil/carian`, page-numbered) is the bulk interface.
import { defineAdapter } from '../kit/adapter.js';
import { lookup, type CertificationFields, type CountryExtras } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import type { Certification, CertificationStatus } from '../../schema/contract/index.js';
import { nativeReader } from '../kit/nativeRecords.js';
import vocabulary from './bdnacVocabulary.json' with { type: 'json' };
import type { BdnacRecord } from './bdnac.native.js';
import { bdnacProfile } from './profiles.js';
import { fetchKelompok, listOf, searchPage } from './nativeCalls.js';
import { checkIdentityCard, iscoCodeOccupation, warganegaraOf } from './nativeFields.js';
import type { BrnCertification } from './types.js';

const STATUS = vocabulary.status as Record<string, CertificationStatus>;
const IC_COLOURS = vocabulary.identityCardColours as Record<string, string>;
const BDQF_LEVELS = { min: 1, max: 8 };

/** What the BDNAC adapter reads: the shared fields and BrnCertification's own, declared once in types.ts. */
export type BrnCertificationFields = CertificationFields & CountryExtras<BrnCertification, Certification>;

export function readBdnac(native: BdnacRecord, client: Pick<RegistryClient, 'error'>): BrnCertificationFields {
  const { fail, date } = nativeReader(client, `certificate ${native.noSijil}`, 'YYYY-MM-DD');
  const nationality = warganegaraOf(native.warganegara, fail);
  // The record names the qualification, not the occupation: the occupation has a code and no title.
  const occupation = iscoCodeOccupation(native.kodISCO, null, fail);
  if (!Number.isInteger(native.tahapBDQF) || native.tahapBDQF < BDQF_LEVELS.min || native.tahapBDQF > BDQF_LEVELS.max) {
    throw fail(`tahapBDQF: expected a BDQF level ${BDQF_LEVELS.min}-${BDQF_LEVELS.max}, got ${JSON.stringify(native.tahapBDQF)}`);
  }
  checkIdentityCard('noIC', native.noIC, fail);

  return {
    nativeId: native.noSijil,
    holderName: native.nama,
    holderNationality: nationality,
    holderDocumentNumber: native.noPasport,
    holderDateOfBirth: date(native.tarikhLahir, 'tarikhLahir'),
    title: native.kelayakan,
    qualificationCode: null,
    nationalLevel: String(native.tahapBDQF),
    occupation,
    issuer: { name: native.institusi, registrationNumber: null },
    issuedOn: date(native.tarikhKeluar, 'tarikhKeluar'),
    validUntil: null,
    status: lookup(STATUS, native.status, 'status', fail),
    nativeStatus: native.status,
    bdqfLevel: native.tahapBDQF,
    fieldOfStudy: native.bidang,
    identityCardColour: native.warnaIC,
    residency: lookup(IC_COLOURS, native.warnaIC, 'warnaIC', fail),
  };
}

export const bdnacAdapter = defineAdapter<BdnacRecord, BrnCertificationFields>({
  profile: bdnacProfile,
  idsOf: (native) => [native.noSijil],
  read: readBdnac,
  connect: (client) => ({
    fetchByIds: (numbers) => fetchKelompok<BdnacRecord>(client, '/bdnac/api/sijil/kelompok', { bodyKey: 'noSijil', listKey: 'rekod', numbers }),

    async findByHolder(identity) {
      const route = 'GET /bdnac/api/sijil?noPasport';
      const response = await client.request('/bdnac/api/sijil', { route, query: { noPasport: identity.documentNumber, warganegara: identity.nationality } });
      return listOf<BdnacRecord>(client, response, route, 'rekod');
    },

    listPage: (cursor, options) => searchPage<BdnacRecord>(client, '/bdnac/api/sijil/carian', 'rekod', bdnacProfile.bulk!.pageSize, cursor, options),
  }),
});
