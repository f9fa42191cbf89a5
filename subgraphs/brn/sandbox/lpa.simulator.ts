// The Department of Labour licence API of subgraphs/brn/README.md, over the synthetic population.
import { idsPerCall } from '../../kit/adapter.js';
import { atScale, recordByIdRoute, trailingSeq, type SimulatorDefinition } from '../../../sandbox/simulator/simulator.js';
import { filterBy } from '../../../sandbox/simulator/paging.js';
import { holdingsIn, recordRandom, SIMULATION_TODAY, type Person, type PermitHolding, type Population } from '../../../sandbox/population/population.js';
import { normalizeDocumentNumber } from '../../../schema/ids/index.js';
import { addDays } from '../../../schema/dates/index.js';
import { badRequest, kelompokRoute, notFound, searchPage, tooMany } from './nativeBodies.js';
import { identityCardOf } from './identityCard.js';
import { permitIdOf, type LpaLicence, type LpaStatus, type LpaWorkerLine } from '../lpa.native.js';
import { lpaProfile } from '../profiles.js';
import { sampleNatives, sequence } from '../../../sandbox/testing/nativeArbitraries.js';
import { lpaGenerator } from './lpa.arbitrary.js';

// The licence's sector, from the population's sector of the post; illustrative Malay sector words in the style of the spec's PEMBINAAN.
const SECTORS: Record<string, string> = {
  CONSTRUCTION: 'PEMBINAAN',
  MANUFACTURING: 'PEMBUATAN',
  SERVICES: 'PERKHIDMATAN',
  HOSPITALITY: 'HOSPITALITI',
  PLANTATION: 'PERTANIAN',
  DOMESTIC: 'DOMESTIK',
  MINING: 'PERLOMBONGAN',
  ENERGY: 'MINYAK DAN GAS',
};
// Fictional employers, two per sector, so that a licence's workers share the employer's trade.
const EMPLOYERS: Record<string, Array<LpaLicence['majikan']>> = {
  PEMBINAAN: [{ nama: 'Syarikat Binaan Maju Sdn Bhd', noPendaftaran: 'RC/00012345' }, { nama: 'Kontraktor Seri Mentiri Sdn Bhd', noPendaftaran: 'RC/00023871' }],
  PEMBUATAN: [{ nama: 'Kilang Perabot Muara Sdn Bhd', noPendaftaran: 'RC/00031406' }, { nama: 'Syarikat Keluli Sungai Liang Sdn Bhd', noPendaftaran: 'RC/00040117' }],
  PERKHIDMATAN: [{ nama: 'Perkhidmatan Teknikal Gadong Sdn Bhd', noPendaftaran: 'RC/00052290' }, { nama: 'Syarikat Digital Kiulap Sdn Bhd', noPendaftaran: 'RC/00063518' }],
  HOSPITALITI: [{ nama: 'Hotel Seri Begawan Sdn Bhd', noPendaftaran: 'RC/00071942' }, { nama: 'Restoran Kampong Ayer Sdn Bhd', noPendaftaran: 'RC/00080655' }],
  PERTANIAN: [{ nama: 'Ladang Temburong Agro Sdn Bhd', noPendaftaran: 'RC/00094403' }, { nama: 'Syarikat Pertanian Tutong Sdn Bhd', noPendaftaran: 'RC/00102876' }],
  DOMESTIK: [{ nama: 'Agensi Pembantu Rumah Bahagia Sdn Bhd', noPendaftaran: 'RC/00113024' }, { nama: 'Perkhidmatan Rumah Tangga Mulia Sdn Bhd', noPendaftaran: 'RC/00124761' }],
  PERLOMBONGAN: [{ nama: 'Syarikat Silika Seria Sdn Bhd', noPendaftaran: 'RC/00135590' }, { nama: 'Lombong Pasir Lumut Sdn Bhd', noPendaftaran: 'RC/00146218' }],
  'MINYAK DAN GAS': [{ nama: 'Belait Petroleum Services Sdn Bhd', noPendaftaran: 'RC/00157733' }, { nama: 'Syarikat Tenaga Lumut Sdn Bhd', noPendaftaran: 'RC/00168094' }],
};
// LPA has no revocation: a permit ended early by anyone is cancelled (DIBATALKAN).
const LINE_STATUS: Record<PermitHolding['status'], LpaStatus> = { PENDING: 'DIPROSES', ACTIVE: 'AKTIF', EXPIRED: 'TAMAT', CANCELLED: 'DIBATALKAN', REVOKED: 'DIBATALKAN' };

type Held = { person: Person; holding: PermitHolding };

/** Where a holding's line goes: the employer's licence for the year the worker started. */
function licenceKey({ holding }: Held): { sektor: string; majikan: LpaLicence['majikan']; year: string } {
  const sektor = SECTORS[holding.occupation.sector];
  const employers = EMPLOYERS[sektor];
  return { sektor, majikan: employers[holding.employer % employers.length], year: holding.validFrom.slice(0, 4) };
}

function lineOf({ person, holding }: Held, baris: number): LpaWorkerLine {
  return {
    baris,
    nama: person.fullName.toUpperCase(),
    noPasport: person.passportNo!,
    warganegara: person.nationality,
    tarikhLahir: person.dateOfBirth,
    jawatan: holding.occupation.ms,
    kodISCO: holding.occupation.isco,
    noICHijau: identityCardOf(person).noIC,
    mula: holding.validFrom,
    tamat: holding.validUntil,
    status: LINE_STATUS[holding.status],
  };
}

/**
 * One licence per employer and starting year, listing its workers in permit order. The licence is
 * issued a few days to a month before its first worker starts and runs to its last line's end, so
 * it is AKTIF while any line can still run, TAMAT after, and DIPROSES while every line is.
 */
export function licencesOf(population: Population, today = SIMULATION_TODAY): LpaLicence[] {
  const groups = new Map<string, { key: ReturnType<typeof licenceKey>; held: Held[] }>();
  for (const held of holdingsIn(population, 'BRN', 'PERMIT').filter(({ person }) => person.passportNo !== null)) {
    const key = licenceKey(held);
    const id = `${key.majikan.noPendaftaran}|${key.year}`;
    const group = groups.get(id) ?? { key, held: [] };
    group.held.push(held);
    groups.set(id, group);
  }
  const licences = [...groups.values()].map(({ key, held }) => {
    const pekerja = held.map((h, i) => lineOf(h, i + 1));
    const firstStart = pekerja.map((l) => l.mula).sort()[0];
    const lastEnd = pekerja.map((l) => l.tamat).sort().at(-1)!;
    const tarikhKeluar = addDays(firstStart, -recordRandom('lpa', held[0].holding.seq).int(5, 30));
    const statusLesen: LpaStatus = pekerja.every((l) => l.status === 'DIPROSES') ? 'DIPROSES' : lastEnd < today ? 'TAMAT' : 'AKTIF';
    return { majikan: key.majikan, sektor: key.sektor, tarikhKeluar, tarikhTamat: lastEnd, statusLesen, pekerja, firstSeq: held[0].holding.seq };
  });
  // Licences are numbered per year of issue, in the order they were issued.
  licences.sort((a, b) => a.tarikhKeluar.localeCompare(b.tarikhKeluar) || a.firstSeq - b.firstSeq);
  const serials = new Map<string, number>();
  return licences.map(({ firstSeq: _firstSeq, ...licence }) => {
    const year = licence.tarikhKeluar.slice(0, 4);
    const serial = (serials.get(year) ?? 0) + 1;
    serials.set(year, serial);
    return { noLesen: `LPA/${year}/${String(serial).padStart(4, '0')}`, ...licence } satisfies LpaLicence;
  });
}

/**
 * At SIM_SCALE a licence is drawn from one holding, so it lists one worker (a small employer's
 * licence): numbered in its year of issue by the holding's place in the registry, so that the
 * number names the licence to draw.
 */
function licenceAtScale(person: Person, holding: PermitHolding, today = SIMULATION_TODAY): LpaLicence | null {
  if (person.passportNo === null) return null;
  const held = { person, holding };
  const { sektor, majikan } = licenceKey(held);
  const line = lineOf(held, 1);
  const tarikhKeluar = addDays(line.mula, -recordRandom('lpa', holding.seq).int(5, 30));
  const statusLesen: LpaStatus = line.status === 'DIPROSES' ? 'DIPROSES' : line.tamat < today ? 'TAMAT' : 'AKTIF';
  return { noLesen: `LPA/${tarikhKeluar.slice(0, 4)}/${String(holding.seq).padStart(4, '0')}`, majikan, sektor, tarikhKeluar, tarikhTamat: line.tamat, statusLesen, pekerja: [line] };
}

export const lpaSimulator: SimulatorDefinition<LpaLicence> = {
  country: 'BRN',
  profile: lpaProfile,
  behaviour: { latencyMs: [50, 150], faultRate: 0.005 },
  idOf: (licence) => licence.noLesen,
  // Each worker line of a licence is a permit of its own.
  recordIdsOf: (licence) => licence.pekerja.map((line) => permitIdOf(licence.noLesen, line.baris)),
  rateLimited: tooMany,
  records: (population) => [
    ...licencesOf(population),
    // Beyond the population: a seeded sample of the whole space the specification allows (every status pair, line numbering and number shape).
    ...sampleNatives(lpaGenerator(sequence('9')), 42, 40),
  ],
  atScale: atScale('PERMIT', licenceAtScale, trailingSeq()),

  routes: [
    {
      method: 'GET',
      path: '/lpa/api/lesen/carian',
      handle: ({ query }, store) => searchPage(query, filterBy(store.all(), query, { sektor: (l) => l.sektor, status: (l) => l.statusLesen }), 'lesen', (l) => l.tarikhKeluar),
    },
    kelompokRoute('/lpa/api/lesen/kelompok', { bodyKey: 'noLesen', listKey: 'lesen', limit: idsPerCall(lpaProfile), noun: 'lesen' }),
    // Licence numbers hold slashes, so they travel percent-encoded in the path (`LPA%2F2025%2F0456`).
    recordByIdRoute('/lpa/api/lesen/{noLesen}', notFound),
    {
      method: 'GET',
      path: '/lpa/api/pekerja',
      handle({ query }, store) {
        const passport = query.get('noPasport');
        const nationality = query.get('warganegara');
        if (!passport || !nationality) return badRequest('berikan noPasport dan warganegara (ISO alpha-3)');
        const wanted = normalizeDocumentNumber(passport);
        const lists = (l: LpaLicence) => l.pekerja.some((w) => normalizeDocumentNumber(w.noPasport) === wanted && w.warganegara === nationality.toUpperCase());
        return { status: 200, json: { lesen: store.find('noPasport', wanted, (l) => l.pekerja.map((w) => normalizeDocumentNumber(w.noPasport))).filter(lists) } };
      },
    },
  ],
};
