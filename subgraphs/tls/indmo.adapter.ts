// INDMO certificates (subgraphs/tls/README.md). No batch endpoint: the kit gives `fetchByIds` one
// certificate number per call; a 404 must carry `{"erro":"Certificado não encontrado"}`.
// Certificates do not expire (`validUntil` is null); statuses, levels and Portuguese country names
// are compared in NFC, and a status or level the specification does not list makes that record
// unreadable, never a guess. `GET /indmo/certificados/pesquisa` pages the whole registry.
import { defineAdapter } from '../kit/adapter.js';
import { collectionCalls, numberedPage } from '../kit/collectionRegistry.js';
import { lookup, type CertificationFields, type CountryExtras } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { nativeReader } from '../kit/nativeRecords.js';
import type { Certification, CertificationStatus } from '../../schema/contract/index.js';
import vocabulary from './indmoVocabulary.json' with { type: 'json' };
import { INDMO_API, type IndmoRecord } from './indmo.native.js';
import { indmoProfile } from './profiles.js';
import { DATE_FORMAT, nationalityOf, nfc, pesquisa } from './registryApi.js';
import type { TlsCertification } from './types.js';

const STATUS = vocabulary.status as Record<string, CertificationStatus>;
const LEVELS = vocabulary.levels as Record<string, number>;
const ISSUER = { name: 'Instituto Nacional de Desenvolvimento de Mão-de-Obra (INDMO)', registrationNumber: null };
const SEARCH = pesquisa(INDMO_API.collection);

/** What the INDMO adapter reads: the shared fields and TlsCertification's own, declared once in types.ts. */
export type TlsCertificationFields = CertificationFields & CountryExtras<TlsCertification, Certification>;

export function readIndmo(native: IndmoRecord, client: Pick<RegistryClient, 'error'>): TlsCertificationFields {
  const { fail, date, iscoCode } = nativeReader(client, `certificate ${native.numeroCertificado}`, DATE_FORMAT);
  const nivel = nfc(native.nivel);

  return {
    nativeId: native.numeroCertificado,
    holderName: native.nomeCompleto,
    holderNationality: nationalityOf(native.nacionalidade, fail),
    holderDocumentNumber: native.passaporte ?? null,
    holderDateOfBirth: date(native.dataNascimento, 'dataNascimento'),
    title: native.qualificacao,
    qualificationCode: null,
    nationalLevel: nivel,
    occupation: iscoCode(native.codigoISCO, native.qualificacao, 'codigoISCO'),
    issuer: ISSUER,
    issuedOn: date(native.dataEmissao, 'dataEmissao'),
    validUntil: null,
    status: lookup(STATUS, nfc(native.estado), 'estado', fail),
    nativeStatus: native.estado,
    certificateLevel: lookup(LEVELS, nivel, 'nivel', fail),
    area: native.area,
    trainingCentre: native.centroFormacao,
  };
}

export const indmoAdapter = defineAdapter<IndmoRecord, TlsCertificationFields>({
  profile: indmoProfile,
  idsOf: (native) => [native.numeroCertificado],
  read: readIndmo,
  connect: (client) => ({
    ...collectionCalls<IndmoRecord>(client, INDMO_API),
    listPage: (cursor, options) => numberedPage<IndmoRecord>(client, SEARCH, cursor, options),
  }),
});
