import { afterAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { countryEntries, loadCountry } from '../../subgraphs/countries.js';
import { loadSimulators } from '../../sandbox/countrySimulators.js';
import { startTestSimulator, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { servedRecordIds } from '../../sandbox/simulator/simulator.js';
import { defaultPopulation } from '../../sandbox/population/population.js';
import { sampleCandidates } from '../../bin/sampleWorker.js';
import { RegistryClient } from '../../subgraphs/kit/registryClient.js';
import { registrySource } from '../../subgraphs/kit/registrySource.js';
import { idsPerCall } from '../../subgraphs/kit/adapter.js';
import { profileOf } from '../../subgraphs/kit/country.js';
import { matchesIdentity } from '../../subgraphs/kit/countryContext.js';
import { isRegistryError } from '../../schema/errors/index.js';
import { parseHolderIdentity } from '../../schema/ids/index.js';
import { answerMutation, mutateAnswer, type AnswerMutation } from './registryAnswers.js';

// Every registry adapter, fed mutations of its own registry's genuine answers (truncated, wrong
// types, huge strings, broken XML and CSV, unexpected statuses), through the kit's record source:
// each look-up answers records or a typed RegistryError, never a TypeError or a crash. The
// answers come from the registry's simulator through a proxy that mutates them.
const MUTATIONS_PER_REGISTRY = Number(process.env.FUZZ_ADAPTER_RUNS ?? 40);
const population = defaultPopulation();

/** A registry in front of the simulator that answers what the simulator says, mutated. */
async function mutatingProxy(target: string): Promise<{ url: string; mutation: AnswerMutation | null; close(): Promise<void> }> {
  const state = { mutation: null as AnswerMutation | null };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const upstream = await fetch(`${target}${req.url}`, { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? 'application/json', accept: req.headers.accept ?? '*/*' }, body: chunks.length ? Buffer.concat(chunks) : undefined });
      const text = await upstream.text();
      const answer = state.mutation ? mutateAnswer(state.mutation, upstream.status, text) : { status: upstream.status, text };
      res.writeHead(answer.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(answer.status === 204 ? undefined : answer.text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** Adapter-specific crashes (what the kit's guard turned into protocol errors), for the report. */
const crashes = new Map<string, string>();

describe.each(countryEntries.map((entry) => entry.code))('%s adapters under mutated registry answers', (code) => {
  const started: Array<{ close(): Promise<void> }> = [];
  afterAll(async () => {
    await Promise.all(started.map((s) => s.close()));
  });

  it('answer records or a typed RegistryError, never a TypeError', async () => {
    const { country } = await loadCountry(code);
    const simulators = await loadSimulators(code);
    const candidate = sampleCandidates(population, [code], 1, 1)[0];
    const identity = parseHolderIdentity(candidate);
    for (const binding of [country.certifications, country.permits]) {
      const profile = profileOf(binding);
      const definition = simulators.find((s) => s.profile.key === profile.key)!;
      const simulator: TestSimulator = await startTestSimulator(definition);
      const proxy = await mutatingProxy(simulator.url);
      started.push(simulator, proxy);
      const client = new RegistryClient({ country: code, registry: profile.key, baseUrl: proxy.url, timeoutMs: 3000, maxConcurrency: 4, ratePerSecond: 10_000 });
      const source = registrySource(code, binding.adapter, client);
      // The adapter's own calls and reading, without the kit's guard, so a crash is named.
      const direct = (() => {
            const adapter = binding.adapter;
            const calls = adapter.connect(client);
            const readAll = (natives: unknown[]) => natives.forEach((native) => adapter.read(native, client));
            return {
              fetchByIds: async (ids: readonly string[]) => {
                const answer = await calls.fetchByIds(ids);
                readAll(Array.isArray(answer) ? answer : answer.records);
              },
              findByHolder: async (identity: Parameters<typeof calls.findByHolder>[0]) => readAll(await calls.findByHolder(identity)),
            };
          })();
      const ids = servedRecordIds(definition, definition.records(population)).slice(0, Math.min(3, idsPerCall(profile)));

      const typed = (error: unknown, mutation: AnswerMutation, call: string) => {
        expect(isRegistryError(error), `${code} ${profile.key} ${call} under ${JSON.stringify(mutation).slice(0, 200)}: ${String(error)}`).toBe(true);
      };
      const noteCrash = (error: unknown, call: string) => {
        if (!isRegistryError(error)) crashes.set(`${code} ${profile.key} ${call}`, `${(error as Error)?.name}: ${String((error as Error)?.message).slice(0, 120)}`);
      };

      for (const mutation of fc.sample(answerMutation, { numRuns: MUTATIONS_PER_REGISTRY })) {
        proxy.mutation = mutation;
        // Through the kit: what a request would see.
        const loaded = await source.loadMany(ids).catch((error: unknown) => [error]);
        for (const entry of loaded) if (entry instanceof Error || (entry !== null && typeof entry !== 'object')) typed(entry, mutation, 'loadMany');
        const found = await source.findByHolder(identity).catch((error: unknown) => void typed(error, mutation, 'findByHolder'));
        // What the kit does next with a holder's records: they must be matchable, whatever the registry sent.
        for (const record of found?.records ?? []) expect(() => matchesIdentity(record, identity), `${code} ${profile.key} record under ${JSON.stringify(mutation).slice(0, 200)}`).not.toThrow();
        // Directly: an adapter that crashes is listed, even though the kit answers for it.
        await direct.fetchByIds(ids).catch((error: unknown) => noteCrash(error, 'fetchByIds'));
        await direct.findByHolder(identity).catch((error: unknown) => noteCrash(error, 'findByHolder'));
      }
    }
  });
});

afterAll(() => {
  if (crashes.size > 0) console.log(`Adapter-specific crashes the kit turned into REGISTRY_PROTOCOL_ERROR:\n${[...crashes].map(([where, what]) => `  ${where}: ${what}`).join('\n')}`);
});
