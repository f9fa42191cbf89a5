// The MLSW work-permit extract of subgraphs/lao/README.md, over the synthetic population.
import { createHash } from 'node:crypto';
import { atScale, trailingSeq, type RecordStore, type SimulatorDefinition } from '../../../sandbox/simulator/simulator.js';
import { holdingsIn, recordRandom, SIMULATION_TODAY, type Person, type PermitHolding } from '../../../sandbox/population/population.js';
import { addDays, addMonths } from '../../../schema/dates/index.js';
import { formatCsvRecord } from '../csv.js';
import { MLSW_COLUMNS, MLSW_EXTRACT_PATH, type MlswManifest, type MlswRow, type MlswStatus } from '../mlsw.native.js';
import { mlswProfile } from '../profiles.js';

// Fictional employers with illustrative province codes; commas and quotes in the names exercise the CSV quoting.
const EMPLOYERS = [
  { name: 'Vientiane Rail Signalling Co., Ltd.', license: 'ENT-0123', province: { code: 'VTE', name: 'Vientiane Capital' } },
  { name: 'Mekong "Golden Gate" Hotels Co., Ltd.', license: 'ENT-0457', province: { code: 'VTE', name: 'Vientiane Capital' } },
  { name: 'Nam Ngum Hydropower Services Co., Ltd.', license: 'ENT-0788', province: { code: 'VTP', name: 'Vientiane Province' } },
  { name: 'Luang Prabang Heritage Resorts Sole Co., Ltd.', license: 'ENT-1032', province: { code: 'LPB', name: 'Luang Prabang' } },
  { name: 'Savan Logistics Park Co., Ltd.', license: 'ENT-1190', province: { code: 'SVK', name: 'Savannakhet' } },
  { name: 'Pakse Coffee Processing Co., Ltd.', license: 'ENT-1345', province: { code: 'CPS', name: 'Champasak' } },
  { name: 'Boten Trade Zone Development Co., Ltd.', license: 'ENT-1501', province: { code: 'LNT', name: 'Luang Namtha' } },
  { name: 'Golden Triangle Construction Co., Ltd.', license: 'ENT-1688', province: { code: 'BKO', name: 'Bokeo' } },
];
// MLSW has no revocation, and a pending application is worked under a temporary registration; null means the class decides (below).
const NATIVE_STATUS: Record<PermitHolding['status'], MlswStatus | null> = { PENDING: 'TEMPORARY', ACTIVE: null, EXPIRED: 'EXPIRED', CANCELLED: 'CANCELLED', REVOKED: 'CANCELLED' };
const CARD_MONTHS = 24;
const TEMPORARY_MONTHS = [3, 6, 12] as const;
// The extract is cut once a day; 02:00 in Vientiane (UTC+7) is 19:00 UTC the day before.
const DAILY_CUT_UTC_HOUR = 19;

/** The latest `months`-long term of a span that has started by today (or by the span's end, for an ended permit). */
export function currentTerm(validFrom: string, validUntil: string, months: number, today = SIMULATION_TODAY): { issued: string; expires: string } {
  const last = validUntil < today ? validUntil : today;
  let issued = validFrom;
  while (addMonths(issued, months) <= last) issued = addMonths(issued, months);
  const termEnd = addDays(addMonths(issued, months), -1);
  return { issued, expires: termEnd < validUntil ? termEnd : validUntil };
}

/** One permit of the synthetic population, as the extract writes its row; null for a holder without a passport. */
function mlswRow(person: Person, holding: PermitHolding): MlswRow | null {
  if (person.passportNo === null) return null;
  const employer = EMPLOYERS[holding.employer % EMPLOYERS.length];
  // Lower-skilled workers in force hold a 3-, 6- or 12-month registration rather than a two-year card.
  const status = NATIVE_STATUS[holding.status] ?? (holding.permitClass === 'LOWER_SKILLED' ? 'TEMPORARY' : 'ACTIVE');
  const months = status === 'TEMPORARY' ? recordRandom('mlsw', holding.seq).pick(TEMPORARY_MONTHS) : CARD_MONTHS;
  const term = currentTerm(holding.validFrom, holding.validUntil, months);
  const serial = String(holding.seq).padStart(5, '0');
  const row: MlswRow = {
    permit_no: `WP-${employer.province.code}-${holding.validFrom.slice(0, 4)}-${serial}`,
    // A renewal is a new card: its number carries the year of the term.
    card_no: `C-${term.issued.slice(0, 4)}-${serial}`,
    full_name: `${person.family.latin}, ${person.given.latin}`.toUpperCase(),
    passport: person.passportNo!,
    nationality: person.nationality,
    dob: person.dateOfBirth,
    employer: employer.name,
    employer_license: employer.license,
    province: employer.province.name,
    position: holding.occupation.en,
    isco: holding.occupation.isco,
    issued: term.issued,
    expires: term.expires,
    status,
  };
  return row;
}

/**
 * The extract's rows for the register's permits: a permit on a renewed card or registration (the
 * card's year after the permit's) is preceded by the row of the one it replaced, expired the day before, as the
 * register lists every card a permit was issued; a reader keeps the row issued last. Rows not in
 * the simulator's own numbering (upserted by tests) are written as they are.
 */
export function extractRows(rows: readonly MlswRow[]): MlswRow[] {
  return rows.flatMap((row) => {
    const permit = /^WP-[A-Z]+-(\d{4})-(\d+)$/.exec(row.permit_no);
    const card = /^C-(\d{4})-(\d+)$/.exec(row.card_no);
    const renewed = permit !== null && card !== null && card[1] > permit[1] && (row.status === 'ACTIVE' || row.status === 'TEMPORARY') && /^\d{4}-\d{2}-\d{2}$/.test(row.issued);
    if (!renewed) return [row];
    // A card runs two years; a temporary registration at least three months.
    const issued = addMonths(row.issued, row.status === 'ACTIVE' ? -CARD_MONTHS : -TEMPORARY_MONTHS[0]);
    return [{ ...row, card_no: `C-${issued.slice(0, 4)}-${card[2]}`, issued, expires: addDays(row.issued, -1), status: 'EXPIRED' as const }, row];
  });
}

interface PublishedExtract {
  /** How many changes of the store this extract includes. */
  changes: number;
  csv: string;
  etag: string;
  lastModified: Date;
  manifest: MlswManifest;
}

/** The most recent daily cut at or before `now`. */
export function lastDailyCut(now: Date): Date {
  const cut = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DAILY_CUT_UTC_HOUR));
  return cut <= now ? cut : new Date(cut.getTime() - 86_400_000);
}

/**
 * RFC 9110 If-None-Match: a list of entity tags or `*`, compared weakly (a `W/` prefix does not
 * matter), so a client that sends back any tag it was given for this content gets its 304.
 */
export function matchesIfNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const tags = (Array.isArray(header) ? header.join(',') : header).split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(etag);
}

const published = new WeakMap<RecordStore<MlswRow>, PublishedExtract>();

/**
 * The extract as published. The real register republishes once a day; the simulator republishes as
 * soon as records are upserted through `/__sim/records`, dated by the latest change, so tests see
 * a new ETag without waiting a day. HTTP dates have whole seconds, and so does `generatedAt`.
 */
function extractOf(store: RecordStore<MlswRow>): PublishedExtract {
  const current = published.get(store);
  if (current && current.changes === store.changes.length) return current;
  const rows = extractRows(store.all());
  const csv = [MLSW_COLUMNS.join(','), ...rows.map((row) => formatCsvRecord(MLSW_COLUMNS.map((column) => row[column])))].map((line) => `${line}\r\n`).join('');
  const sha256 = createHash('sha256').update(csv).digest('hex');
  const latestChange = store.changes.at(-1);
  const lastModified = new Date(Math.floor((latestChange ? Date.parse(latestChange.at) : lastDailyCut(new Date()).getTime()) / 1000) * 1000);
  const extract = { changes: store.changes.length, csv, etag: `"${sha256.slice(0, 32)}"`, lastModified, manifest: { generatedAt: lastModified.toISOString(), rows: rows.length, sha256 } };
  published.set(store, extract);
  return extract;
}

export const mlswSimulator: SimulatorDefinition<MlswRow> = {
  country: 'LAO',
  profile: mlswProfile,
  behaviour: { latencyMs: [1000, 3000], faultRate: 0.05 },
  idOf: (row) => row.permit_no,
  // The spec publishes no rate limit body; a plain-text 429 is what a static file server sends.
  rateLimited: { status: 429, text: 'Too Many Requests' },

  records: (population) => holdingsIn(population, 'LAO', 'PERMIT').flatMap(({ person, holding }) => mlswRow(person, holding) ?? []),
  // The five-digit serial ending the permit number is the permit's place in the register.
  atScale: atScale('PERMIT', mlswRow, trailingSeq()),

  routes: [
    {
      method: 'GET',
      path: MLSW_EXTRACT_PATH,
      handle({ headers }, store) {
        const extract = extractOf(store);
        const validators = { etag: extract.etag, 'last-modified': extract.lastModified.toUTCString() };
        // The spec: the extract honours If-None-Match, 304 (no body) when unchanged.
        if (matchesIfNoneMatch(headers['if-none-match'], extract.etag)) return { status: 304, headers: validators };
        return { status: 200, text: extract.csv, headers: { 'content-type': 'text/csv; charset=utf-8', ...validators } };
      },
    },
    {
      method: 'GET',
      path: '/mlsw/extract/manifest.json',
      handle: (_request, store) => ({ status: 200, json: extractOf(store).manifest }),
    },
  ],
};
