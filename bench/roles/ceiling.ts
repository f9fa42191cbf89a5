import { createServer } from 'node:http';
import { listen } from '../../platform/httpServer.js';
import { runChild } from './childLifecycle.js';
import { readChildInput, type CeilingInput, type GatewayReady } from './protocol.js';

/**
 * The static ceiling: the least an HTTP server on this machine can do for the same request, a
 * minimal Node server that reads the whole request body and answers with the very bytes Rantau
 * answered (the same length, the same content type). What a gateway reaches of its throughput is
 * the share of the machine it does not spend on anything but HTTP.
 */
runChild<GatewayReady>(async () => {
  const input = readChildInput<CeilingInput>();
  const body = Buffer.from(input.body);
  const headers = { 'content-type': input.contentType, 'content-length': String(body.length) };
  const server = createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      res.writeHead(200, headers);
      res.end(body);
    });
  });
  const running = await listen(server, 0, '127.0.0.1');
  return { ready: { url: `${running.url}/graphql` }, close: running.close };
});
