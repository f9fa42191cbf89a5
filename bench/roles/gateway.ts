import 'reflect-metadata';
import { startGateway } from '../../gateway/server.js';
import { readConfig } from '../../platform/config.js';
import { gatewayAudit, gatewayCaching, gatewayLimits } from '../../bin/runtime.js';
import { accessTokenVerifier, devIssuerFromSettings, signerFromSettings } from '../../bin/trustRuntime.js';
import { runChild } from './childLifecycle.js';
import { readChildInput, type GatewayInput, type GatewayReady } from './protocol.js';

/** A Rantau `gateway` process over a supergraph file, with the caches its configuration asks for. */
runChild<GatewayReady>(async () => {
  const input = readChildInput<GatewayInput>();
  const config = readConfig();
  // Keys and the development issuer's key file come from the benchmark's topology (bench/processes/topology.ts).
  const trust = { tokens: accessTokenVerifier(config.trust, await devIssuerFromSettings(config.trust)), signer: await signerFromSettings(config.trust, 'rantau-gateway') };
  const running = await startGateway({ supergraph: { kind: 'file', path: input.supergraphFile }, port: 0, trust, ...gatewayCaching(config), ...gatewayAudit(config), ...(await gatewayLimits(config)) });
  return { ready: { url: `${running.url}/graphql` }, close: running.close };
});
