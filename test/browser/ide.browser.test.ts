import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { startTestStack, type TestStack } from '../e2e/testStack.js';
import { launchChromium } from './chromium.js';
import { EXAMPLES_DIR } from '../../gateway/ide/examples.js';

/** What the README's worker query answers over plain HTTP: the IDE must show the same. */
interface WorkerAnswer { worker: { countries: string[]; certifications: { id: string }[] } | null }

describe('the GraphQL IDE in a real browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  const requests: Request[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    stack = await startTestStack();
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('request', (request) => requests.push(request));
    page.on('response', (response) => {
      if (response.status() >= 400) consoleErrors.push(`${response.status()} ${response.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(`${stack.gateway.url}/`);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('opens the saved worker example, runs it with the bearer token and purpose headers, and shows the answer', async () => {
    const expected = await stack.query<WorkerAnswer>(readFileSync(join(EXAMPLES_DIR, 'worker.graphql'), 'utf8'));
    expect(expected.errors).toBeUndefined();
    const certificate = expected.data!.worker!.certifications[0].id;

    // Every saved example is a tab, named by its operation; the worker example is `Worker`.
    await page.getByRole('tab').getByRole('button', { name: 'Worker', exact: true }).click({ timeout: 20_000 });
    await page.locator('[role="tab"][aria-selected="true"]', { hasText: 'Worker' }).waitFor({ timeout: 20_000 });
    // The query editor is Monaco: it has loaded when the example's text is on screen.
    await page.locator('.graphiql-query-editor').getByText('worker(nationality: "MMR"').first().waitFor({ timeout: 20_000 });
    // GraphiQL works out the tab's operation name from the editor after a debounce; a click before
    // that sends the previous tab's name, and the gateway rightly refuses it. A person reads first.
    await page.waitForTimeout(1500);
    const sent = page.waitForRequest((r) => r.url().endsWith('/graphql') && r.method() === 'POST' && (r.postData() ?? '').includes('MA660928'));
    await page.locator('.graphiql-execute-button').click();
    const request = await sent;
    expect(request.headers()['rantau-purpose']).toBe('SKILLS_RECOGNITION');
    expect(request.headers().authorization).toMatch(/^Bearer /);

    const response = page.locator('.graphiql-response');
    await response.getByText(certificate).first().waitFor({ timeout: 20_000 });
    expect(await response.innerText()).toContain('"countries"');
  });

  it('loads everything from the gateway itself, Monaco workers included, without script errors', async () => {
    const origin = new URL(stack.gateway.url).origin;
    const urls = requests.map((r) => r.url());
    expect(urls.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    expect(urls.some((url) => /^http:\/\/[^/]+\/ide\/[0-9a-f]+\/graphql\.worker\.js$/.test(url) && url.startsWith(origin))).toBe(true);
    expect(consoleErrors).toEqual([]);
  });
});
