import 'reflect-metadata';
import { startGateway } from '../../gateway/server.js';
import { readConfig } from '../../platform/config.js';
import { gatewayAudit, gatewayCaching, gatewayLimits } from '../../bin/runtime.js';
import { accessTokenVerifier, devIssuerFromSettings, signerFromSettings } from '../../bin/trustRuntime.js';
import { unsignedContexts, unverifiedTokens } from './trustOff.js';
import { runChild } from './childLifecycle.js';
import { readChildInput, type GatewayInput, type GatewayReady } from './protocol.js';

/**
 * A Rantau `gateway` process over a supergraph file, as `npm run service -- gateway` builds it
 * (its audit chain included): with its response cache unless the input turns it off, and with
 * trust on unless the input asks for the benchmark's trust-off build (bench/roles/trustOff.ts).
 */
runChild<GatewayReady>(async () => {
  const input = readChildInput<GatewayInput>();
  const config = readConfig();
  // Keys and the development issuer's key file come from the benchmark's topology (bench/processes/topology.ts).
  const off = input.trust === 'off';
  const trust = off
    ? { tokens: unverifiedTokens(), signer: unsignedContexts('rantau-gateway') }
    : { tokens: accessTokenVerifier(config.trust, await devIssuerFromSettings(config.trust)), signer: await signerFromSettings(config.trust, 'rantau-gateway') };
  const caching = gatewayCaching(config);
  if (input.responseCache === false) delete caching.cache;
  // The gateway's own audit chain is part of trust: the trust-off build writes none.
  const running = await startGateway({ supergraph: { kind: 'file', path: input.supergraphFile }, port: 0, trust, ...caching, ...(off ? {} : gatewayAudit(config)), ...(await gatewayLimits(config)) });
  return { ready: { url: `${running.url}/graphql` }, close: running.close };
});
