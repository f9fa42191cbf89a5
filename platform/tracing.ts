/**
 * OpenTelemetry traces. Every service opens a server span per request (platform/httpServer.ts),
 * continuing the caller's trace from its W3C `traceparent`; calls to other services carry
 * `traceparent` on (tracedFetch); the kit adds spans for registry calls and cache reads. Span
 * attributes name countries, registries, routes and cache outcomes, never personal data: no
 * variables, no URLs with ids in them.
 *
 * Nothing is recorded unless `startTracing` registered a provider: the standard OTEL_* settings
 * choose the exporter (OTLP over HTTP: OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_HEADERS,
 * read by the exporter itself; sampling: OTEL_TRACES_SAMPLER, read by the SDK).
 */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { NodeTracerProvider, BatchSpanProcessor, ConsoleSpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { TracingSettings } from './config.js';
import { currentRequestId } from './logger.js';

const TRACER = 'rantau';

export interface Tracing {
  /** Flushes what is buffered and unregisters the provider. */
  shutdown(): Promise<void>;
}

/**
 * Registers the process's tracer provider (with W3C trace-context propagation). `spanProcessors`
 * are added to the exporter the settings name (tests pass an in-memory one).
 */
export function startTracing(settings: TracingSettings & { serviceName: string }, extra: { spanProcessors?: SpanProcessor[] } = {}): Tracing {
  const processors = [...(extra.spanProcessors ?? [])];
  if (settings.exporter === 'otlp') processors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
  if (settings.exporter === 'console') processors.push(new BatchSpanProcessor(new ConsoleSpanExporter()));
  if (processors.length === 0) return { shutdown: async () => undefined };
  const provider = new NodeTracerProvider({ resource: resourceFromAttributes({ 'service.name': settings.serviceName }), spanProcessors: processors });
  provider.register();
  return {
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** Runs `fn` in a new span, ended when it settles; a throw marks the span failed. */
export async function inSpan<T>(name: string, options: { kind?: SpanKind; attributes?: Attributes; parent?: Context }, fn: (span: Span) => Promise<T>): Promise<T> {
  const parent = options.parent ?? context.active();
  const span = trace.getTracer(TRACER).startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    const { code, reason } = (error as { extensions?: { code?: unknown; reason?: unknown } }).extensions ?? {};
    if (typeof code === 'string') span.setAttribute('rantau.error.code', code);
    if (typeof reason === 'string') span.setAttribute('rantau.error.reason', reason);
    throw error;
  } finally {
    span.end();
  }
}

/** The caller's trace context, from the headers of an incoming request (never from this process's own context). */
export function callerContext(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(ROOT_CONTEXT, headers);
}

/** Headers that carry the trace and the request id on to the next service. */
export function propagationHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  const requestId = currentRequestId();
  if (requestId) headers['x-request-id'] = requestId;
  return headers;
}

/** `fetch` to another Rantau service: a client span, and `traceparent` and `x-request-id` on the request. */
export const tracedFetch: typeof fetch = (input, init = {}) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const method = init.method ?? (input instanceof Request ? input.method : 'GET');
  return inSpan(`${method} ${url.pathname}`, { kind: SpanKind.CLIENT, attributes: { 'http.request.method': method, 'server.address': url.hostname, 'server.port': Number(url.port) || 80, 'url.path': url.pathname } }, async (span) => {
    const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
    for (const [name, value] of Object.entries(propagationHeaders())) headers.set(name, value);
    const response = await fetch(input, { ...init, headers });
    span.setAttribute('http.response.status_code', response.status);
    return response;
  });
};

export { SpanKind };
