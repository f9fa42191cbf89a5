import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { defaultPopulation, holdingsIn, SIMULATION_TODAY } from '../../../sandbox/population/population.js';
import { addDays, addMonths } from '../../../schema/dates/index.js';
import { parseCsv } from '../csv.js';
import { currentTerm, extractRows, lastDailyCut, matchesIfNoneMatch, mlswSimulator } from './mlsw.simulator.js';
import { MLSW_COLUMNS, type MlswManifest, type MlswRow } from '../mlsw.native.js';

describe('MLSW rows from the synthetic population', () => {
  const population = defaultPopulation();
  const rows = mlswSimulator.records(population);

  it('writes every permit held in Lao PDR with the holder\'s passport, name, nationality and birth date', () => {
    const holdings = holdingsIn(population, 'LAO', 'PERMIT');
    expect(holdings.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(holdings.length);
    const fixed = { EXPIRED: 'EXPIRED', CANCELLED: 'CANCELLED', REVOKED: 'CANCELLED', PENDING: 'TEMPORARY' } as Record<string, string>;
    rows.forEach((row, i) => {
      const { person, holding } = holdings[i];
      expect(row).toMatchObject({ passport: person.passportNo, full_name: `${person.family.latin}, ${person.given.latin}`.toUpperCase(), nationality: person.nationality, dob: person.dateOfBirth, isco: holding.occupation.isco, position: holding.occupation.en });
      expect(row.status).toBe(fixed[holding.status] ?? (holding.permitClass === 'LOWER_SKILLED' ? 'TEMPORARY' : 'ACTIVE'));
      expect(row.permit_no).toMatch(new RegExp(`^WP-[A-Z]{3}-${holding.validFrom.slice(0, 4)}-${String(holding.seq).padStart(5, '0')}$`));
      expect(Object.keys(row)).toEqual([...MLSW_COLUMNS]);
    });
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['ACTIVE', 'EXPIRED', 'CANCELLED', 'TEMPORARY']));
  });

  it('shows two-year cards, and 3-, 6- or 12-month temporary registrations in force today', () => {
    for (const row of rows) {
      const months = row.status === 'TEMPORARY' ? 12 : 24;
      expect(row.expires >= row.issued).toBe(true);
      expect(row.expires <= addDays(addMonths(row.issued, months), -1)).toBe(true);
      expect(row.card_no).toBe(`C-${row.issued.slice(0, 4)}-${row.permit_no.slice(-5)}`);
      if (row.status === 'ACTIVE' || row.status === 'TEMPORARY') expect(row.issued <= SIMULATION_TODAY && SIMULATION_TODAY <= row.expires).toBe(true);
      if (row.status === 'EXPIRED') expect(row.expires < SIMULATION_TODAY).toBe(true);
    }
  });

  it('reads the latest term of a renewed permit', () => {
    expect(currentTerm('2023-01-15', '2027-01-14', 24, '2026-11-01')).toEqual({ issued: '2025-01-15', expires: '2027-01-14' });
    expect(currentTerm('2026-02-01', '2027-01-31', 3, '2026-10-31')).toEqual({ issued: '2026-08-01', expires: '2026-10-31' });
    expect(currentTerm('2026-02-01', '2027-01-31', 3, '2026-11-01')).toEqual({ issued: '2026-11-01', expires: '2027-01-31' });
    expect(currentTerm('2022-03-01', '2024-02-29', 24, '2026-11-01')).toEqual({ issued: '2022-03-01', expires: '2024-02-29' });
  });

  it('matches If-None-Match as RFC 9110 says: a list of tags, compared weakly, or *', () => {
    expect(matchesIfNoneMatch('"a1"', '"a1"')).toBe(true);
    expect(matchesIfNoneMatch('"zz", W/"a1"', '"a1"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"a1"')).toBe(true);
    expect(matchesIfNoneMatch('"a2"', '"a1"')).toBe(false);
    expect(matchesIfNoneMatch('a1', '"a1"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, '"a1"')).toBe(false);
  });

  it('cuts the extract daily at 02:00 in Vientiane', () => {
    expect(lastDailyCut(new Date('2026-11-23T14:00:00Z')).toISOString()).toBe('2026-11-22T19:00:00.000Z');
    expect(lastDailyCut(new Date('2026-11-23T19:30:00Z')).toISOString()).toBe('2026-11-23T19:00:00.000Z');
  });
});

describe('the simulated MLSW extract', () => {
  let sim: TestSimulator;
  const all = () => sim.simulator.store.all() as MlswRow[];
  const download = async (headers: Record<string, string> = {}) => {
    const response = await fetch(`${sim.url}/mlsw/extract/latest.csv`, { headers });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };

  beforeAll(async () => {
    sim = await startTestSimulator(mlswSimulator);
  });
  afterAll(() => sim.close());

  it('serves the whole register as RFC 4180 CSV with the published header, ETag and Last-Modified', async () => {
    const { status, headers, text } = await download();
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(Date.parse(headers.get('last-modified')!)).toBeLessThanOrEqual(Date.now());
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([...MLSW_COLUMNS]);
    expect(rows.map((fields) => Object.fromEntries(MLSW_COLUMNS.map((c, i) => [c, fields[i]])))).toEqual(extractRows(all()));
    // Renewed permits also list the card they replaced.
    expect(rows.length).toBeGreaterThan(all().length);
    // Names and employers with commas and quotes are quoted, as RFC 4180 requires.
    expect(text).toContain(',"Mekong ""Golden Gate"" Hotels Co., Ltd.",');
    expect(text).toMatch(/\r\nWP-[A-Z]{3}-\d{4}-\d{5},C-\d{4}-\d{5},"[A-Z ]+, [A-Z ]+",/);
  });

  it('describes the extract in its manifest', async () => {
    const { headers, text } = await download();
    const manifest = (await (await fetch(`${sim.url}/mlsw/extract/manifest.json`)).json()) as MlswManifest;
    expect(manifest).toEqual({ generatedAt: new Date(headers.get('last-modified')!).toISOString(), rows: extractRows(all()).length, sha256: createHash('sha256').update(text).digest('hex') });
  });

  it('answers 304 Not Modified, with no body, to the ETag of the extract it publishes, and 200 to any other', async () => {
    const { headers } = await download();
    const etag = headers.get('etag')!;
    const unchanged = await download({ 'if-none-match': etag });
    expect(unchanged).toMatchObject({ status: 304, text: '' });
    expect(unchanged.headers.get('etag')).toBe(etag);
    expect(unchanged.headers.get('last-modified')).toBe(headers.get('last-modified'));
    expect((await download({ 'if-none-match': `"stale", W/${etag}` })).status).toBe(304);
    const other = await download({ 'if-none-match': '"0123456789abcdef0123456789abcdef"' });
    expect(other.status).toBe(200);
    expect(parseCsv(other.text)).toHaveLength(extractRows(all()).length + 1);
  });

  it('publishes a new extract, with a new ETag and Last-Modified, when the register changes', async () => {
    const before = await download();
    expect((await download()).headers.get('etag')).toBe(before.headers.get('etag'));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await sim.upsert([{ ...all()[0], status: 'CANCELLED' }]);
    const after = await download();
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(Date.parse(after.headers.get('last-modified')!)).toBeGreaterThan(Date.parse(before.headers.get('last-modified')!));
    expect(after.text).toContain(`${all()[0].permit_no},`);
    expect(parseCsv(after.text)).toHaveLength(extractRows(all()).length + 1);
    // A client holding the old version downloads the new one.
    expect((await download({ 'if-none-match': before.headers.get('etag')! })).status).toBe(200);
  });

  it('fails 503 when the download fails', async () => {
    await sim.configure({ faultRate: 1 });
    try {
      expect((await download()).status).toBe(503);
    } finally {
      await sim.configure({ faultRate: 0 });
    }
  });
});
