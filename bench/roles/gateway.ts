import 'reflect-metadata';
import { startGateway } from '../../gateway/server.js';
import { readConfig } from '../../platform/config.js';
import { gatewayCaching, gatewayLimits } from '../../bin/runtime.js';
import { runChild } from './childLifecycle.js';
import { readChildInput, type GatewayInput, type GatewayReady } from './protocol.js';

/** A Rantau `gateway` process over a supergraph file, with the caches its configuration asks for. */
runChild<GatewayReady>(async () => {
  const input = readChildInput<GatewayInput>();
  const running = await startGateway({ supergraph: { kind: 'file', path: input.supergraphFile }, port: 0, ...gatewayCaching(readConfig()), ...(await gatewayLimits(readConfig())) });
  return { ready: { url: `${running.url}/graphql` }, close: running.close };
});
