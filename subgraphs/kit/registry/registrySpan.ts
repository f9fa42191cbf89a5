// The trace span of one logical registry call (retries and waits included): country, registry
// and route template only. The URL is left out on purpose: it can hold a travel document number.
import { SpanKind, inSpan } from '../../../platform/tracing.js';

export function registrySpan<R extends { status: number }>(client: { country: string; registry: string }, route: string, call: () => Promise<R>): Promise<R> {
  const attributes = { 'rantau.country': client.country, 'rantau.registry': client.registry, 'http.route': route };
  return inSpan(`registry ${client.country}/${client.registry} ${route}`, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    const response = await call();
    span.setAttribute('http.response.status_code', response.status);
    return response;
  });
}
