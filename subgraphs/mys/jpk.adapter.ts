import { legacyBatchLimit } from '../kit/adapter.js';
import type { AdapterFactory } from '../kit/adapter.js';
import { certificationRecord, lookup, type CertificationRecord } from '../kit/records.js';
import type { RegistryClient, RegistryResponse } from '../kit/registryClient.js';
import type { CertificationStatus } from '../../schema/contract/index.js';
import { nativeReader, theOnlyId } from '../kit/nativeRecords.js';
import { isAlpha3 } from '../../schema/countries/index.js';
import vocabulary from './jpkVocabulary.json' with { type: 'json' };
import { JPK_CERT_NO, MYKAD_NO, type JpkRecord } from './jpk.native.js';
import { jpkProfile } from './profiles.js';
import { occupationFromMasco } from './masco.js';
import { ralatKod, readXml, sijilOf } from './nativeApi.js';

/**
 * JPK skills certificates, over XML. Contract: there is no batch endpoint, so `fetchByIds` takes
 * exactly one certificate number (the kit paces the single calls); a 404 must be
 * `<Ralat><Kod>TIADA</Kod>…` and anything else that is not a `<Sijil>` is a protocol error.
 * Certificates do not expire (`validUntil` is null), and Tahap must belong to the JenisSijil written
 * beside it (SKM 1-3, DKM 4, DLKM 5), or the record is refused.
 */
const STATUS = vocabulary.status as Record<string, CertificationStatus>;
const CERTIFICATE_BY_LEVEL = vocabulary.certificateByLevel as Record<string, string>;
const ROUTES = vocabulary.routes as Record<string, string>;
const ISSUER = { name: 'Jabatan Pembangunan Kemahiran', registrationNumber: null };

export type MysCertificationRecord = CertificationRecord & {
  jenisSijil: string;
  tahap: number;
  kodNoss: string;
  pusatBertauliah: string;
  laluan: string;
  laluanDescription: string;
};

export function jpkToContract(native: JpkRecord, client: Pick<RegistryClient, 'error'>): MysCertificationRecord {
  const { fail, date } = nativeReader(client, `certificate ${native.NoSijil}`, 'YYYYMMDD');
  if (!isAlpha3(native.Warganegara)) throw fail(`Warganegara: expected an ISO 3166-1 alpha-3 code, got ${JSON.stringify(native.Warganegara)}`);
  if (native.NoKP !== '' && !MYKAD_NO.test(native.NoKP)) throw fail(`NoKP: expected a MyKad number of 12 digits or nothing, got ${JSON.stringify(native.NoKP)}`);
  const certificate = lookup(CERTIFICATE_BY_LEVEL, native.Tahap, 'Tahap', fail);
  if (certificate !== native.JenisSijil) throw fail(`JenisSijil ${JSON.stringify(native.JenisSijil)} does not match Tahap ${native.Tahap}, which is ${certificate}`);
  const occupation = occupationFromMasco(native.KodMASCO, native.NamaProgram);
  if (!occupation) throw fail(`KodMASCO: expected a MASCO 2020 code as NNNN-NN, got ${JSON.stringify(native.KodMASCO)}`);

  return certificationRecord(
    { country: 'MYS', registry: 'jpk', typename: 'MysCertification' },
    {
      nativeId: native.NoSijil,
      holderName: native.NamaPemegang,
      holderNationality: native.Warganegara,
      // Citizens who never travelled have a MyKad and no passport; the MyKad is an identity number and stays out of the contract.
      holderDocumentNumber: native.NoPasport === '' ? null : native.NoPasport,
      holderDateOfBirth: date(native.TarikhLahir, 'TarikhLahir'),
      title: native.NamaProgram,
      qualificationCode: native.KodNOSS,
      nationalLevel: native.Tahap,
      occupation,
      issuer: ISSUER,
      issuedOn: date(native.TarikhKeluar, 'TarikhKeluar'),
      validUntil: null,
      status: lookup(STATUS, native.Status, 'Status', fail),
      nativeStatus: native.Status,
      jenisSijil: native.JenisSijil,
      tahap: Number(native.Tahap),
      kodNoss: native.KodNOSS,
      pusatBertauliah: native.PusatBertauliah,
      laluan: native.Laluan,
      laluanDescription: lookup(ROUTES, native.Laluan, 'Laluan', fail),
    },
  );
}

/** A `<SenaraiSijil>` answer; an empty list is `<SenaraiSijil></SenaraiSijil>` or `<SenaraiSijil/>`. */
function senaraiSijil(client: RegistryClient, response: RegistryResponse, route: string): JpkRecord[] {
  const document = readXml(client, response, route);
  if (response.status !== 200 || !('SenaraiSijil' in document)) {
    throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status} without <SenaraiSijil>: ${response.text.slice(0, 200)}`, { nativeCode: ralatKod(document) });
  }
  const list = document.SenaraiSijil;
  if (list === '') return [];
  const elements = (list as { Sijil?: unknown[] }).Sijil ?? [];
  return elements.map((element) => sijilOf(client, element, route));
}

export const jpkAdapter: AdapterFactory<MysCertificationRecord> = (client) => ({
  registry: jpkProfile.key,
  kind: 'CERT',
  batchLimit: legacyBatchLimit(jpkProfile),
  isNativeId: (id) => JPK_CERT_NO.test(id),

  async fetchByIds(numbers) {
    const noSijil = theOnlyId(numbers, 'JPK');
    const route = 'GET /ws/sijil?noSijil';
    const response = await client.request('/ws/sijil', { route, query: { noSijil }, accept: 'application/xml' });
    const document = readXml(client, response, route);
    if (response.status === 404) {
      if (ralatKod(document) !== 'TIADA') throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 404 without <Ralat><Kod>TIADA</Kod>: ${response.text.slice(0, 200)}`);
      return new Map();
    }
    if (response.status !== 200 || !('Sijil' in document)) {
      throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status} without a <Sijil>: ${response.text.slice(0, 200)}`, { nativeCode: ralatKod(document) });
    }
    const native = sijilOf(client, document.Sijil, route);
    if (native.NoSijil !== noSijil) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} asked for ${noSijil} and answered certificate ${JSON.stringify(native.NoSijil)}`);
    return new Map([[noSijil, jpkToContract(native, client)]]);
  },

  async findByHolder(identity) {
    const route = 'GET /ws/sijil/pemegang?noPasport';
    const response = await client.request('/ws/sijil/pemegang', { route, query: { noPasport: identity.documentNumber, warganegara: identity.nationality }, accept: 'application/xml' });
    return senaraiSijil(client, response, route).map((native) => jpkToContract(native, client));
  },
});
