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
});
