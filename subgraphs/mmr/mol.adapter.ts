// Ministry of Labour foreign-employment permits (subgraphs/mmr/README.md). Contract: there is no
// batch endpoint, so the kit gives `fetchByIds` exactly one permit number and paces the calls; 404
// must carry `{"status":"NOT_FOUND"}`. The record has no permit type: `channel` names the approving
// authority, so the shared class comes from the post's ISCO-08 major group (molVocabulary.json).
// The page-numbered search is the bulk interface.
import { defineAdapter } from '../kit/adapter.js';
import { lookup, type CountryExtras, type PermitFields } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { fetchOneNative, listIn, nativeReader, type OneRecordRoute } from '../kit/nativeRecords.js';
import { nextPageNumber, pageNumberOf } from '../kit/bulkPaging.js';
import { iscoCodedOccupation } from '../kit/occupations.js';
import type { PermitClass, PermitStatus, WorkPermit } from '../../schema/contract/index.js';
import vocabulary from './molVocabulary.json' with { type: 'json' };
import type { MolRecord } from './mol.native.js';
import { molProfile } from './profiles.js';
import type { MmrWorkPermit } from './types.js';

const STATUS = vocabulary.status as Record<string, PermitStatus>;
const CLASS_BY_MAJOR_GROUP = vocabulary.permitClassByIscoMajorGroup as Record<string, PermitClass>;
const MOL_PERMIT: OneRecordRoute<MolRecord> = { route: 'GET /mol/permits/{permitNo}', notFound: { status: 'NOT_FOUND' }, what: 'permit', idOf: (native) => native.permitNo };

/** What the MOL adapter reads: the shared fields and MmrWorkPermit's own, declared once in types.ts. */
export type MmrPermitFields = PermitFields & CountryExtras<MmrWorkPermit, WorkPermit>;

export function readMol(native: MolRecord, client: Pick<RegistryClient, 'error'>): MmrPermitFields {
  const { fail, date, alpha3 } = nativeReader(client, `permit ${native.permitNo}`, 'YYYY-MM-DD');
  const occupation = iscoCodedOccupation(native.iscoCode, native.position, fail);
  lookup(vocabulary.channels, native.channel, 'channel', fail);
  const majorGroup = native.iscoCode[0];
  const permitClass = lookup(CLASS_BY_MAJOR_GROUP, majorGroup, 'ISCO-08 major group', fail);
  return {
    nativeId: native.permitNo,
    holderName: native.name,
    holderNationality: alpha3(native.nationality, 'nationality'),
    holderDocumentNumber: native.passportNo,
    holderDateOfBirth: date(native.dateOfBirth, 'dateOfBirth'),
    permitClass,
    nativeType: native.channel,
    status: lookup(STATUS, native.status, 'status', fail),
    nativeStatus: native.status,
    validFrom: date(native.issueDate, 'issueDate'),
    validUntil: date(native.expiryDate, 'expiryDate'),
    employer: { name: native.employer, registrationNumber: null },
    occupation,
    sector: null,
    channel: native.channel,
    permitClassDerivation: `${permitClass} from ISCO-08 major group ${majorGroup} of the position (${native.iscoCode}); the ${native.channel} channel names the approving authority, not the kind of work.`,
  };
}

export const molAdapter = defineAdapter<MolRecord, MmrPermitFields>({
  profile: molProfile,
  idsOf: (native) => [native.permitNo],
  read: readMol,
  connect: (client) => ({
    fetchByIds: (numbers) => fetchOneNative(client, numbers[0], MOL_PERMIT),

    async findByHolder(identity) {
      const route = 'GET /mol/permits?passportNo';
      const response = await client.request('/mol/permits', { route, query: { passportNo: identity.documentNumber, nationality: identity.nationality } });
      return listIn<MolRecord>(client, response, route, 'records');
    },

    async listPage(cursor, options = {}) {
      const route = molProfile.bulk!.route;
      const page = pageNumberOf(cursor, 1);
      const size = molProfile.bulk!.pageSize;
      const response = await client.request('/mol/permits/search', { route, query: { page, size, from: options.issuedSince } });
      const records = listIn<MolRecord>(client, response, route, 'records');
      return { records, next: nextPageNumber(page, 1, records.length, size, client.json<{ total?: unknown }>(response, route).total) };
    },
  }),
});
