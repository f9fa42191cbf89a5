// SEFOPE work authorisations (subgraphs/tls/README.md). No batch endpoint: the kit gives
// `fetchByIds` one number per call, which goes into the path as SEFOPE's documented URLs show it,
// its slashes as path separators; a 404 must carry `{"erro":"Autorização não encontrada"}`. The
// record has no permit type, so the shared class comes from the post's ISCO-08 major group (see
// sefopeVocabulary.json). A pending authorisation may have no dates yet.
// `GET /sefope/autorizacoes/pesquisa` pages the whole registry.
import { defineAdapter } from '../kit/adapter.js';
import { collectionCalls, numberedPage } from '../kit/collectionRegistry.js';
import { lookup, type CountryExtras, type PermitFields } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { nativeReader } from '../kit/nativeRecords.js';
import type { PermitClass, PermitStatus, WorkPermit } from '../../schema/contract/index.js';
import vocabulary from './sefopeVocabulary.json' with { type: 'json' };
import { SEFOPE_API, type SefopeRecord } from './sefope.native.js';
import { sefopeProfile } from './profiles.js';
import { DATE_FORMAT, nationalityOf, nfc, pesquisa } from './registryApi.js';
import type { TlsWorkPermit } from './types.js';

const STATUS = vocabulary.status as Record<string, PermitStatus>;
const CLASS_BY_MAJOR_GROUP = vocabulary.permitClassByIscoMajorGroup as Record<string, PermitClass>;
const SEARCH = pesquisa(SEFOPE_API.collection);

/** What the SEFOPE adapter reads: the shared fields and TlsWorkPermit's own, declared once in types.ts. */
export type TlsPermitFields = PermitFields & CountryExtras<TlsWorkPermit, WorkPermit>;

export function readSefope(native: SefopeRecord, client: Pick<RegistryClient, 'error'>): TlsPermitFields {
  const { fail, date, optionalDate, iscoCode } = nativeReader(client, `authorisation ${native.numero}`, DATE_FORMAT);
  // `codigoISCO` is an ISCO code (the spec), at any level; neither registry has a national classification.
  const occupation = iscoCode(native.codigoISCO, native.funcao, 'codigoISCO');
  const majorGroup = native.codigoISCO[0];
  const permitClass = lookup(CLASS_BY_MAJOR_GROUP, majorGroup, 'ISCO-08 major group', fail);

  return {
    nativeId: native.numero,
    holderName: native.nome,
    holderNationality: nationalityOf(native.nacionalidade, fail),
    holderDocumentNumber: native.passaporte,
    holderDateOfBirth: date(native.dataNascimento, 'dataNascimento'),
    permitClass,
    nativeType: vocabulary.nativeType,
    status: lookup(STATUS, nfc(native.estado), 'estado', fail),
    nativeStatus: native.estado,
    validFrom: optionalDate(native.dataInicio, 'dataInicio'),
    validUntil: optionalDate(native.dataFim, 'dataFim'),
    employer: { name: native.entidadeEmpregadora, registrationNumber: null },
    occupation,
    sector: native.sector ?? null,
    permitClassDerivation: `${permitClass} from ISCO-08 major group ${majorGroup} of the post (${native.codigoISCO}); SEFOPE records carry no permit type.`,
  };
}

export const sefopeAdapter = defineAdapter<SefopeRecord, TlsPermitFields>({
  profile: sefopeProfile,
  idsOf: (native) => [native.numero],
  read: readSefope,
  connect: (client) => ({
    ...collectionCalls<SefopeRecord>(client, SEFOPE_API),
    listPage: (cursor, options) => numberedPage<SefopeRecord>(client, SEARCH, cursor, options),
  }),
});
