import { legacyBatchLimit } from '../kit/adapter.js';
import type { AdapterFactory } from '../kit/adapter.js';
import { lookup, permitRecord, type PermitRecord } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import type { PermitClass, PermitStatus } from '../../schema/contract/index.js';
import { nativeReader } from '../kit/nativeRecords.js';
import vocabulary from './sefopeVocabulary.json' with { type: 'json' };
import { SEFOPE_API, SEFOPE_NUMBER, type SefopeRecord } from './sefope.native.js';
import { sefopeProfile } from './profiles.js';
import { DATE_FORMAT, nfc } from './nativeApi.js';
import { fetchByNumber, findByPassport, nationalityOf, occupationOf } from './registryCalls.js';

/**
 * SEFOPE work authorisations. Contract: there is no batch endpoint, so `fetchByIds` takes exactly
 * one number, percent-encoded in the path (numbers contain slashes); a 404 must carry
 * `{"erro":"Autorização não encontrada"}`. The record has no permit type, so the shared class comes
 * from the post's ISCO-08 major group (see sefopeVocabulary.json).
 */
const STATUS = vocabulary.status as Record<string, PermitStatus>;
const CLASS_BY_MAJOR_GROUP = vocabulary.permitClassByIscoMajorGroup as Record<string, PermitClass>;

export type TlsPermitRecord = PermitRecord & { permitClassDerivation: string };

export function sefopeToContract(native: SefopeRecord, client: Pick<RegistryClient, 'error'>): TlsPermitRecord {
  const { fail, date } = nativeReader(client, `authorisation ${native.numero}`, DATE_FORMAT);
  const occupation = occupationOf(native.codigoISCO, native.funcao, fail);
  const majorGroup = native.codigoISCO[0];
  const permitClass = lookup(CLASS_BY_MAJOR_GROUP, majorGroup, 'ISCO-08 major group', fail);

  return permitRecord(
    { country: 'TLS', registry: 'sefope', typename: 'TlsWorkPermit' },
    {
      nativeId: native.numero,
      holderName: native.nome,
      holderNationality: nationalityOf(native.nacionalidade, fail),
      holderDocumentNumber: native.passaporte,
      holderDateOfBirth: date(native.dataNascimento, 'dataNascimento'),
      permitClass,
      nativeType: vocabulary.nativeType,
      status: lookup(STATUS, nfc(native.estado), 'estado', fail),
      nativeStatus: native.estado,
      validFrom: date(native.dataInicio, 'dataInicio'),
      validUntil: date(native.dataFim, 'dataFim'),
      employer: { name: native.entidadeEmpregadora, registrationNumber: null },
      occupation,
      sector: native.sector,
      permitClassDerivation: `${permitClass} from ISCO-08 major group ${majorGroup} of the post (${native.codigoISCO}); SEFOPE records carry no permit type.`,
    },
  );
}

export const sefopeAdapter: AdapterFactory<TlsPermitRecord> = (client) => ({
  registry: sefopeProfile.key,
  kind: 'PERMIT',
  batchLimit: legacyBatchLimit(sefopeProfile),
  isNativeId: (id) => SEFOPE_NUMBER.test(id),

  fetchByIds: (numbers) => fetchByNumber(client, SEFOPE_API, numbers, sefopeToContract),
  findByHolder: (identity) => findByPassport(client, SEFOPE_API, identity, sefopeToContract),
});
