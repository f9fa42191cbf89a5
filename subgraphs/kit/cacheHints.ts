import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { parseGlobalId, type RecordKind } from '../../schema/ids/index.js';
import type { ContractRecord } from './records.js';

/**
 * How long a gateway may reuse a subgraph's answer. Every resolver that can be reused restricts
 * the hint; an operation where nothing did, or where any part said 0 (a stale record, an unknown
 * id), is not reusable. The answer is sent as `Cache-Control: max-age=N, private`, which Apollo
 * Gateway folds into its own policy: `private` because every answer is about one person.
 */
export class ResponseCacheHint {
  private maxAgeS: number | null = null;

  restrict(maxAgeS: number): void {
    this.maxAgeS = this.maxAgeS === null ? maxAgeS : Math.min(this.maxAgeS, maxAgeS);
  }

  /** The header value, or null when the answer must not be reused. */
  header(): string | null {
    return this.maxAgeS !== null && this.maxAgeS > 0 ? `max-age=${this.maxAgeS}, private` : null;
  }
}

export interface CacheHintContext extends BaseContext {
  cacheHint: ResponseCacheHint;
}

/** A record answered from a country subgraph: reusable for its kind's max age unless stale or unknown. */
export function recordCacheHint(record: ContractRecord | null, context: CacheHintContext, maxAgeS: Partial<Record<RecordKind, number>>): void {
  if (!record || record.stale) {
    context.cacheHint.restrict(0);
    return;
  }
  context.cacheHint.restrict(maxAgeS[parseGlobalId(record.id).kind] ?? 0);
}

export function cacheHintPlugin<C extends CacheHintContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || response.body.singleResult.errors?.length) return;
          const header = contextValue.cacheHint.header();
          if (header) response.http.headers.set('cache-control', header);
        },
      };
    },
  };
}
