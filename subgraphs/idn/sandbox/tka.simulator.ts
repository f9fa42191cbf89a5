// The TKA Online API of subgraphs/idn/README.md, over the synthetic population.
import { idsPerCall } from '../../kit/adapter.js';
import type { SimulatorDefinition } from '../../../sandbox/simulator/simulator.js';
import { filterBy, intParam, withinDates } from '../../../sandbox/simulator/paging.js';
import { holdingsIn, recordRandom, type PermitHolding, type Person } from '../../../sandbox/population/population.js';
import { normalizeDocumentNumber } from '../../../schema/ids/index.js';
import { isIsoDate } from '../../../schema/dates/index.js';
import { indonesianNameFromIso } from '../countryNames.js';
import type { TkaRecord } from '../tka.native.js';
import { tkaProfile } from '../profiles.js';
import { sampleNatives, sequence } from '../../../sandbox/testing/nativeArbitraries.js';
import { tkaGenerator } from './tka.arbitrary.js';

const EMPLOYERS = [
  { nama: 'PT Sulawesi Nikel Makmur', kbli: '24202', lokasi: 'Sulawesi Tengah' },
  { nama: 'PT Morowali Smelter Raya', kbli: '24202', lokasi: 'Sulawesi Tengah' },
  { nama: 'PT Karawang Otomotif Indonesia', kbli: '29100', lokasi: 'Jawa Barat' },
  { nama: 'PT Batam Elektronika Presisi', kbli: '26120', lokasi: 'Kepulauan Riau' },
  { nama: 'PT Jakarta Digital Solusi', kbli: '62019', lokasi: 'DKI Jakarta' },
  { nama: 'PT Kalimantan Energi Baru', kbli: '35101', lokasi: 'Kalimantan Timur' },
];
const COUNTERPARTS = ['Andi Saputra', 'Dewi Lestari', 'Budi Santoso', 'Rina Wijaya', 'Agus Pratama'];
const STATUS: Record<string, TkaRecord['status']> = { PENDING: 'DIAJUKAN', ACTIVE: 'DISAHKAN', EXPIRED: 'BERAKHIR', CANCELLED: 'DIBATALKAN', REVOKED: 'DIBATALKAN' };

/** One permit of the synthetic population, as TKA Online writes it; null for a holder TKA could not record (no passport, no Indonesian country name). */
function tkaRecord(person: Person, holding: PermitHolding): TkaRecord | null {
  if (person.passportNo === null || indonesianNameFromIso(person.nationality) === undefined) return null;
  const r = recordRandom('tka', holding.seq);
  const employer = EMPLOYERS[holding.employer % EMPLOYERS.length];
  const extended = holding.status === 'ACTIVE' && r.chance(0.2);
  return {
    // Seven apart from 10000: five digits in the small population, more at scale.
    nomor_pengesahan: `KEP.${10000 + holding.seq * 7}/PPTKA/PTK/${holding.validFrom.slice(0, 4)}`,
    nama_tka: person.fullName.toUpperCase(),
    paspor: person.passportNo,
    kewarganegaraan: indonesianNameFromIso(person.nationality)!,
    tanggal_lahir: person.dateOfBirth,
    jabatan: holding.occupation.id,
    kode_kbji: holding.occupation.isco,
    pemberi_kerja: { nama: employer.nama, npwp: `0${holding.employer % 10}.${r.digits(3)}.${r.digits(3)}.${r.digits(1)}-${r.digits(3)}.000`, kbli: employer.kbli },
    lokasi_kerja: employer.lokasi,
    pendamping: r.chance(0.9) ? r.pick(COUNTERPARTS) : null,
    tanggal_mulai: holding.validFrom,
    tanggal_berakhir: holding.validUntil,
    status: extended ? 'DIPERPANJANG' : STATUS[holding.status],
  };
}

export const tkaSimulator: SimulatorDefinition<TkaRecord> = {
  country: 'IDN',
  profile: tkaProfile,
  behaviour: { latencyMs: [60, 200], faultRate: 0.01 },
  idOf: (record) => record.nomor_pengesahan,
  rateLimited: { status: 429, json: { kode: 'BATAS_PERMINTAAN' } },

  records: (population) => [
    ...holdingsIn(population, 'IDN', 'PERMIT').flatMap(({ person, holding }) => tkaRecord(person, holding) ?? []),
    // Beyond the population: a seeded sample of the whole space the specification allows (every status, optional field and number shape).
    ...sampleNatives(tkaGenerator(sequence('9')), 12, 60),
  ],
  atScale: {
    kind: 'PERMIT',
    recordFor: (person, holding) => (holding.kind === 'PERMIT' ? tkaRecord(person, holding) : null),
    seqOf: (id) => {
      const n = Number(/^KEP\.(\d+)\/PPTKA\/PTK\/\d{4}$/.exec(id)?.[1] ?? Number.NaN);
      return Number.isInteger(n) && n > 10000 && (n - 10000) % 7 === 0 ? (n - 10000) / 7 : null;
    },
  },

  routes: [
    {
      method: 'POST',
      path: '/v1/pengesahan/batch',
      handle({ body }, store) {
        const numbers = (body as { nomor_pengesahan?: unknown })?.nomor_pengesahan;
        if (!Array.isArray(numbers)) return { status: 400, json: { kode: 'PERMINTAAN_TIDAK_VALID' } };
        if (numbers.length > idsPerCall(tkaProfile)) return { status: 400, json: { kode: 'MAKSIMAL_50' } };
        return { status: 200, json: { hasil: numbers.map((n) => store.get(String(n))).filter(Boolean) } };
      },
    },
    {
      method: 'GET',
      path: '/v1/pengesahan/{nomor_pengesahan}',
      handle: ({ params }, store) => {
        const record = store.get(params.nomor_pengesahan);
        return record ? { status: 200, json: record } : { status: 404, json: { kode: 'TIDAK_DITEMUKAN' } };
      },
    },
    {
      method: 'GET',
      path: '/v1/tka',
      handle({ query }, store) {
        const passport = query.get('paspor');
        if (!passport) return { status: 400, json: { kode: 'PARAMETER_PASPOR_WAJIB' } };
        const wanted = normalizeDocumentNumber(passport);
        const name = query.get('kewarganegaraan');
        return { status: 200, json: { hasil: store.find('paspor', wanted, (r) => normalizeDocumentNumber(r.paspor)).filter((r) => !name || r.kewarganegaraan === name) } };
      },
    },
    {
      method: 'GET',
      path: '/v1/pengesahan',
      handle({ query }, store) {
        const offset = intParam(query, 'offset', 0);
        const limit = intParam(query, 'limit', 100);
        if (!(offset >= 0) || !(limit >= 1 && limit <= 200)) return { status: 400, json: { kode: 'LIMIT_MAKSIMAL_200' } };
        const from = query.get('mulai_dari');
        const to = query.get('mulai_sampai');
        if ((from && !isIsoDate(from)) || (to && !isIsoDate(to))) return { status: 400, json: { kode: 'FORMAT_TANGGAL' } };
        // The whole registry, page by page (the country index's full pass): read only the page asked.
        if (['status', 'kbli', 'negara'].every((name) => !query.get(name)) && !from && !to) return { status: 200, json: { hasil: store.slice(offset, limit), offset, limit, jumlah: store.size() } };
        const matching = withinDates(
          filterBy(store.all(), query, { status: (r) => r.status, kbli: (r) => r.pemberi_kerja.kbli, negara: (r) => r.kewarganegaraan }),
          from,
          to,
          (r) => r.tanggal_mulai,
        );
        return { status: 200, json: { hasil: matching.slice(offset, offset + limit), offset, limit, jumlah: matching.length } };
      },
    },
    {
      method: 'GET',
      path: '/v1/perubahan',
      handle({ query }, store) {
        const since = query.get('sejak');
        if (!since || Number.isNaN(Date.parse(since))) return { status: 400, json: { kode: 'PARAMETER_SEJAK' } };
        return { status: 200, json: { hasil: store.changedSince(new Date(since).toISOString()).map((c) => ({ nomor_pengesahan: c.id, waktu: c.at })) } };
      },
    },
  ],
};
