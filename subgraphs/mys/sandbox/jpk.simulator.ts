// The JPK XML service of subgraphs/mys/README.md, over the synthetic population.
import { atScale, trailingSeq, type SimulatorDefinition } from '../../../sandbox/simulator/simulator.js';
import { filterBy, intParam, withinDates } from '../../../sandbox/simulator/paging.js';
import { holdingsIn, recordRandom, type CertHolding, type Person } from '../../../sandbox/population/population.js';
import { normalizeDocumentNumber } from '../../../schema/ids/index.js';
import { formatNativeDate, parseNativeDate } from '../../../schema/dates/index.js';
import vocabulary from '../jpkVocabulary.json' with { type: 'json' };
import { MYKAD_NO, type JpkRecord } from '../jpk.native.js';
import { jpkBadRequest, jpkNotFound, jpkRateLimited, senaraiSijilXml, sijilXml } from './nativeBodies.js';
import { mascoFor } from '../masco.js';
import { jpkProfile } from '../profiles.js';
import { sampleNatives, sequence } from '../../../sandbox/testing/nativeArbitraries.js';
import { jpkGenerator } from './jpk.arbitrary.js';

const CENTRES = [
  'Institut Latihan Perindustrian Johor Bahru',
  'Institut Latihan Perindustrian Kuala Lumpur',
  'Pusat Latihan Teknologi Tinggi (ADTEC) Shah Alam',
  'Institut Kemahiran MARA Kuala Lumpur',
  'Institut Kemahiran Belia Negara Dusun Tua',
  'Pusat Latihan Teknologi Tinggi (ADTEC) Kulim',
];
// Illustrative two-letter state codes in the shape of the spec's `SKM-2023-JA-0012345`, not an official list.
const STATE_CODES = ['JA', 'KL', 'PG', 'SL', 'PK', 'KD', 'MK', 'NS', 'PH', 'TR', 'KT', 'SB', 'SW', 'PL'];
// Illustrative NOSS sector prefixes in the shape of the spec's `MC-051-2:2012`.
const NOSS_PREFIX: Record<string, string> = { MANUFACTURING: 'MC', CONSTRUCTION: 'BC', SERVICES: 'SV', HOSPITALITY: 'HT', PLANTATION: 'AG', MINING: 'MQ', ENERGY: 'EE', DOMESTIC: 'SV' };
const NOSS_YEARS = [2012, 2014, 2016, 2018, 2019, 2021, 2022];
// JPK certificates do not expire, so a holding the population lets lapse is still SAH here.
const NATIVE_STATUS: Record<CertHolding['status'], JpkRecord['Status']> = { VALID: 'SAH', EXPIRED: 'SAH', SUSPENDED: 'GANTUNG', REVOKED: 'BATAL' };
const CERTIFICATE_BY_LEVEL = vocabulary.certificateByLevel as Record<string, string>;
const MAX_PAGE_SIZE = 50;

/** A MyKad number: birth date as YYMMDD, a birthplace code, then four digits whose last is odd for men. */
function myKad(person: Person): string {
  const r = recordRandom('mykad', person.pid);
  const serial = r.digits(3) + String(r.int(0, 4) * 2 + (person.sex === 'M' ? 1 : 0));
  return `${person.dateOfBirth.slice(2).replace(/-/g, '')}${String(r.int(1, 16)).padStart(2, '0')}${serial}`;
}

/** The population's top level (4) splits into DKM 4 and DLKM 5: it has four levels, JPK five. */
function tahapOf(holding: CertHolding): number {
  return holding.level < 4 ? holding.level : recordRandom('dlkm', holding.seq).chance(0.3) ? 5 : 4;
}

/** One certificate of the synthetic population, as JPK writes it. */
function jpkRecord(person: Person, holding: CertHolding): JpkRecord {
  const r = recordRandom('jpk', holding.seq);
  const tahap = tahapOf(holding);
  const jenis = CERTIFICATE_BY_LEVEL[String(tahap)];
  const nossYear = recordRandom('noss', holding.occupation.isco).pick(NOSS_YEARS);
  return {
    NoSijil: `${jenis}-${holding.issuedOn.slice(0, 4)}-${r.pick(STATE_CODES)}-${String(holding.seq).padStart(7, '0')}`,
    NamaPemegang: person.fullName,
    NoKP: person.nationality === 'MYS' ? myKad(person) : '',
    NoPasport: person.passportNo ?? '',
    Warganegara: person.nationality,
    TarikhLahir: formatNativeDate(person.dateOfBirth, 'YYYYMMDD'),
    JenisSijil: jenis,
    Tahap: String(tahap),
    KodNOSS: `${NOSS_PREFIX[holding.occupation.sector] ?? 'MC'}-${holding.occupation.isco.slice(1)}-${tahap}:${nossYear}`,
    NamaProgram: holding.occupation.ms,
    KodMASCO: mascoFor(holding.occupation.isco),
    PusatBertauliah: r.pick(CENTRES),
    Laluan: r.weighted([['PB', 0.6], ['PPT', 0.3], ['SLDN', 0.1]] as const),
    TarikhKeluar: formatNativeDate(holding.issuedOn, 'YYYYMMDD'),
    Status: NATIVE_STATUS[holding.status],
  } satisfies JpkRecord;
}

export const jpkSimulator: SimulatorDefinition<JpkRecord> = {
  country: 'MYS',
  profile: jpkProfile,
  behaviour: { latencyMs: [80, 250], faultRate: 0.02 },
  idOf: (record) => record.NoSijil,
  rateLimited: jpkRateLimited,

  records: (population) => [
    ...holdingsIn(population, 'MYS', 'CERT').map(({ person, holding }) => jpkRecord(person, holding)),
    // Beyond the population: a seeded sample of the whole space the specification allows (every status, optional field and number shape).
    ...sampleNatives(jpkGenerator(sequence('9')), 21, 60),
  ],
  // The seven-digit serial ending the number is the certificate's place in the registry.
  atScale: atScale('CERT', jpkRecord, trailingSeq()),

  routes: [
    {
      method: 'GET',
      path: '/ws/sijil',
      handle({ query }, store) {
        const noSijil = query.get('noSijil');
        if (!noSijil) return jpkBadRequest('noSijil diperlukan');
        const record = store.get(noSijil);
        return record ? { status: 200, xml: sijilXml(record) } : jpkNotFound;
      },
    },
    {
      method: 'GET',
      path: '/ws/sijil/pemegang',
      handle({ query }, store) {
        const passport = query.get('noPasport');
        const nationality = query.get('warganegara');
        const myKadNo = query.get('noKP');
        if (passport && nationality) {
          const wanted = normalizeDocumentNumber(passport);
          return { status: 200, xml: senaraiSijilXml(store.find('noPasport', wanted, (r) => (r.NoPasport === '' ? null : normalizeDocumentNumber(r.NoPasport))).filter((r) => r.Warganegara === nationality.toUpperCase())) };
        }
        if (myKadNo !== null && MYKAD_NO.test(myKadNo)) return { status: 200, xml: senaraiSijilXml(store.find('noKP', myKadNo, (r) => r.NoKP)) };
        return jpkBadRequest('berikan noPasport dan warganegara (ISO3), atau noKP (12 digit)');
      },
    },
    {
      method: 'GET',
      path: '/ws/sijil/carian',
      handle({ query }, store) {
        const mula = intParam(query, 'mula', 0);
        const bil = intParam(query, 'bil', MAX_PAGE_SIZE);
        if (!(mula >= 0) || !(bil >= 1 && bil <= MAX_PAGE_SIZE)) return jpkBadRequest(`mula mesti ≥ 0 dan bil antara 1 dan ${MAX_PAGE_SIZE}`);
        const from = query.get('dariTarikh') || null;
        const to = query.get('hinggaTarikh') || null;
        try {
          for (const bound of [from, to]) if (bound !== null) parseNativeDate(bound, 'YYYYMMDD');
        } catch {
          return jpkBadRequest('dariTarikh dan hinggaTarikh mesti YYYYMMDD');
        }
        // YYYYMMDD text sorts as the dates do, so the bounds compare as text.
        const matching = withinDates(filterBy(store.all(), query, { tahap: (r) => r.Tahap, kodNOSS: (r) => r.KodNOSS, status: (r) => r.Status }), from, to, (r) => r.TarikhKeluar);
        return { status: 200, xml: senaraiSijilXml(matching.slice(mula, mula + bil), { jumlah: matching.length, mula, bil }) };
      },
    },
  ],
};
