import { createHmac } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import { entitlement, type Caller } from '../platform/caller.js';
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
 * entries are keyed by entitlement: what each owner's policy decides by — the caller's role,
 * member state and declared purpose, and for a subject the identity the token is bound to. Two
 * officers of one member state asking for one purpose see the same answer; a caller with any
 * other entitlement never gets theirs. Anonymous callers reach public fields only and share
 * public entries.
 *
 * Keys: Apollo's plugin keys an entry by a plain SHA-256 of the operation and its variables,
 * which anyone could recompute for a guessed passport number; here the key is an HMAC under the
 * deployment's cache secret, so a key in Redis says nothing about whom it is for.
 */

export function persistedQueries(store: CacheStore, settings: Pick<CacheSettings, 'apqTtlS'>) {
  return { cache: new StoreKeyValueCache(store, 'rantau:apq:v1:', settings.apqTtlS), ttl: settings.apqTtlS };
}

export function responseCache(store: CacheStore, settings: Pick<CacheSettings, 'responseTtlS'>, keySecret: Buffer): ApolloServerPlugin<BaseContext> {
  return responseCachePlugin({
    cache: new StoreKeyValueCache(store, 'rantau:resp:v2:', settings.responseTtlS),
    sessionId: async (context: GraphQLRequestContext<BaseContext>) => {
      const caller = (context.contextValue as { caller?: Caller | null }).caller;
      return caller ? entitlement(caller) : null;
    },
    generateCacheKey: (_context, key) => createHmac('sha256', keySecret).update(JSON.stringify(key)).digest('base64url'),
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
