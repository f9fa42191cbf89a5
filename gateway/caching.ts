import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import type { CacheStore } from '../platform/store/store.js';
import { StoreKeyValueCache } from '../platform/store/keyValueCache.js';
import type { CacheSettings } from '../platform/config.js';
import type { ServiceMetrics } from '../platform/metrics.js';
import { trace } from '@opentelemetry/api';

/**
 * The gateway's two caches over the shared store: automatic persisted queries, and whole
 * responses for identical operations and variables.
 *
 * Responses are reused only as the subgraphs allow: Apollo Gateway folds each subgraph's
 * `Cache-Control` into the operation's policy, and the plugin stores nothing with errors or
 * without a positive max-age. Every Rantau answer is `private` (it is about one person), so
 * entries are keyed by caller: the hash of the credentials the caller presented. Callers who
 * present none all see the same data and share `anonymous`; a deployment that authorises callers
 * differently gives each credential its own entries, never another caller's.
 */
export function callerId(headers: { get(name: string): string | undefined }): string {
  const credentials = headers.get('authorization') ?? headers.get('x-api-key');
  return credentials ? createHash('sha256').update(credentials).digest('base64url') : 'anonymous';
}

export function persistedQueries(store: CacheStore, settings: Pick<CacheSettings, 'apqTtlS'>) {
  return { cache: new StoreKeyValueCache(store, 'rantau:apq:v1:', settings.apqTtlS), ttl: settings.apqTtlS };
}

export function responseCache(store: CacheStore, settings: Pick<CacheSettings, 'responseTtlS'>): ApolloServerPlugin<BaseContext> {
  return responseCachePlugin({
    cache: new StoreKeyValueCache(store, 'rantau:resp:v1:', settings.responseTtlS),
    sessionId: async (context: GraphQLRequestContext<BaseContext>) => callerId(context.request.http?.headers ?? new Map()),
  });
}

/** Response-cache and persisted-query hits and misses, for `/metrics` and on the request's span. */
export function cacheMetricsPlugin(metrics: ServiceMetrics): ApolloServerPlugin<BaseContext> {
  const count = (cache: string, outcome: string) => metrics.cache.inc({ cache, country: '', kind: '', outcome });
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ metrics: request }) {
          count('response', request.responseCacheHit ? 'hit' : 'miss');
          trace.getActiveSpan()?.setAttributes({ 'rantau.cache.response': request.responseCacheHit ? 'hit' : 'miss', ...(request.persistedQueryHit ? { 'rantau.cache.apq': 'hit' } : {}) });
          if (request.persistedQueryHit) count('apq', 'hit');
          if (request.persistedQueryRegister) count('apq', 'miss');
        },
      };
    },
  };
}
