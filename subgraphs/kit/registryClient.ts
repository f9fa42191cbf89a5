import { RegistryError } from '../../schema/errors/index.js';
import { Limiter } from './limiter.js';
import type { RegistryBreaker } from './registry/circuitBreaker.js';
import type { Pacer } from './registry/sharedPacing.js';
import { registrySpan } from './registry/registrySpan.js';
import { currentCallerKey } from '../../platform/callerScope.js';

/**
 * The one HTTP client every adapter uses. Contract: a call either resolves with the registry's
 * answer (any status the adapter must interpret: 200, 404, 400) or rejects with a RegistryError
 * naming the country and registry: REGISTRY_UNAVAILABLE after a timeout, a dropped connection or
 * a 5xx (idempotent reads are retried once first), REGISTRY_RATE_LIMITED when a 429's Retry-After
 * does not fit the time budget left.
 */
export interface RegistryClientOptions {
  country: string;
  registry: string;
  baseUrl: string;
  /** Time budget of one logical call, retries and Retry-After waits included. */
  timeoutMs: number;
  maxConcurrency: number;
  ratePerSecond: number;
  /** Fails calls at once while the registry keeps failing (registry/circuitBreaker.ts). */
  breaker?: RegistryBreaker;
  /** Pacing shared with the other replicas (registry/sharedPacing.ts); the limiter alone paces this process. */
  pacer?: Pacer;
  /** Called once per HTTP attempt; metrics hang here. */
  onAttempt?: (attempt: RegistryAttempt) => void;
  /**
   * A call that would wait longer than this for its turn under the registry's rate fails at once
   * with REGISTRY_RATE_LIMITED (and when to retry), instead of holding its whole answer past the
   * country's time budget; absent, calls wait their turn however long (the index's sync).
   */
  maxQueueWaitMs?: number;
}

export interface RegistryAttempt {
  country: string;
  registry: string;
  route: string;
  status: number | 'timeout' | 'connection';
  durationMs: number;
}

export interface RegistryRequest {
  method?: 'GET' | 'POST';
  /** Route template for metrics and messages, e.g. `GET /sertifikat/{nomor}`; defaults to the path. */
  route?: string;
  query?: Record<string, string | number | undefined | null>;
  json?: unknown;
  accept?: string;
  /** Reads are idempotent even when sent as POST (batch lookups); only those are retried. */
  idempotent?: boolean;
  headers?: Record<string, string>;
  /**
   * This call's budget in place of the client's: for the rare call the specification says is
   * slow by nature (a whole-registry extract), never to lengthen an answer a user waits for.
   */
  timeoutMs?: number;
}

export interface RegistryResponse {
  status: number;
  headers: Headers;
  text: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class RegistryClient {
  readonly country: string;
  readonly registry: string;
  private readonly limiter: Limiter;

  constructor(private readonly options: RegistryClientOptions) {
    this.country = options.country;
    this.registry = options.registry;
    this.limiter = new Limiter({ maxConcurrency: options.maxConcurrency, ratePerSecond: options.ratePerSecond });
  }

  url(path: string, query?: RegistryRequest['query']): string {
    const url = new URL(path.replace(/^\//, ''), this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  request(path: string, request: RegistryRequest = {}): Promise<RegistryResponse> {
    const { breaker, pacer, maxQueueWaitMs } = this.options;
    if (maxQueueWaitMs !== undefined) {
      const waitMs = this.limiter.expectedWaitMs(currentCallerKey());
      if (waitMs > maxQueueWaitMs) {
        const route = request.route ?? `${request.method ?? 'GET'} ${path}`;
        return Promise.reject(this.error('REGISTRY_RATE_LIMITED', `${route}: ${this.registry} is at its published rate; this call would wait about ${Math.ceil(waitMs / 100) / 10} s for its turn`, { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), reason: 'queue' }));
      }
    }
    const call = () =>
      // Each caller queues behind its own share of the registry (the caller the request runs as).
      this.limiter.run(async () => {
        breaker?.assertNotOpen();
        await pacer?.take(request.timeoutMs ?? this.options.timeoutMs);
        return this.send(path, request);
      }, currentCallerKey());
    return registrySpan(this, request.route ?? `${request.method ?? 'GET'} ${path}`, () => (breaker ? breaker.run(call) : call()));
  }

  /** Parses a JSON body or fails with REGISTRY_PROTOCOL_ERROR naming the route. */
  json<T>(response: RegistryResponse, route: string): T {
    try {
      return JSON.parse(response.text) as T;
    } catch {
      throw this.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status} with a body that is not JSON`);
    }
  }

  error(code: ConstructorParameters<typeof RegistryError>[0], message: string, extensions: Record<string, unknown> = {}): RegistryError {
    return new RegistryError(code, this.country, this.registry, message, extensions);
  }

  private async send(path: string, request: RegistryRequest): Promise<RegistryResponse> {
    const method = request.method ?? 'GET';
    const route = request.route ?? `${method} ${path}`;
    const idempotent = request.idempotent ?? method === 'GET';
    const budgetMs = request.timeoutMs ?? this.options.timeoutMs;
    const deadline = Date.now() + budgetMs;
    const url = this.url(path, request.query);
    let retried = false;

    for (;;) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw this.error('REGISTRY_UNAVAILABLE', `${route} did not answer within ${budgetMs} ms`, { reason: 'timeout' });
      const started = Date.now();
      let response: Response;
      let text: string;
      try {
        response = await fetch(url, {
          method,
          headers: {
            accept: request.accept ?? 'application/json',
            ...(request.json !== undefined ? { 'content-type': 'application/json' } : {}),
            ...request.headers,
          },
          body: request.json !== undefined ? JSON.stringify(request.json) : undefined,
          signal: AbortSignal.timeout(remaining),
        });
        text = await response.text();
      } catch (cause) {
        const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
        this.options.onAttempt?.({ country: this.country, registry: this.registry, route, status: timedOut ? 'timeout' : 'connection', durationMs: Date.now() - started });
        if (timedOut) throw this.error('REGISTRY_UNAVAILABLE', `${route} did not answer within ${budgetMs} ms`, { reason: 'timeout' });
        if (idempotent && !retried) {
          retried = true;
          continue;
        }
        throw this.error('REGISTRY_UNAVAILABLE', `${route} dropped the connection`, { reason: 'connection' });
      }
      this.options.onAttempt?.({ country: this.country, registry: this.registry, route, status: response.status, durationMs: Date.now() - started });

      if (response.status === 429) {
        const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
        const waitMs = (retryAfterSeconds ?? 1) * 1000;
        if (Date.now() + waitMs < deadline - 50) {
          await sleep(waitMs);
          continue;
        }
        throw this.error('REGISTRY_RATE_LIMITED', `${route} is rate-limited; retry after ${retryAfterSeconds ?? '?'} s`, { retryAfterSeconds });
      }
      if (response.status >= 500) {
        if (idempotent && !retried) {
          retried = true;
          continue;
        }
        throw this.error('REGISTRY_UNAVAILABLE', `${route} answered ${response.status}`, { reason: `http-${response.status}` });
      }
      return { status: response.status, headers: response.headers, text };
    }
  }
}

/**
 * Retry-After is seconds or an HTTP date (RFC 9110). Some registries send fractional seconds
 * (`0.5`): read as written, never rounded down to "retry now".
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, (at - now) / 1000);
}
