import { afterAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import { readConfig } from './config.js';
import { listen } from './httpServer.js';
import { inSpan, startTracing } from './tracing.js';

// The standard OTEL_* settings decide export: an OTLP endpoint alone turns OTLP/HTTP export on,
// OTEL_TRACES_EXPORTER=none turns it off again.
describe('trace export from the OTEL_* settings', () => {
  const received: Array<{ path: string; bytes: number }> = [];
  const collector = createServer((req, res) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => {
      received.push({ path: req.url ?? '', bytes });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  const running = listen(collector, 0);
  afterAll(async () => (await running).close());

  it('reads the exporter choice', () => {
    expect(readConfig({}).tracing.exporter).toBe('none');
    expect(readConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing.exporter).toBe('otlp');
    expect(readConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' }).tracing.exporter).toBe('none');
    expect(() => readConfig({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(/OTEL_TRACES_EXPORTER/);
  });

  it('sends spans over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT', async () => {
    const { url } = await running;
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = url;
    try {
      const config = readConfig();
      const tracing = startTracing({ ...config.tracing, serviceName: 'rantau-test' });
      await inSpan('work', { attributes: { 'rantau.country': 'IDN' } }, async () => undefined);
      await tracing.shutdown();
      expect(received).toEqual([{ path: '/v1/traces', bytes: expect.any(Number) }]);
      expect(received[0].bytes).toBeGreaterThan(0);
    } finally {
      delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    }
  });
});
