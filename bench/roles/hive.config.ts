// Hive Gateway's configuration in the benchmark (`--config-path`): every fetch to a subgraph
// carries a caller context signed with the gateway's key, as Rantau's gateway sends it, so Hive
// Gateway can serve the same subgraphs, which refuse any request without one. Hive Gateway does
// not verify callers: the context names one fixed case officer (docs/security.md).
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { defineConfig } from '@graphql-hive/gateway';
import { readConfig } from '../../platform/config.js';
import type { Caller } from '../../platform/caller.js';
import { signerFromSettings } from '../../bin/trustRuntime.js';
import { readChildInput, type GatewayInput } from './protocol.js';

const input = readChildInput<GatewayInput>();
const signer = await signerFromSettings(readConfig().trust, 'rantau-gateway');
const caller: Omit<Caller, 'requestId'> = { client: 'bench-hive', memberState: 'IDN', role: 'case-officer', purposes: ['PERMIT_APPLICATION'], purpose: 'PERMIT_APPLICATION', officer: 'bench', subject: null };

/** Subgraph name (the context's audience) by URL, from the supergraph's join__Graph values; re-read when it changes. */
function audiences(): Map<string, string> {
  const sdl = readFileSync(input.supergraphFile, 'utf8');
  return new Map([...sdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)].map(([, name, url]) => [url, name]));
}
let byUrl = audiences();

export const gatewayConfig = defineConfig({
  plugins: () => [
    {
      async onFetch({ url, options, setOptions }) {
        if (!byUrl.has(url)) byUrl = audiences();
        const audience = byUrl.get(url);
        if (!audience) return;
        const body = typeof options.body === 'string' ? options.body : '';
        const signed = await signer.headerFor({ caller: { ...caller, requestId: randomUUID() } }, audience, url, body, options.method ?? 'POST');
        setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), ...signed } });
      },
    },
  ],
});
