// Registry calls in the subgraph's /metrics: every HTTP attempt (route, status, latency) and the
// size of every fetch by number.
import type { ServiceMetrics } from '../../../platform/metrics.js';
import type { CountryPlugin } from './plugin.js';

export function registryMetrics(metrics: ServiceMetrics): CountryPlugin {
  return {
    name: 'registry-metrics',
    onRegistryAttempt: (attempt) => metrics.recordAttempt(attempt),
    onRegistryFetch: (source, size) => metrics.batchSize.observe({ country: source.country, registry: source.registry }, size),
  };
}
