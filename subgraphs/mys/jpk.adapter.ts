// JPK skills certificates, over XML (subgraphs/mys/README.md). Contract: there is no batch endpoint,
// so the kit gives `fetchByIds` one certificate number per call; a 404 must be
// `<Ralat><Kod>TIADA</Kod>…` and anything else that is not a `<Sijil>` is a protocol error.
// Certificates do not expire (`validUntil` is null), and Tahap must belong to the JenisSijil written
// beside it (SKM 1-3, DKM 4, DLKM 5), or that certificate is unreadable. The search
// (`GET /ws/sijil/carian`, offset-paged, 50 a page) is the bulk interface.
import { defineAdapter } from '../kit/adapter.js';
import { lookup, type CertificationFields, type CountryExtras } from '../kit/records.js';
import type { RegistryClient, RegistryResponse } from '../kit/registryClient.js';
import { nativeReader } from '../kit/nativeRecords.js';
import type { Certification, CertificationStatus } from '../../schema/contract/index.js';
import { formatNativeDate } from '../../schema/dates/index.js';
import vocabulary from './jpkVocabulary.json' with { type: 'json' };
import { MYKAD_NO, type JpkRecord } from './jpk.native.js';
import { jpkProfile } from './profiles.js';
import { occupationFromMasco } from './masco.js';
import { noSijilOf, ralatKod, readXml, sijilOf } from './nativeApi.js';
import type { MysCertification } from './types.js';

const STATUS = vocabulary.status as Record<string, CertificationStatus>;
const CERTIFICATE_BY_LEVEL = vocabulary.certificateByLevel as Record<string, string>;
const ROUTES = vocabulary.routes as Record<string, string>;
const ISSUER = { name: 'Jabatan Pembangunan Kemahiran', registrationNumber: null };

/** What the JPK adapter reads: the shared fields and MysCertification's own, declared once in types.ts. */
export type MysCertificationFields = CertificationFields & CountryExtras<MysCertification, Certification>;

/** A parsed `<Sijil>` element (a JpkRecord once every element is checked to be text). */
export type SijilElement = JpkRecord;

export function readJpk(element: SijilElement, client: Pick<RegistryClient, 'error'>): MysCertificationFields {
  const { fail, date, alpha3 } = nativeReader(client, `certificate ${noSijilOf(element) ?? '(no NoSijil)'}`, 'YYYYMMDD');
  const native = sijilOf(element, fail);
  const text = (value: string) => value.trim();
  if (text(native.NoKP) !== '' && !MYKAD_NO.test(text(native.NoKP))) throw fail(`NoKP: expected a MyKad number of 12 digits or nothing, got ${JSON.stringify(native.NoKP)}`);
  const tahap = text(native.Tahap);
  const certificate = lookup(CERTIFICATE_BY_LEVEL, tahap, 'Tahap', fail);
  if (certificate !== text(native.JenisSijil)) throw fail(`JenisSijil ${JSON.stringify(native.JenisSijil)} does not match Tahap ${tahap}, which is ${certificate}`);
  const occupation = occupationFromMasco(text(native.KodMASCO), native.NamaProgram);
  if (!occupation) throw fail(`KodMASCO: expected a MASCO 2020 code whose first four digits are the ISCO-08 unit group, got ${JSON.stringify(native.KodMASCO)}`);
  const passport = text(native.NoPasport);

  return {
    nativeId: text(native.NoSijil),
    holderName: native.NamaPemegang,
    holderNationality: alpha3(text(native.Warganegara), 'Warganegara'),
    // Citizens who never travelled have a MyKad and no passport; the MyKad is an identity number and stays out of the contract.
    holderDocumentNumber: passport === '' ? null : passport,
    holderDateOfBirth: date(text(native.TarikhLahir), 'TarikhLahir'),
    title: native.NamaProgram,
    qualificationCode: native.KodNOSS,
    nationalLevel: tahap,
    occupation,
    issuer: ISSUER,
    issuedOn: date(text(native.TarikhKeluar), 'TarikhKeluar'),
    validUntil: null,
    status: lookup(STATUS, text(native.Status), 'Status', fail),
    nativeStatus: text(native.Status),
    jenisSijil: certificate,
    tahap: Number(tahap),
    kodNoss: native.KodNOSS,
    pusatBertauliah: native.PusatBertauliah,
    laluan: text(native.Laluan),
    laluanDescription: lookup(ROUTES, text(native.Laluan), 'Laluan', fail),
  };
}

/** A `<SenaraiSijil>` answer's elements and attributes; an empty list is `<SenaraiSijil></SenaraiSijil>` or `<SenaraiSijil/>`. */
function senaraiSijil(client: RegistryClient, response: RegistryResponse, route: string): { elements: SijilElement[]; attributes: Record<string, string> } {
  const document = readXml(client, response, route);
  if (response.status !== 200 || !('SenaraiSijil' in document)) {
    throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status} without <SenaraiSijil>: ${response.text.slice(0, 200)}`, { nativeCode: ralatKod(document) });
  }
  const list = document.SenaraiSijil;
  if (typeof list !== 'object' || list === null) return { elements: [], attributes: {} };
  const attributes = Object.fromEntries(Object.entries(list).filter(([key]) => key.startsWith('@_')).map(([key, value]) => [key.slice(2), String(value)]));
  return { elements: ((list as { Sijil?: SijilElement[] }).Sijil ?? []), attributes };
}

export const jpkAdapter = defineAdapter<SijilElement, MysCertificationFields>({
  profile: jpkProfile,
  idsOf: (element) => {
    const id = noSijilOf(element);
    return id ? [id] : [];
  },
  read: readJpk,
  connect: (client) => ({
    async fetchByIds([noSijil]) {
      const route = 'GET /ws/sijil?noSijil';
      const response = await client.request('/ws/sijil', { route, query: { noSijil }, accept: 'application/xml' });
      const document = readXml(client, response, route);
      if (response.status === 404) {
        if (ralatKod(document) !== 'TIADA') throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 404 without <Ralat><Kod>TIADA</Kod>: ${response.text.slice(0, 200)}`);
        return [];
      }
      if (response.status !== 200 || !('Sijil' in document) || typeof document.Sijil !== 'object' || document.Sijil === null) {
        throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status} without a <Sijil>: ${response.text.slice(0, 200)}`, { nativeCode: ralatKod(document) });
      }
      const answered = noSijilOf(document.Sijil);
      if (answered !== noSijil) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} asked for ${noSijil} and answered certificate ${JSON.stringify(answered ?? null)}`);
      return [document.Sijil as SijilElement];
    },

    async findByHolder(identity) {
      const route = 'GET /ws/sijil/pemegang?noPasport';
      const response = await client.request('/ws/sijil/pemegang', { route, query: { noPasport: identity.documentNumber, warganegara: identity.nationality }, accept: 'application/xml' });
      return senaraiSijil(client, response, route).elements;
    },

    async listPage(cursor, options = {}) {
      const route = 'GET /ws/sijil/carian';
      const mula = cursor === null ? 0 : Number(cursor);
      const bil = jpkProfile.bulk!.pageSize;
      const dariTarikh = options.issuedSince ? formatNativeDate(options.issuedSince, 'YYYYMMDD') : undefined;
      const response = await client.request('/ws/sijil/carian', { route, query: { mula, bil, dariTarikh }, accept: 'application/xml' });
      const { elements, attributes } = senaraiSijil(client, response, route);
      const jumlah = Number(attributes.jumlah);
      const more = Number.isFinite(jumlah) && attributes.jumlah !== undefined ? mula + bil < jumlah : elements.length === bil;
      return { records: elements, next: more ? String(mula + bil) : null };
    },
  }),
});
