import { legacyBatchLimit } from '../kit/adapter.js';
import type { AdapterFactory } from '../kit/adapter.js';
import { certificationRecord, lookup, type CertificationRecord } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import type { CertificationStatus } from '../../schema/contract/index.js';
import { nativeReader } from '../kit/nativeRecords.js';
import vocabulary from './indmoVocabulary.json' with { type: 'json' };
import { INDMO_API, INDMO_CERTIFICATE_NO, type IndmoRecord } from './indmo.native.js';
import { indmoProfile } from './profiles.js';
import { DATE_FORMAT, nfc } from './nativeApi.js';
import { fetchByNumber, findByPassport, nationalityOf, occupationOf } from './registryCalls.js';

/**
 * INDMO certificates. Contract: there is no batch endpoint, so `fetchByIds` takes exactly one
 * certificate number; a 404 must carry `{"erro":"Certificado não encontrado"}`. Certificates do not
 * expire (`validUntil` is null); statuses, levels and Portuguese country names are compared in NFC
 * and anything the specification does not list is a protocol error, never a guess.
 */
const STATUS = vocabulary.status as Record<string, CertificationStatus>;
const LEVELS = vocabulary.levels as Record<string, number>;
const ISSUER = { name: 'Instituto Nacional de Desenvolvimento de Mão-de-Obra (INDMO)', registrationNumber: null };

export type TlsCertificationRecord = CertificationRecord & {
  certificateLevel: number;
  area: string;
  trainingCentre: string;
};

export function indmoToContract(native: IndmoRecord, client: Pick<RegistryClient, 'error'>): TlsCertificationRecord {
  const { fail, date } = nativeReader(client, `certificate ${native.numeroCertificado}`, DATE_FORMAT);
  const occupation = occupationOf(native.codigoISCO, native.qualificacao, fail);
  const nivel = nfc(native.nivel);

  return certificationRecord(
    { country: 'TLS', registry: 'indmo', typename: 'TlsCertification' },
    {
      nativeId: native.numeroCertificado,
      holderName: native.nomeCompleto,
      holderNationality: nationalityOf(native.nacionalidade, fail),
      holderDocumentNumber: native.passaporte,
      holderDateOfBirth: date(native.dataNascimento, 'dataNascimento'),
      title: native.qualificacao,
      qualificationCode: null,
      nationalLevel: nivel,
      occupation,
      issuer: ISSUER,
      issuedOn: date(native.dataEmissao, 'dataEmissao'),
      validUntil: null,
      status: lookup(STATUS, nfc(native.estado), 'estado', fail),
      nativeStatus: native.estado,
      certificateLevel: lookup(LEVELS, nivel, 'nivel', fail),
      area: native.area,
      trainingCentre: native.centroFormacao,
    },
  );
}

export const indmoAdapter: AdapterFactory<TlsCertificationRecord> = (client) => ({
  registry: indmoProfile.key,
  kind: 'CERT',
  batchLimit: legacyBatchLimit(indmoProfile),
  isNativeId: (id) => INDMO_CERTIFICATE_NO.test(id),

  fetchByIds: (numbers) => fetchByNumber(client, INDMO_API, numbers, indmoToContract),
  findByHolder: (identity) => findByPassport(client, INDMO_API, identity, indmoToContract),
});
