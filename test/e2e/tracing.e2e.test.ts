import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { SpanKind } from '@opentelemetry/api';
import { startTestStack, type TestStack } from './testStack.js';
import { entryFor } from '../../bin/topology.js';
import { sampleCandidates } from '../../bin/sampleWorker.js';
import { defaultPopulation } from '../../sandbox/population/population.js';
import { startTracing, type Tracing } from '../../platform/tracing.js';
import { configureLogs, standardSink } from '../../platform/logger.js';

// One `worker` query through the embedded stack (real HTTP between every service) with an
// in-memory exporter: one trace holds the gateway, the regional subgraph, both country subgraphs,
// their registry calls and their cache reads, each service's server span the child of its
// caller's client span, which only the `traceparent` header can have told it.
const population = defaultPopulation();
const [worker] = sampleCandidates(population, ['IDN', 'MYS'], 40, 2);
const person = population.people.find((p) => p.passportNo === worker.documentNumber && p.dateOfBirth === worker.dateOfBirth);
const WORKER = `query W($n: String!, $d: String!, $b: Date) { worker(nationality: $n, documentNumber: $d, dateOfBirth: $b) { countries certifications { id status } permits { id status } } }`;

describe('one trace across every hop of a worker query', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let stack: TestStack;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    configureLogs({ level: 'debug', sink: (_level, line) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    tracing = startTracing({ exporter: 'none', serviceName: 'rantau-test' }, { spanProcessors: [new SimpleSpanProcessor(exporter)] });
    stack = await startTestStack({ countries: [entryFor('IDN'), entryFor('MYS')] });
  });
  afterAll(async () => {
    await stack?.close();
    await tracing?.shutdown();
    configureLogs({ level: 'info', sink: standardSink });
  });

  it('covers gateway, regional, countries, registries and caches, without personal data', async () => {
    exporter.reset();
    lines.length = 0;
    const result = await stack.query<{ worker: { countries: string[] } }>(WORKER, { n: worker.nationality, d: worker.documentNumber, b: worker.dateOfBirth });
    expect(result.errors).toBeUndefined();
    expect(result.data!.worker.countries.sort()).toEqual(['IDN', 'MYS']);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const spans = exporter.getFinishedSpans();
    const server = (service: string) => spans.filter((span) => span.kind === SpanKind.SERVER && span.attributes['rantau.service'] === service);
    const [gateway] = server('gateway');
    expect(gateway).toBeDefined();
    const traceId = gateway.spanContext().traceId;
    const trace = spans.filter((span) => span.spanContext().traceId === traceId);
    const byId = new Map(trace.map((span) => [span.spanContext().spanId, span]));
    const parentOf = (span: ReadableSpan) => byId.get(span.parentSpanContext?.spanId ?? '');

    // Every service's server spans are in the gateway's trace, each the child of a client span that called it.
    for (const service of ['regional', 'subgraph-idn', 'subgraph-mys']) {
      const spansOfService = server(service);
      expect(spansOfService.length, service).toBeGreaterThan(0);
      for (const span of spansOfService) {
        expect(span.spanContext().traceId, service).toBe(traceId);
        expect(parentOf(span)?.kind, service).toBe(SpanKind.CLIENT);
      }
    }
    const registryCalls = trace.filter((span) => span.name.startsWith('registry '));
    expect(registryCalls.filter((span) => span.attributes['rantau.country'] === 'IDN').length).toBeGreaterThan(0);
    expect(registryCalls.filter((span) => span.attributes['rantau.country'] === 'MYS').length).toBeGreaterThan(0);
    for (const span of registryCalls) expect(span.attributes['http.route']).toMatch(/^(GET|POST) \//);
    const caches = trace.filter((span) => span.name.startsWith('cache '));
    expect(caches.map((span) => span.name)).toEqual(expect.arrayContaining(['cache locator', 'cache record']));
    for (const span of caches) expect(['hit', 'miss', 'partial', 'stale']).toContain(span.attributes['rantau.cache.outcome']);
    // A registry call hangs under its country's server span.
    const servedBy = (span: ReadableSpan): ReadableSpan | undefined => (span.kind === SpanKind.SERVER ? span : parentOf(span) && servedBy(parentOf(span)!));
    expect(servedBy(registryCalls[0])?.attributes['rantau.service']).toMatch(/^subgraph-/);

    // Each service's JSON access line carries the gateway's request id and trace id.
    const access = lines.filter((line) => line.msg === 'request' && line.traceId === traceId);
    expect(new Set(access.map((line) => line.service))).toEqual(new Set(['gateway', 'regional', 'subgraph-idn', 'subgraph-mys']));
    expect(new Set(access.map((line) => line.requestId)).size).toBe(1);
    expect(access.every((line) => typeof line.spanId === 'string' && line.status === 200)).toBe(true);

    // Nothing about the person: not the document, the name, the birth date.
    expect(person, 'the sampled worker is in the population').toBeDefined();
    const values = JSON.stringify([trace.map((span) => [span.name, span.attributes, span.events]), access]);
    for (const secret of [worker.documentNumber, worker.dateOfBirth, person?.fullName, person?.family.latin].filter((value): value is string => Boolean(value))) {
      expect(values).not.toContain(secret);
    }
  });
});
