import { fileURLToPath } from 'node:url';
import { freePort } from '../../platform/httpServer.js';
import { Logger, run } from '@graphql-hive/gateway';
import { runChild } from './childLifecycle.js';
import { readChildInput, type GatewayReady, type HiveInput } from './protocol.js';

/**
 * A `hive` process: Hive Gateway's own CLI (`hive-gateway supergraph <file> --port N`), run in
 * this process rather than through its bin so that it exits with the benchmark like every other
 * child, configured by bench/roles/hive.config.ts (which reads the same input). One process
 * (`--fork 1`) and no logging: it would log every partial answer's errors, and a failed start
 * still reaches the parent through runChild.
 */
async function waitUntilReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Hive Gateway was not ready at ${url} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

runChild<GatewayReady>(async () => {
  const input = readChildInput<HiveInput>();
  const port = await freePort();
  // The CLI reads its arguments from process.argv, exactly as `hive-gateway` would receive them.
  process.argv = [process.argv[0], 'hive-gateway', 'supergraph', input.supergraphFile, '--host', '127.0.0.1', '--port', String(port), '--fork', '1', '--config-path', fileURLToPath(new URL('./hive.config.ts', import.meta.url))];
  await run({ log: new Logger({ level: false }) });
  const base = `http://127.0.0.1:${port}`;
  await waitUntilReady(`${base}/readiness`, 60_000);
  return { ready: { url: `${base}/graphql` }, close: async () => undefined };
});
