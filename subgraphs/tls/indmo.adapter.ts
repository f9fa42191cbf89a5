import type { AdapterFactory } from '../../schema/kit/adapter.js';
import { certificationRecord, lookup, type CertificationRecord } from '../../schema/kit/records.js';
import type { RegistryClient } from '../../schema/kit/registryClient.js';
import type { CertificationStatus } from '../../schema/contract/index.js';
import { parseNativeDate } from '../../schema/dates/index.js';
import vocabulary from './indmoVocabulary.json' with { type: 'json' };
import { ISO_BY_PORTUGUESE_NAME, portugueseNameOf } from './countryNames.js';
import { INDMO_CERTIFICATE_NO, INDMO_NOT_FOUND, type IndmoRecord } from './indmo.native.js';
import { indmoProfile } from './profiles.js';
import { DATE_FORMAT, nfc, recordOrNull, resultadosOf } from './nativeApi.js';

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
  const fail = (message: string) => client.error('REGISTRY_PROTOCOL_ERROR', `certificate ${native.numeroCertificado}: ${message}`);
  const date = (value: string, field: string) => {
    try {
      return parseNativeDate(value, DATE_FORMAT);
    } catch (error) {
      throw fail(`${field}: ${(error as Error).message}`);
    }
  };
  if (!/^\d{4}$/.test(native.codigoISCO)) throw fail(`codigoISCO: expected an ISCO-08 unit group of 4 digits, got ${JSON.stringify(native.codigoISCO)}`);
  const nivel = nfc(native.nivel);

  return certificationRecord(
    { country: 'TLS', registry: 'indmo', typename: 'TlsCertification' },
    {
      nativeId: native.numeroCertificado,
      holderName: native.nomeCompleto,
      holderNationality: lookup(ISO_BY_PORTUGUESE_NAME, nfc(native.nacionalidade), 'nacionalidade', fail),
      holderDocumentNumber: native.passaporte,
      holderDateOfBirth: date(native.dataNascimento, 'dataNascimento'),
      title: native.qualificacao,
      qualificationCode: null,
      nationalLevel: nivel,
      occupation: { isco: native.codigoISCO, national: native.codigoISCO, scheme: 'ISCO-08', title: native.qualificacao },
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
  batchLimit: indmoProfile.batchLimit,
  isNativeId: (id) => INDMO_CERTIFICATE_NO.test(id),

  async fetchByIds(numbers) {
    if (numbers.length !== 1) throw new Error(`INDMO has no batch endpoint: fetchByIds takes exactly one certificate number, got ${numbers.length}`);
    const [number] = numbers;
    const route = 'GET /indmo/certificados/{numeroCertificado}';
    const response = await client.request(`/indmo/certificados/${encodeURIComponent(number)}`, { route });
    const native = recordOrNull<IndmoRecord>(client, response, route, INDMO_NOT_FOUND);
    if (native === null) return new Map();
    if (native.numeroCertificado !== number) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} asked for ${number} and answered certificate ${JSON.stringify(native.numeroCertificado)}`);
    return new Map([[number, indmoToContract(native, client)]]);
  },

  async findByHolder(identity) {
    // INDMO is searched by passport and the Portuguese country name; a nationality the specification
    // gives no name for cannot be asked, and no record naming one could be read, so none is found.
    const nacionalidade = portugueseNameOf(identity.nationality);
    if (nacionalidade === undefined) return [];
    const route = 'GET /indmo/certificados?passaporte';
    const response = await client.request('/indmo/certificados', { route, query: { passaporte: identity.documentNumber, nacionalidade } });
    return resultadosOf<IndmoRecord>(client, response, route).map((native) => indmoToContract(native, client));
  },
});
