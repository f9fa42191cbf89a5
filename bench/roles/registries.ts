import { batchEndpoint, batchLimitOf } from '../../subgraphs/kit/adapter.js';
import 'reflect-metadata';
import { countryEntries } from '../../subgraphs/countries.js';
import { loadSimulators } from '../../sandbox/countrySimulators.js';
import { startSimulator, type RunningSimulator } from '../../sandbox/simulator/simulator.js';
import { createServer, type Server } from 'node:http';
import { listen } from '../../platform/httpServer.js';
import { runChild } from './childLifecycle.js';
import { readChildInput, type RegistriesInput, type RegistriesReady, type RegistryCallTiming, type RegistryEndpoint } from './protocol.js';

const now = () => performance.timeOrigin + performance.now();

/**
 * Records every registry call a simulator serves (control, health and change-feed routes left
 * out): from the request's arrival to the last byte of its answer, so published latency and
 * anything the simulator adds are in it. Listening beside the simulator's own handler changes
 * nothing it does.
 */
function recordCalls(server: Server, key: string, skip: (path: string) => boolean, into: RegistryCallTiming[]): void {
  server.on('request', (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path.startsWith('/__sim/') || path === '/health' || skip(`${req.method} ${path}`)) return;
    const startMs = now();
    res.on('finish', () => {
      // A bounded log: the cold-floor probe reads it right after its few requests.
      if (into.length < 200_000) into.push({ registry: key, startMs, endMs: now() });
    });
  });
}

/** `GET /timings` lists the recorded calls, `DELETE /timings` empties the list. */
async function timingsServer(timings: RegistryCallTiming[]) {
  const server = createServer((req, res) => {
    if (req.method === 'DELETE') timings.length = 0;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(req.method === 'DELETE' ? '{}' : JSON.stringify(timings));
  });
  return listen(server, 0, '127.0.0.1');
}

/**
 * The `registries` process: every simulator of every served country on an ephemeral port, with
 * its published latency and (times the rate scale) its published rate limit, and no injected
 * faults — a benchmark measures Rantau, not the dice.
 */
runChild<RegistriesReady>(async () => {
  const input = readChildInput<RegistriesInput>();
  const started: RunningSimulator[] = [];
  const registries: RegistryEndpoint[] = [];
  const timings: RegistryCallTiming[] = [];
  const timingServer = await timingsServer(timings);
  const close = async () => {
    await Promise.all([...started, timingServer].map((server) => server.close().catch(() => undefined)));
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
        const feed = profile.changeFeed?.route ?? null;
        recordCalls(simulator.server, `${entry.code}/${profile.key}`, (route) => feed !== null && route === feed, timings);
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
  return { ready: { registries, timingsUrl: `${timingServer.url}/timings` }, close };
});
