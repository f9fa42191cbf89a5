// Hive Gateway's configuration in the benchmark (`--config-path`), configured like Rantau's gateway
// in each way the comparison depends on (bench/README.md):
//   - callers: Hive's own JWT plugin verifies the same bearer token against the development
//     issuer's public key (issuer, audience, expiry, ES256), and refuses a request without one;
//   - the caller context: every fetch to a subgraph carries a context signed with the gateway's key
//     for the caller the verified token names and the purpose the request declares, as Rantau's
//     gateway sends it (the subgraphs refuse any request without one);
//   - response cache (when on): Hive's, in the same Redis, with Rantau's response TTL, keyed per
//     caller (the bearer token and the declared purpose);
//   - query planner: Hive's JavaScript planner, or the Rust one (@graphql-hive/router-runtime).
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createInlineSigningKeyProvider, defineConfig } from '@graphql-hive/gateway';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { readConfig } from '../../platform/config.js';
import { PURPOSES, type Caller, type Purpose } from '../../platform/caller.js';
import { callerFromClaims } from '../../platform/trust/accessToken.js';
import { signerFromSettings } from '../../bin/trustRuntime.js';
import { readChildInput, type HiveInput } from './protocol.js';

const input = readChildInput<HiveInput>();
const signer = await signerFromSettings(readConfig().trust, 'rantau-gateway');
const PURPOSE_HEADER = 'rantau-purpose';

/** Subgraph name (the context's audience) by URL, from the supergraph's join__Graph values; re-read when it changes. */
function audiences(): Map<string, string> {
  const sdl = readFileSync(input.supergraphFile, 'utf8');
  return new Map([...sdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)].map(([, name, url]) => [url, name]));
}
let byUrl = audiences();

interface HiveContext {
  jwt?: { payload: Record<string, unknown> };
  request?: Request;
}

/** The caller the verified token names, with the purpose the request declares when the token allows it. */
function callerOf(context: HiveContext): Caller | null {
  if (!context.jwt) return null;
  const claims = callerFromClaims(context.jwt.payload);
  const declared = context.request?.headers.get(PURPOSE_HEADER)?.trim() as Purpose | undefined;
  const purpose = declared && (PURPOSES as readonly string[]).includes(declared) && claims.purposes.includes(declared) ? declared : null;
  return { ...claims, purpose, requestId: randomUUID() };
}

export const gatewayConfig = defineConfig({
  ...(input.rust ? { unifiedGraphHandler } : {}),
  jwt: {
    signingKeyProviders: [createInlineSigningKeyProvider(input.issuerPublicKeyPem)],
    tokenVerification: { algorithms: ['ES256'], issuer: input.issuer, audience: input.audience },
    reject: { missingToken: true, invalidToken: true },
  },
  ...(input.responseCache
    ? {
        cache: { type: 'redis' as const, url: input.redisUrl, keyPrefix: `${input.keyPrefix}hive:` },
        responseCaching: {
          // Per caller: what the token and the declared purpose entitle to, as Rantau keys its entries.
          session: (request: Request) => `${request.headers.get('authorization') ?? ''}|${request.headers.get(PURPOSE_HEADER) ?? ''}`,
          ttl: input.responseTtlS * 1000,
        },
      }
    : {}),
  plugins: () => [
    {
      async onFetch({ url, options, setOptions, context }) {
        if (!byUrl.has(url)) byUrl = audiences();
        const audience = byUrl.get(url);
        if (!audience) return;
        const body = typeof options.body === 'string' ? options.body : '';
        const signed = await signer.headerFor({ caller: callerOf(context as HiveContext) }, audience, url, body, options.method ?? 'POST');
        setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), ...signed } });
      },
    },
  ],
});
