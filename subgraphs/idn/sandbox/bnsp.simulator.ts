// The BNSP API of subgraphs/idn/README.md, over the synthetic population.
import { idsPerCall } from '../../kit/adapter.js';
import type { SimulatorDefinition, NativeResponse } from '../../../sandbox/simulator/simulator.js';
import { filterBy, intParam, withinDates } from '../../../sandbox/simulator/paging.js';
import { holdingsIn, recordRandom, SIMULATION_TODAY, type CertHolding, type Person } from '../../../sandbox/population/population.js';
import { normalizeDocumentNumber } from '../../../schema/ids/index.js';
import { addDays, addMonths, formatNativeDate, parseNativeDate } from '../../../schema/dates/index.js';
import { BNSP_NUMBER, type BnspRecord } from '../bnsp.native.js';
import { bnspProfile } from '../profiles.js';
import { sampleNatives, sequence } from '../../../sandbox/testing/nativeArbitraries.js';
import { bnspGenerator } from './bnsp.arbitrary.js';

const LSP = [
  { kode: 'LSP-P1-0421', nama: 'LSP Logam Mesin Indonesia' },
  { kode: 'LSP-P2-0113', nama: 'LSP Konstruksi Nusantara' },
  { kode: 'LSP-P3-0877', nama: 'LSP Pariwisata Indonesia' },
  { kode: 'LSP-P1-0219', nama: 'LSP Kelistrikan Nasional' },
];
const TUK = ['TUK Sewaktu PT Baja Nusantara', 'TUK Tempat Kerja PT Astra Otoparts', 'TUK Mandiri BLK Bandung', 'TUK Sewaktu Politeknik Negeri Jakarta'];
const STATUS: Record<string, BnspRecord['status']> = { VALID: 'AKTIF', EXPIRED: 'KEDALUWARSA', SUSPENDED: 'DIBEKUKAN', REVOKED: 'DICABUT' };
const notFound: NativeResponse = { status: 404, json: { pesan: 'Sertifikat tidak ditemukan' } };
const dmy = (iso: string) => formatNativeDate(iso, 'DD-MM-YYYY');

/** One certificate of the synthetic population, as BNSP writes it. */
function bnspRecord(person: Person, holding: CertHolding): BnspRecord {
  const r = recordRandom('bnsp', holding.seq);
  const jenis = r.weighted([['KKNI', 0.7], ['OKUPASI', 0.2], ['KLASTER', 0.1]] as const);
  const jenjang = jenis === 'KKNI' ? holding.level : null;
  const year = holding.issuedOn.slice(0, 4);
  const lsp = r.pick(LSP);
  const until = addDays(addMonths(holding.issuedOn, 12 * (r.chance(0.2) ? 5 : 3)), 0);
  // A certificate past its date is KEDALUWARSA whatever else it was.
  const status = holding.status === 'VALID' && until < SIMULATION_TODAY ? 'KEDALUWARSA' : STATUS[holding.status];
  const citizen = person.nationality === 'IDN';
  return {
    nomor_sertifikat: `${holding.occupation.isco}${r.int(1, 9)}.${lsp.kode.slice(-4)}.${jenjang ?? 0}.${String(holding.seq).padStart(7, '0')}.${year}`,
    nomor_registrasi: `${r.letters(3)}.000.${String(holding.seq).padStart(6, '0')}.${year}`,
    nama_lengkap: person.fullName,
    nik: citizen ? `3${recordRandom('nik', person.pid).digits(5)}${person.dateOfBirth.slice(8, 10)}${person.dateOfBirth.slice(5, 7)}${person.dateOfBirth.slice(2, 4)}${recordRandom('nik4', person.pid).digits(4)}` : null,
    nomor_paspor: person.passportNo,
    kewarganegaraan: citizen ? 'WNI' : 'WNA',
    ...(citizen ? {} : { negara_asal: person.nationality }),
    tanggal_lahir: dmy(person.dateOfBirth),
    skema: { kode: `SKM.${holding.occupation.isco}.${String(holding.level).padStart(2, '0')}`, nama: holding.occupation.id, jenis },
    jenjang_kkni: jenjang,
    kode_kbji: holding.occupation.isco,
    lsp,
    tuk: r.pick(TUK),
    rekomendasi: 'K',
    tanggal_terbit: dmy(holding.issuedOn),
    berlaku_sampai: dmy(until),
    status,
  } satisfies BnspRecord;
}

export const bnspSimulator: SimulatorDefinition<BnspRecord> = {
  country: 'IDN',
  profile: bnspProfile,
  behaviour: { latencyMs: [40, 120], faultRate: 0.01 },
  idOf: (record) => record.nomor_sertifikat,
  rateLimited: { status: 429, json: { pesan: 'Terlalu banyak permintaan' } },

  records: (population) => [
    ...holdingsIn(population, 'IDN', 'CERT').map(({ person, holding }) => bnspRecord(person, holding)),
    // Beyond the population: a seeded sample of the whole space the specification allows (every status, optional field and number shape).
    ...sampleNatives(bnspGenerator(sequence('9')), 11, 60),
  ],
  atScale: {
    kind: 'CERT',
    recordFor: (person, holding) => (holding.kind === 'CERT' ? bnspRecord(person, holding) : null),
    // The seven-digit part of the number is the record's place in the registry.
    seqOf: (id) => (BNSP_NUMBER.test(id) ? Number(id.split('.')[3]) : null),
  },

  routes: [
    {
      method: 'GET',
      path: '/sertifikat/cari',
      handle({ query }, store) {
        const page = intParam(query, 'halaman', 1);
        const perPage = intParam(query, 'per_halaman', 50);
        if (!(page >= 1) || !(perPage >= 1 && perPage <= 100)) return { status: 400, json: { pesan: 'Parameter halaman atau per_halaman tidak valid (per_halaman ≤ 100)' } };
        let from: string | null = null;
        let to: string | null = null;
        try {
          from = query.get('terbit_dari') ? parseNativeDate(query.get('terbit_dari')!, 'DD-MM-YYYY') : null;
          to = query.get('terbit_sampai') ? parseNativeDate(query.get('terbit_sampai')!, 'DD-MM-YYYY') : null;
        } catch {
          return { status: 400, json: { pesan: 'Format tanggal harus DD-MM-YYYY' } };
        }
        const unfiltered = ['jenjang_kkni', 'kode_kbji', 'status'].every((name) => !query.get(name)) && from === null && to === null;
        // The whole registry, page by page (the country index's full pass): read only the page asked.
        if (unfiltered) return { status: 200, json: { data: store.slice((page - 1) * perPage, perPage), halaman: page, per_halaman: perPage, total: store.size() } };
        const matching = withinDates(
          filterBy(store.all(), query, { jenjang_kkni: (r) => r.jenjang_kkni ?? '', kode_kbji: (r) => r.kode_kbji, status: (r) => r.status }),
          from,
          to,
          (r) => parseNativeDate(r.tanggal_terbit, 'DD-MM-YYYY'),
        );
        return { status: 200, json: { data: matching.slice((page - 1) * perPage, page * perPage), halaman: page, per_halaman: perPage, total: matching.length } };
      },
    },
    {
      method: 'GET',
      path: '/sertifikat/{nomor_sertifikat}',
      handle: ({ params }, store) => {
        const record = store.get(params.nomor_sertifikat);
        return record ? { status: 200, json: record } : notFound;
      },
    },
    {
      method: 'POST',
      path: '/sertifikat/batch',
      handle({ body }, store) {
        const numbers = (body as { nomor?: unknown })?.nomor;
        if (!Array.isArray(numbers) || numbers.some((n) => typeof n !== 'string')) return { status: 400, json: { pesan: 'Body harus {"nomor":[...]}' } };
        if (numbers.length > idsPerCall(bnspProfile)) return { status: 400, json: { pesan: 'Maksimal 100 nomor' } };
        const data = numbers.map((n) => store.get(n)).filter((r): r is BnspRecord => r !== undefined);
        const missing = numbers.filter((n) => !BNSP_NUMBER.test(n) || store.get(n) === undefined);
        // The specification does not guarantee order; the simulator makes sure clients do not rely on it.
        return { status: 200, json: { data: data.reverse(), tidak_ditemukan: missing } };
      },
    },
    {
      method: 'GET',
      path: '/sertifikat',
      handle({ query }, store) {
        const passport = query.get('nomor_paspor');
        const nik = query.get('nik');
        if (passport) {
          const negara = query.get('negara');
          const wanted = normalizeDocumentNumber(passport);
          const data = store.find('nomor_paspor', wanted, (r) => r.nomor_paspor && normalizeDocumentNumber(r.nomor_paspor)).filter((r) => !negara || (r.kewarganegaraan === 'WNI' ? 'IDN' : r.negara_asal) === negara);
          return { status: 200, json: { data } };
        }
        if (nik) {
          if (!/^\d{16}$/.test(nik)) return { status: 400, json: { pesan: 'NIK harus 16 digit' } };
          return { status: 200, json: { data: store.find('nik', nik, (r) => r.nik) } };
        }
        return { status: 400, json: { pesan: 'Gunakan nomor_paspor dan negara, atau nik' } };
      },
    },
    {
      method: 'GET',
      path: '/perubahan',
      handle({ query }, store) {
        const since = query.get('sejak');
        if (!since || Number.isNaN(Date.parse(since))) return { status: 400, json: { pesan: 'Parameter sejak harus ISO-8601' } };
        return { status: 200, json: { data: store.changedSince(new Date(since).toISOString()).map((c) => ({ nomor_sertifikat: c.id, diubah_pada: c.at })) } };
      },
    },
  ],
};
