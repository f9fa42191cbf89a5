import { batchEndpoint, batchLimitOf } from '../../subgraphs/kit/adapter.js';
import 'reflect-metadata';
import { countryEntries } from '../../subgraphs/countries.js';
import { loadSimulators } from '../../sandbox/countrySimulators.js';
import { startSimulator, type RunningSimulator } from '../../sandbox/simulator/simulator.js';
import { runChild } from './childLifecycle.js';
import { readChildInput, type RegistriesInput, type RegistriesReady, type RegistryEndpoint } from './protocol.js';

/**
 * The `registries` process: every simulator of every served country on an ephemeral port, with
 * its published latency and (times the rate scale) its published rate limit, and no injected
 * faults — a benchmark measures Rantau, not the dice.
 */
runChild<RegistriesReady>(async () => {
  const input = readChildInput<RegistriesInput>();
  const started: RunningSimulator[] = [];
  const registries: RegistryEndpoint[] = [];
  const close = async () => {
    await Promise.all(started.map((simulator) => simulator.close().catch(() => undefined)));
  };
  try {
    for (const entry of countryEntries) {
      const simulators = await loadSimulators(entry.code);
      for (const definition of simulators) {
        const { profile } = definition;
        const simulator = await startSimulator(definition, {
          port: 0,
          config: { latencyMs: definition.behaviour.latencyMs, ratePerSecond: profile.ratePerSecond * input.rateScale, faultRate: 0, hangRate: 0, down: false },
        });
        started.push(simulator);
        registries.push({
          key: `${entry.code}/${profile.key}`,
          country: entry.code,
          registry: profile.key,
          url: simulator.url,
          batchLimit: batchLimitOf(profile),
          batchRoute: batchEndpoint(profile)?.route ?? null,
          changeFeedRoute: profile.changeFeed?.route ?? null,
          ratePerSecond: simulator.config.ratePerSecond,
          operatorToken: simulator.operatorToken,
        });
      }
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { ready: { registries }, close };
});
