import { legacyBatchLimit } from '../kit/adapter.js';
import type { AdapterFactory } from '../kit/adapter.js';
import { lookup, permitRecord, type PermitRecord } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import type { PermitClass, PermitStatus } from '../../schema/contract/index.js';
import { fetchOnlyRecord, nativeReader, type OneRecordRoute } from '../kit/nativeRecords.js';
import { isAlpha3 } from '../../schema/countries/index.js';
import vocabulary from './molVocabulary.json' with { type: 'json' };
import { MOL_PERMIT_NO, type MolRecord } from './mol.native.js';
import { molProfile } from './profiles.js';
import { recordsOf } from './nativeApi.js';

/**
 * Ministry of Labour foreign-employment permits. Contract: there is no batch endpoint, so
 * `fetchByIds` takes exactly one permit number (the kit paces the single calls); 404 must carry
 * `{"status":"NOT_FOUND"}`. The record has no permit type: `channel` names the approving authority,
 * so the shared class comes from the post's ISCO-08 major group (see molVocabulary.json).
 */
const STATUS = vocabulary.status as Record<string, PermitStatus>;
const CLASS_BY_MAJOR_GROUP = vocabulary.permitClassByIscoMajorGroup as Record<string, PermitClass>;
const MOL_PERMIT: OneRecordRoute<MolRecord> = { route: 'GET /mol/permits/{permitNo}', notFound: { status: 'NOT_FOUND' }, what: 'permit', name: 'MOL', idOf: (native) => native.permitNo };

export type MmrPermitRecord = PermitRecord & { channel: string; permitClassDerivation: string };

export function molToContract(native: MolRecord, client: Pick<RegistryClient, 'error'>): MmrPermitRecord {
  const { fail, date, iscoOccupation } = nativeReader(client, `permit ${native.permitNo}`, 'YYYY-MM-DD');
  if (!isAlpha3(native.nationality)) throw fail(`nationality: expected an ISO 3166-1 alpha-3 code, got ${JSON.stringify(native.nationality)}`);
  const occupation = iscoOccupation(native.iscoCode, native.position);
  lookup(vocabulary.channels, native.channel, 'channel', fail);
  const majorGroup = native.iscoCode[0];
  const permitClass = lookup(CLASS_BY_MAJOR_GROUP, majorGroup, 'ISCO-08 major group', fail);

  return permitRecord(
    { country: 'MMR', registry: 'mol', typename: 'MmrWorkPermit' },
    {
      nativeId: native.permitNo,
      holderName: native.name,
      holderNationality: native.nationality,
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
    },
  );
}

export const molAdapter: AdapterFactory<MmrPermitRecord> = (client) => ({
  registry: molProfile.key,
  kind: 'PERMIT',
  batchLimit: legacyBatchLimit(molProfile),
  isNativeId: (id) => MOL_PERMIT_NO.test(id),

  fetchByIds: (numbers) => fetchOnlyRecord(client, numbers, MOL_PERMIT, molToContract),

  async findByHolder(identity) {
    const route = 'GET /mol/permits?passportNo';
    const response = await client.request('/mol/permits', { route, query: { passportNo: identity.documentNumber, nationality: identity.nationality } });
    return recordsOf<MolRecord>(client, response, route).map((native) => molToContract(native, client));
  },
});
