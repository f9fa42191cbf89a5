import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { RouteHandler } from './httpResponses.js';

/**
 * The Prometheus metrics of one service (gateway, regional or a country subgraph). Each service
 * has its own registry, so the embedded stack, which runs every service in one process, still
 * serves each service's figures at that service's `/metrics`.
 */
export type CacheOutcome = 'hit' | 'miss' | 'negative_hit' | 'stale' | 'coalesced' | 'invalidated';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Distinct operation names a service keeps as label values before counting the rest as `other`. */
export const DEFAULT_OPERATION_LABELS = 100;
/** Longest operation-name label; longer names are cut (a label is for people reading dashboards). */
export const OPERATION_LABEL_CHARS = 64;

/**
 * A label whose values come from clients, kept bounded: every series a value creates lives until
 * the process ends, so an unbounded label is a memory leak anyone can drive (one client once grew
 * `/metrics` to 74 MB with distinct operation names). The first `limit` distinct values are kept,
 * each cut to `maxChars` characters of `[A-Za-z0-9_]`; every later one is `other`.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(
    readonly limit: number,
    readonly maxChars = OPERATION_LABEL_CHARS,
  ) {}

  value(raw: string): string {
    const clean = raw.slice(0, this.maxChars).replace(/[^A-Za-z0-9_]/g, '_');
    if (this.seen.has(clean)) return clean;
    if (this.seen.size >= this.limit) return 'other';
    this.seen.add(clean);
    return clean;
  }
}

export class ServiceMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'operation' | 'outcome'>;
  readonly requestSeconds: Histogram<'operation'>;
  readonly cache: Counter<'cache' | 'country' | 'kind' | 'outcome'>;
  readonly cacheErrors: Counter<'operation'>;
  readonly registryCalls: Counter<'country' | 'registry' | 'route' | 'status'>;
  readonly registryErrors: Counter<'country' | 'registry' | 'reason'>;
  readonly registrySeconds: Histogram<'country' | 'registry'>;
  readonly batchSize: Histogram<'country' | 'registry'>;
  /** The `operation` label of the two request metrics. */
  readonly operations: BoundedLabel;
  /** The country index (subgraphs/kit/index/): records held, pages and records synchronised, failures, and how far behind each registry it is. */
  readonly indexRecords: Gauge<'country' | 'registry'>;
  readonly indexPages: Counter<'country' | 'registry'>;
  readonly indexSynced: Counter<'country' | 'registry' | 'phase'>;
  readonly indexSyncFailures: Counter<'country' | 'registry' | 'reason'>;
  readonly indexLagSeconds: Gauge<'country' | 'registry'>;
  /** When each registry's index was last complete (`<country>/<registry>` → ISO instant), read at scrape time for the lag. */
  readonly indexSyncedAt = new Map<string, string>();

  constructor(
    readonly service: string,
    operationLabels = DEFAULT_OPERATION_LABELS,
  ) {
    this.operations = new BoundedLabel(operationLabels);
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.requests = new Counter({ name: 'rantau_graphql_requests_total', help: 'GraphQL operations answered, by operation name and outcome (ok, partial, error).', labelNames: ['operation', 'outcome'], registers });
    this.requestSeconds = new Histogram({ name: 'rantau_graphql_request_duration_seconds', help: 'Time to answer a GraphQL operation.', labelNames: ['operation'], buckets: LATENCY_BUCKETS, registers });
    this.cache = new Counter({ name: 'rantau_cache_events_total', help: 'Cache lookups by cache (record, locator, response, apq), country, record kind and outcome (hit, miss, negative_hit, stale, coalesced, invalidated).', labelNames: ['cache', 'country', 'kind', 'outcome'], registers });
    this.cacheErrors = new Counter({ name: 'rantau_cache_errors_total', help: 'Cache store operations that failed and fell back to the registries (Redis unreachable or slow).', labelNames: ['operation'], registers });
    this.registryCalls = new Counter({ name: 'rantau_registry_calls_total', help: 'HTTP calls to national registries, by route and status (HTTP status, timeout or connection).', labelNames: ['country', 'registry', 'route', 'status'], registers });
    this.registryErrors = new Counter({ name: 'rantau_registry_errors_total', help: 'Registry calls that failed: 5xx, 429, timeout or dropped connection.', labelNames: ['country', 'registry', 'reason'], registers });
    this.registrySeconds = new Histogram({ name: 'rantau_registry_call_duration_seconds', help: 'Latency of registry calls.', labelNames: ['country', 'registry'], buckets: LATENCY_BUCKETS, registers });
    this.indexRecords = new Gauge({ name: 'rantau_index_records', help: 'Records in the country index after its last full pass, by registry.', labelNames: ['country', 'registry'], registers });
    this.indexPages = new Counter({ name: 'rantau_index_pages_total', help: 'Pages of a registry\'s bulk interface written to the country index (full passes).', labelNames: ['country', 'registry'], registers });
    this.indexSynced = new Counter({ name: 'rantau_index_records_synced_total', help: 'Records written to the country index, by phase (full: a full pass; incremental: change feed or issue-date window). Its rate is the sync rate.', labelNames: ['country', 'registry', 'phase'], registers });
    this.indexSyncFailures = new Counter({ name: 'rantau_index_sync_failures_total', help: 'Sync rounds that failed and were retried later (the registry\'s error code, or index store).', labelNames: ['country', 'registry', 'reason'], registers });
    const syncedAt = this.indexSyncedAt;
    this.indexLagSeconds = new Gauge({
      name: 'rantau_index_lag_seconds',
      help: 'Seconds since the country index last held the registry completely (absent before a first full pass).',
      labelNames: ['country', 'registry'],
      registers,
      collect() {
        for (const [key, at] of syncedAt) {
          const [country, registry] = key.split('/');
          this.set({ country, registry }, Math.max(0, (Date.now() - Date.parse(at)) / 1000));
        }
      },
    });
    this.batchSize = new Histogram({ name: 'rantau_registry_batch_size', help: 'Ids asked per registry fetch (1 for registries without a batch endpoint).', labelNames: ['country', 'registry'], buckets: [1, 2, 5, 10, 20, 25, 40, 50, 100, 200], registers });
  }

  /** One HTTP attempt to a registry (the kit's registry-metrics plugin reports each). */
  readonly recordAttempt = (attempt: { country: string; registry: string; route: string; status: number | 'timeout' | 'connection'; durationMs: number }): void => {
    const status = String(attempt.status);
    this.registryCalls.inc({ country: attempt.country, registry: attempt.registry, route: attempt.route, status });
    this.registrySeconds.observe({ country: attempt.country, registry: attempt.registry }, attempt.durationMs / 1000);
    const failed = typeof attempt.status !== 'number' || attempt.status === 429 || attempt.status >= 500;
    if (failed) this.registryErrors.inc({ country: attempt.country, registry: attempt.registry, reason: typeof attempt.status === 'number' ? `http-${attempt.status}` : attempt.status });
  };

  readonly route: RouteHandler = async (_req, res) => {
    res.writeHead(200, { 'content-type': this.registry.contentType });
    res.end(await this.registry.metrics());
  };
}

/** Counts and times every operation a service answers; `partial` means data and errors together. */
export function metricsPlugin<C extends BaseContext>(metrics: ServiceMetrics): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, response }) {
          // Only a name the parsed document declares (never the raw `operationName` of a request that
          // failed before parsing), and only from the bounded set.
          const operation = operationName ? metrics.operations.value(operationName) : 'anonymous';
          let outcome = 'ok';
          if (response.body.kind === 'single') {
            const { data, errors } = response.body.singleResult;
            if (errors?.length) outcome = data ? 'partial' : 'error';
          }
          metrics.requests.inc({ operation, outcome });
          metrics.requestSeconds.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
