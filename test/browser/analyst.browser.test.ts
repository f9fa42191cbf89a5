/// <reference lib="dom.iterable" />
// The page callbacks spread NodeLists (DOM.Iterable); those types used to arrive with Hive Gateway's, which is now the benchmark's alone (bench/package.json).
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { NO_CACHE_TTLS, startTestStack, testConfig, type TestStack } from '../e2e/testStack.js';
import { createTestDatabase, type TestDatabase } from '../support/postgresDatabase.js';
import { countryEntries } from '../../subgraphs/countries.js';
import type { CountryIndexPlugin } from '../../subgraphs/kit/plugins/index.js';
import { STATISTICS } from '../../gateway/analyst/statistics.js';
import { launchChromium } from './chromium.js';

// The analyst page in a real browser against a real stack of every member state with the country
// indexes on (in a PostgreSQL database of this file's own): what the page shows must be what the
// gateway answers to the same question asked directly. Laos publishes no bulk interface for its certificates, so
// it keeps no index of them: the page must say so rather than count it as zero.
// ANALYST_SCREENSHOT=docs/analyst-page.png writes the screenshot the documentation shows.

interface Freshness { country: string; indexedAt: string | null; available: boolean }
interface PermitCell { hostCountry: string | null; permitClass: string | null; count: number | null; suppressed: boolean }
interface PermitAnswer { permitStatistics: { cells: PermitCell[]; total: number | null; suppressionThreshold: number; asOf: Freshness[] } }
interface CertificationCell { country: string | null; aqrfLevel: number | null; count: number | null; suppressed: boolean }
interface CertificationAnswer { certificationStatistics: { cells: CertificationCell[]; total: number | null; asOf: Freshness[] } }
interface Flow { origin: string; host: string; permitClass: string | null; count: number | null; suppressed: boolean }
interface CorridorAnswer { corridors: { activeOn: string; flows: Flow[]; suppressionThreshold: number; asOf: Freshness[] } }

const shown = (count: number | null, suppressed: boolean) => (suppressed ? 'suppressed' : count!.toLocaleString('en'));
const byText = (a: string[], b: string[]) => a.join('|').localeCompare(b.join('|'));

/** The page's table as rows of cell texts, in the page's order. */
async function tableRows(page: Page): Promise<string[][]> {
  return page.locator('#table tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent!.trim())));
}

describe('the analyst page in a real browser', () => {
  let stack: TestStack;
  let database: TestDatabase;
  let browser: Browser;
  let page: Page;
  let analyst: string;
  const requests: Request[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = testConfig(NO_CACHE_TTLS, {});
    config.index = { ...config.index, enabled: true, databaseUrl: database.url, hmacKey: 'analyst-page-key', freshnessS: 3600, syncIntervalMs: 60_000, syncRateShare: 0.5 };
    stack = await startTestStack({ config });
    // Every country's first full pass, as the background sync runs it.
    for (const { code } of countryEntries) {
      const index = stack.countries.get(code)!.plugins.find((p) => p.name === 'country-index') as CountryIndexPlugin;
      await index.ready;
      for (let i = 0; i < 600 && ![...(await index.index.status()).values()].every((s) => s.fresh); i++) await new Promise((r) => setTimeout(r, 100));
    }
    analyst = await stack.devIssuer.issue({ role: 'analyst', memberState: 'IDN' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page.on('request', (request) => requests.push(request));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${stack.gateway.url}/analyst`);
    await page.getByLabel('Access token').fill(analyst);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await database?.drop();
  });

  it('shows active permits by host country and class: a bar per counted cell, a mark per suppressed one, the same numbers as the gateway, and a CSV of them', async () => {
    const variables = { groupBy: ['HOST_COUNTRY', 'PERMIT_CLASS'], filter: { statuses: ['ACTIVE'] } };
    const direct = await stack.query<PermitAnswer>(STATISTICS.permits.document, variables, { token: analyst, purpose: null });
    expect(direct.errors).toBeUndefined();
    const answer = direct.data!.permitStatistics;
    const counted = answer.cells.filter((c) => !c.suppressed);
    expect(counted.length).toBeGreaterThan(0);

    await page.getByLabel('Statistic', { exact: true }).selectOption('permits');
    await page.getByLabel('Group by', { exact: true }).selectOption('HOST_COUNTRY');
    await page.getByLabel('then by', { exact: true }).selectOption('PERMIT_CLASS');
    await page.locator('#filters fieldset', { hasText: 'Statuses' }).getByLabel('ACTIVE', { exact: true }).check();
    const sent = page.waitForRequest((r) => r.url().endsWith('/graphql') && r.method() === 'POST');
    await page.getByRole('button', { name: 'Show' }).click();
    expect((await sent).headers().authorization).toBe(`Bearer ${analyst}`);
    await page.locator('#chart svg').first().waitFor({ timeout: 20_000 });

    // The table: every cell of the answer, suppressed ones as such.
    const expected = answer.cells.map((c) => [c.hostCountry ?? '(not stated)', c.permitClass ?? '(not stated)', shown(c.count, c.suppressed)]).sort(byText);
    expect((await tableRows(page)).sort(byText)).toEqual(expected);
    const total = await page.locator('#table tfoot td').textContent();
    expect(total).toBe(answer.total === null ? 'withheld' : answer.total.toLocaleString('en'));

    // The chart: one bar per counted cell, its height proportional to its count; one ✕ per suppressed cell.
    const bars = await page.locator('#chart g[aria-label="bar"] rect').evaluateAll((rects) => rects.map((r) => ({ height: Number(r.getAttribute('height')), title: r.querySelector('title')?.textContent ?? '' })));
    expect(bars.length).toBe(counted.length);
    expect(await page.locator('#chart g[aria-label="dot"] path').count()).toBe(answer.cells.length - counted.length);
    const countOf = (title: string) => Number(/count: ([\d,]+)/.exec(title)![1].replace(/,/g, ''));
    expect(bars.map((b) => countOf(b.title)).sort((a, b) => a - b)).toEqual(counted.map((c) => c.count!).sort((a, b) => a - b));
    const tallest = bars.reduce((a, b) => (b.height > a.height ? b : a));
    for (const bar of bars) expect(bar.height / tallest.height).toBeCloseTo(countOf(bar.title) / countOf(tallest.title), 2);

    // Where the numbers come from: each country's index time, and which countries are missing.
    for (const country of answer.asOf) {
      const item = page.locator(`#freshness li[data-country="${country.country}"]`);
      expect(await item.textContent()).toContain(country.available ? 'as of' : 'unavailable');
    }
    const missing = answer.asOf.filter((c) => !c.available).map((c) => c.country);
    if (missing.length > 0) expect(await page.locator('#unavailable').textContent()).toContain(`Unavailable: ${missing.sort().join(', ')}.`);
    else expect(await page.locator('#unavailable').count()).toBe(0);

    // The CSV: the same cells, by the contract's field names, a suppressed cell with no count.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^rantau-permits-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...lines] = readFileSync((await file.path())!, 'utf8').trimEnd().split('\r\n');
    expect(header).toBe('hostCountry,permitClass,count,suppressed');
    expect(lines.sort()).toEqual(answer.cells.map((c) => `${c.hostCountry ?? ''},${c.permitClass ?? ''},${c.count ?? ''},${c.suppressed}`).sort());
  });

  it('shows corridors as an origin × host matrix per permit class, with the gateway’s flows in the table', async () => {
    const direct = await stack.query<CorridorAnswer>(STATISTICS.corridors.document, { byClass: true }, { token: analyst, purpose: null });
    expect(direct.errors).toBeUndefined();
    const answer = direct.data!.corridors;
    expect(answer.flows.length).toBeGreaterThan(0);

    await page.getByLabel('Statistic', { exact: true }).selectOption('corridors');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.locator('#chart g[aria-label="cell"]').first().waitFor({ timeout: 20_000 });

    expect((await tableRows(page)).sort(byText)).toEqual(answer.flows.map((f) => [f.origin, f.host, f.permitClass ?? '(not stated)', shown(f.count, f.suppressed)]).sort(byText));
    // One square per flow (counted or suppressed), and every counted flow's number written in its square.
    await expect.poll(() => page.locator('#chart g[aria-label="cell"] rect').count()).toBe(answer.flows.length);
    // A square's number is its text; the <title> beside it is the tooltip.
    const labels = await page.locator('#chart g[aria-label="text"] text').evaluateAll((texts) => texts.map((t) => [...t.childNodes].filter((n) => n.nodeName !== 'title').map((n) => n.textContent).join('')));
    expect(labels.filter((t) => t !== 'S').sort()).toEqual(answer.flows.filter((f) => !f.suppressed).map((f) => f.count!.toLocaleString('en')).sort());
    expect(labels.filter((t) => t === 'S').length).toBe(answer.flows.filter((f) => f.suppressed).length);
    expect(await page.locator('#freshness').textContent()).toContain(`active on ${answer.activeOn}`);
  });

  it('names a country whose index is unavailable, beside the counts of the others, rather than counting it as zero', async () => {
    // Lao NVQF publishes no bulk interface, so Laos keeps no index of its certificates.
    const variables = { groupBy: ['COUNTRY', 'AQRF_LEVEL'] };
    const direct = await stack.query<CertificationAnswer>(STATISTICS.certifications.document, variables, { token: analyst, purpose: null });
    const answer = direct.data!.certificationStatistics;
    const missing = answer.asOf.filter((c) => !c.available).map((c) => c.country);
    expect(missing).toEqual(['LAO']);

    await page.getByLabel('Statistic', { exact: true }).selectOption('certifications');
    await page.getByLabel('Group by', { exact: true }).selectOption('COUNTRY');
    await page.getByLabel('then by', { exact: true }).selectOption('AQRF_LEVEL');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => page.locator('#unavailable').count()).toBe(1);
    expect(await page.locator('#unavailable').textContent()).toBe('Unavailable: LAO. Their counts are missing from every cell, not zero.');
    expect(await page.locator('#freshness li[data-country="LAO"]').textContent()).toBe('LAO unavailable');
    expect(await page.locator('#status').textContent()).toContain('INDEX_UNAVAILABLE');
    const expected = answer.cells.map((c) => [c.country ?? '(not stated)', c.aqrfLevel === null ? '(not stated)' : String(c.aqrfLevel), shown(c.count, c.suppressed)]).sort(byText);
    expect((await tableRows(page)).sort(byText)).toEqual(expected);
    expect(expected.some(([country]) => country === 'LAO')).toBe(false);
    expect(await page.locator('#chart g[aria-label="bar"] rect').count()).toBe(answer.cells.filter((c) => !c.suppressed).length);
    if (process.env.ANALYST_SCREENSHOT) await page.screenshot({ path: process.env.ANALYST_SCREENSHOT, fullPage: true });
  });

  it('tells someone without an analyst token what is wrong and how to get one', async () => {
    const caseOfficer = await stack.token();
    await page.getByLabel('Access token').fill(caseOfficer);
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('it takes an analyst, inspector or operator token');
    await page.getByLabel('Access token').fill('not-a-token');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('did not accept the token');
    expect(await page.locator('#access').textContent()).toContain('npm run -s token -- --role analyst --member-state IDN');
  });

  it('loads everything from the gateway itself under a strict content security policy, without script errors', async () => {
    const response = await fetch(`${stack.gateway.url}/analyst`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const origin = new URL(stack.gateway.url).origin;
    expect(requests.map((r) => r.url()).filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    // The refused tokens of the previous test answered 401 and 403 on purpose; nothing else failed.
    expect(problems.filter((p) => !/^(401|403) .*\/graphql$/.test(p) && !/status of (401|403)/.test(p))).toEqual([]);
  });
});
