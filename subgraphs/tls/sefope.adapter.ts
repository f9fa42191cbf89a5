import type { AdapterFactory } from '../../schema/kit/adapter.js';
import { lookup, permitRecord, type PermitRecord } from '../../schema/kit/records.js';
import type { RegistryClient } from '../../schema/kit/registryClient.js';
import type { PermitClass, PermitStatus } from '../../schema/contract/index.js';
import { parseNativeDate } from '../../schema/dates/index.js';
import vocabulary from './sefopeVocabulary.json' with { type: 'json' };
import { ISO_BY_PORTUGUESE_NAME, portugueseNameOf } from './countryNames.js';
import { SEFOPE_NOT_FOUND, SEFOPE_NUMBER, type SefopeRecord } from './sefope.native.js';
import { sefopeProfile } from './profiles.js';
import { DATE_FORMAT, nfc, recordOrNull, resultadosOf } from './nativeApi.js';

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
  const fail = (message: string) => client.error('REGISTRY_PROTOCOL_ERROR', `authorisation ${native.numero}: ${message}`);
  const date = (value: string, field: string) => {
    try {
      return parseNativeDate(value, DATE_FORMAT);
    } catch (error) {
      throw fail(`${field}: ${(error as Error).message}`);
    }
  };
  if (!/^\d{4}$/.test(native.codigoISCO)) throw fail(`codigoISCO: expected an ISCO-08 unit group of 4 digits, got ${JSON.stringify(native.codigoISCO)}`);
  const majorGroup = native.codigoISCO[0];
  const permitClass = lookup(CLASS_BY_MAJOR_GROUP, majorGroup, 'ISCO-08 major group', fail);

  return permitRecord(
    { country: 'TLS', registry: 'sefope', typename: 'TlsWorkPermit' },
    {
      nativeId: native.numero,
      holderName: native.nome,
      holderNationality: lookup(ISO_BY_PORTUGUESE_NAME, nfc(native.nacionalidade), 'nacionalidade', fail),
      holderDocumentNumber: native.passaporte,
      holderDateOfBirth: date(native.dataNascimento, 'dataNascimento'),
      permitClass,
      nativeType: vocabulary.nativeType,
      status: lookup(STATUS, nfc(native.estado), 'estado', fail),
      nativeStatus: native.estado,
      validFrom: date(native.dataInicio, 'dataInicio'),
      validUntil: date(native.dataFim, 'dataFim'),
      employer: { name: native.entidadeEmpregadora, registrationNumber: null },
      occupation: { isco: native.codigoISCO, national: native.codigoISCO, scheme: 'ISCO-08', title: native.funcao },
      sector: native.sector,
      permitClassDerivation: `${permitClass} from ISCO-08 major group ${majorGroup} of the post (${native.codigoISCO}); SEFOPE records carry no permit type.`,
    },
  );
}

export const sefopeAdapter: AdapterFactory<TlsPermitRecord> = (client) => ({
  registry: sefopeProfile.key,
  kind: 'PERMIT',
  batchLimit: sefopeProfile.batchLimit,
  isNativeId: (id) => SEFOPE_NUMBER.test(id),

  async fetchByIds(numbers) {
    if (numbers.length !== 1) throw new Error(`SEFOPE has no batch endpoint: fetchByIds takes exactly one authorisation number, got ${numbers.length}`);
    const [number] = numbers;
    const route = 'GET /sefope/autorizacoes/{numero}';
    const response = await client.request(`/sefope/autorizacoes/${encodeURIComponent(number)}`, { route });
    const native = recordOrNull<SefopeRecord>(client, response, route, SEFOPE_NOT_FOUND);
    if (native === null) return new Map();
    if (native.numero !== number) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} asked for ${number} and answered authorisation ${JSON.stringify(native.numero)}`);
    return new Map([[number, sefopeToContract(native, client)]]);
  },

  async findByHolder(identity) {
    // Searched by passport and the Portuguese country name; a nationality the specification gives
    // no name for cannot be asked, and no record naming one could be read, so none is found.
    const nacionalidade = portugueseNameOf(identity.nationality);
    if (nacionalidade === undefined) return [];
    const route = 'GET /sefope/autorizacoes?passaporte';
    const response = await client.request('/sefope/autorizacoes', { route, query: { passaporte: identity.documentNumber, nacionalidade } });
    return resultadosOf<SefopeRecord>(client, response, route).map((native) => sefopeToContract(native, client));
  },
});
