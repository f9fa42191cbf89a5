import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { startSimulator, type RunningSimulator } from '../../../sandbox/simulator/simulator.js';
import { operatorHeaders } from '../../../sandbox/simulator/operatorCredential.js';
import { defaultPopulation } from '../../../sandbox/population/population.js';
import { bnspSimulator } from '../../idn/sandbox/bnsp.simulator.js';
import { bnspAdapter } from '../../idn/bnsp.adapter.js';
import { RegistryClient } from '../registryClient.js';
import { registrySource, type RecordSource } from '../registrySource.js';
import { RecordCache } from './recordCache.js';
import { MemoryStore } from '../../../platform/store/memoryStore.js';
import { RedisStore } from '../../../platform/store/redisStore.js';
import type { CacheStore } from '../../../platform/store/store.js';
import type { CacheOutcome } from '../../../platform/metrics.js';

// The record cache over a real registry (the BNSP simulator) and both stores: the in-process LRU
// and the real Redis on 127.0.0.1:6379, under a key prefix of this run only.
const REDIS_URL = 'redis://127.0.0.1:6379';
const records = bnspSimulator.records(defaultPopulation());
const ids = records.slice(0, 3).map(bnspSimulator.idOf);
const UNKNOWN = '99999.9999.9.9999999.2020';
const settings = { certTtlS: 60, permitTtlS: 30, negativeTtlS: 10, staleTtlS: 3600 };

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator(bnspSimulator, { port: 0, config: { latencyMs: [0, 0], faultRate: 0, hangRate: 0, ratePerSecond: 100_000 } });
});
afterAll(() => simulator.close());

async function registryCalls(): Promise<number> {
  return ((await (await fetch(`${simulator.url}/__sim/stats`, { headers: operatorHeaders(simulator.operatorToken) })).json()) as { total: number }).total;
}
const setDown = (down: boolean) => fetch(`${simulator.url}/__sim/config`, { method: 'POST', headers: operatorHeaders(simulator.operatorToken), body: JSON.stringify({ down }) });

const stores: Array<[string, () => CacheStore]> = [
  ['in-process LRU', () => new MemoryStore(1000)],
  ['Redis', () => new RedisStore(REDIS_URL, { keyPrefix: `test:${randomUUID()}:` })],
];

describe.each(stores)('record cache over %s', (_name, makeStore) => {
  let store: CacheStore;
  let clock: number;
  let events: Array<{ outcome: CacheOutcome; count: number }>;
  let cache: RecordCache;
  let source: RecordSource;

  beforeEach(async () => {
    store = makeStore();
    if (store instanceof RedisStore) expect(await store.ready()).toBe(true);
    clock = Date.parse('2026-11-01T00:00:00Z');
    events = [];
    cache = new RecordCache({ store, settings, now: () => clock, onEvent: (_c, _k, outcome, count = 1) => events.push({ outcome, count }) });
    const client = new RegistryClient({ country: 'IDN', registry: 'bnsp', baseUrl: simulator.url, timeoutMs: 1000, maxConcurrency: 4, ratePerSecond: 100_000 });
    source = cache.wrap(registrySource('IDN', bnspAdapter, client));
    await fetch(`${simulator.url}/__sim/stats/reset`, { method: 'POST', headers: operatorHeaders(simulator.operatorToken) });
    await setDown(false);
  });
  afterEach(async () => {
    await setDown(false);
    await store.close();
  });
  const count = (outcome: CacheOutcome) => events.filter((e) => e.outcome === outcome).reduce((n, e) => n + e.count, 0);

  it('answers a second load from the cache without calling the registry', async () => {
    const first = await source.loadMany(ids);
    expect(await registryCalls()).toBe(1);
    const second = await source.loadMany(ids);
    expect(await registryCalls()).toBe(1);
    expect(second).toEqual(first);
    expect(count('miss')).toBe(3);
    expect(count('hit')).toBe(3);
  });

  it('refetches a record once its TTL has passed', async () => {
    await source.loadMany(ids.slice(0, 1));
    clock += settings.certTtlS * 1000 + 1;
    const [record] = await source.loadMany(ids.slice(0, 1));
    expect(await registryCalls()).toBe(2);
    expect(record).toMatchObject({ nativeId: ids[0], stale: false });
  });

  it('remembers an unknown id for the negative TTL only', async () => {
    expect(await source.loadMany([UNKNOWN])).toEqual([null]);
    expect(await source.loadMany([UNKNOWN])).toEqual([null]);
    expect(await registryCalls()).toBe(1);
    expect(count('negative_hit')).toBe(1);
    clock += settings.negativeTtlS * 1000 + 1;
    expect(await source.loadMany([UNKNOWN])).toEqual([null]);
    expect(await registryCalls()).toBe(2);
  });

  it('shares one registry call between concurrent misses for the same records', async () => {
    const [a, b] = await Promise.all([source.loadMany(ids), source.loadMany(ids)]);
    expect(a).toEqual(b);
    expect(a.every((r) => r !== null && !(r instanceof Error))).toBe(true);
    expect(await registryCalls()).toBe(1);
    expect(count('coalesced')).toBe(3);
  });

  it('serves the last good copy, flagged stale with its retrievedAt, when the registry fails', async () => {
    const [fresh] = await source.loadMany(ids.slice(0, 1));
    clock += settings.certTtlS * 1000 + 1;
    await setDown(true);
    const [served, never] = await source.loadMany([ids[0], ids[1]]);
    expect(served).toMatchObject({ nativeId: ids[0], stale: true, retrievedAt: (fresh as { retrievedAt: string }).retrievedAt });
    expect(never).toBeInstanceOf(Error);
    expect(never).toMatchObject({ extensions: { code: 'REGISTRY_UNAVAILABLE', country: 'IDN', registry: 'bnsp' } });
    expect(count('stale')).toBe(1);
  });

  it('writes records found by a holder search through, so fetching them next is a hit', async () => {
    const holder = records[0];
    const found = await source.findByHolder({ nationality: holder.kewarganegaraan === 'WNI' ? 'IDN' : holder.negara_asal!, documentNumber: holder.nomor_paspor!, dateOfBirth: null });
    expect(found.records.length).toBeGreaterThan(0);
    const calls = await registryCalls();
    await source.loadMany(found.records.map((r) => r.nativeId));
    expect(await registryCalls()).toBe(calls);
  });

  it('drops invalidated records, so the next load asks the registry', async () => {
    await source.loadMany(ids);
    await cache.invalidate('IDN', 'CERT', [ids[1]]);
    await source.loadMany(ids);
    expect(await registryCalls()).toBe(2);
    expect(count('invalidated')).toBe(1);
  });
});

describe('record cache on Redis', () => {
  it('reads a whole DataLoader batch with one MGET and writes it with one pipeline', async () => {
    const admin = new Redis(REDIS_URL);
    const store = new RedisStore(REDIS_URL, { keyPrefix: `test:${randomUUID()}:` });
    await store.ready();
    const stats = async () => {
      const info = await admin.info('commandstats');
      const calls = (name: string) => Number(new RegExp(`cmdstat_${name}:calls=(\\d+)`).exec(info)?.[1] ?? 0);
      return { mget: calls('mget'), set: calls('set') };
    };
    try {
      const client = new RegistryClient({ country: 'IDN', registry: 'bnsp', baseUrl: simulator.url, timeoutMs: 1000, maxConcurrency: 4, ratePerSecond: 100_000 });
      const source = new RecordCache({ store, settings }).wrap(registrySource('IDN', bnspAdapter, client));
      const batch = records.slice(10, 30).map(bnspSimulator.idOf);
      const before = await stats();
      await source.loadMany(batch);
      const after = await stats();
      // Other clients may use the shared Redis at the same moment; ours adds exactly one MGET for 20 keys.
      expect(after.mget - before.mget).toBeGreaterThanOrEqual(1);
      expect(after.mget - before.mget).toBeLessThan(3);
      expect(after.set - before.set).toBeGreaterThanOrEqual(batch.length);
    } finally {
      admin.disconnect();
      await store.close();
    }
  });
});
