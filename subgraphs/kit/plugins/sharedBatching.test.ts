import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../registryClient.js';
import { registrySource } from '../registrySource.js';
import { tkaAdapter } from '../../idn/tka.adapter.js';
import { tkaSimulator } from '../../idn/sandbox/tka.simulator.js';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { sharedBatching } from './sharedBatching.js';
import type { TkaRecord } from '../../idn/tka.native.js';

describe('reads by number batched across requests', () => {
  let tka: TestSimulator;
  beforeAll(async () => {
    tka = await startTestSimulator(tkaSimulator);
  });
  afterAll(async () => tka?.close());

  const source = () => sharedBatching(5).wrapSource!(registrySource('IDN', tkaAdapter, new RegistryClient({ country: 'IDN', registry: 'tka', baseUrl: tka.url, timeoutMs: 5000, maxConcurrency: 4, ratePerSecond: 1000 })));

  it('answers concurrent requests for different records with one registry call, each its own records', async () => {
    const numbers = (tka.simulator.store.all() as TkaRecord[]).slice(0, 30).map((r) => r.nomor_pengesahan);
    const shared = source();
    await tka.resetStats();
    // Thirty requests, one number each, as thirty cold look-ups arriving together would ask.
    const answers = await Promise.all(numbers.map((n) => shared.loadMany([n, 'KEP.00000/PPTKA/PTK/1999'])));
    expect((await tka.stats()).routes['POST /v1/pengesahan/batch']).toBe(1);
    answers.forEach((answer, i) => {
      expect((answer[0] as { nativeId: string }).nativeId).toBe(numbers[i]);
      expect(answer[1]).toBeNull();
    });
  });

  it('never asks more numbers in one call than the batch endpoint takes', async () => {
    const numbers = (tka.simulator.store.all() as TkaRecord[]).slice(0, 80).map((r) => r.nomor_pengesahan);
    const shared = source();
    await tka.resetStats();
    const answers = await Promise.all(numbers.map((n) => shared.loadMany([n])));
    expect(answers.every((a) => a[0] !== null && !(a[0] instanceof Error))).toBe(true);
    expect((await tka.stats()).routes['POST /v1/pengesahan/batch']).toBe(Math.ceil(80 / 50));
  });

  it('gathers the numbers asked while the registry is at its rate into the next call, instead of queueing a call each', async () => {
    const numbers = (tka.simulator.store.all() as TkaRecord[]).slice(0, 24).map((r) => r.nomor_pengesahan);
    // The registry's published pace, 2 calls a second, and one call at a time from this source.
    const slow = sharedBatching({ windowMs: 5, maxOutstanding: 1 }).wrapSource!(registrySource('IDN', tkaAdapter, new RegistryClient({ country: 'IDN', registry: 'tka', baseUrl: tka.url, timeoutMs: 5000, maxConcurrency: 4, ratePerSecond: 2 })));
    await tka.resetStats();
    const started = Date.now();
    // Look-ups arriving one every 20 ms: a window of 5 ms alone would make 24 calls, 12 seconds at 2 a second.
    const answers = await Promise.all(numbers.map(async (n, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * 20));
      return slow.loadMany([n]);
    }));
    const elapsed = Date.now() - started;
    answers.forEach((answer, i) => expect((answer[0] as { nativeId: string }).nativeId).toBe(numbers[i]));
    const calls = (await tka.stats()).routes['POST /v1/pengesahan/batch'];
    expect(calls).toBeLessThanOrEqual(6);
    expect(elapsed).toBeLessThan(4000);
  });

  it('answers an idle registry after the window alone, and the same number asked twice with one entry', async () => {
    const [n] = (tka.simulator.store.all() as TkaRecord[]).map((r) => r.nomor_pengesahan);
    const shared = source();
    await tka.resetStats();
    const [a, b] = await Promise.all([shared.loadMany([n]), shared.loadMany([n, n])]);
    expect((a[0] as { nativeId: string }).nativeId).toBe(n);
    expect(b.map((r) => (r as { nativeId: string }).nativeId)).toEqual([n, n]);
    expect((await tka.stats()).routes['POST /v1/pengesahan/batch']).toBe(1);
  });
});
