// Per-caller rate limit and registry-call quota, shared by every gateway replica through Redis
// (rate-limiter-flexible), with an in-process fallback: without REDIS_URL each replica counts on
// its own, and while Redis is unreachable each replica counts on its own until it is back.
//  - Requests: RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW_S, checked on the raw HTTP request,
//    before anything is parsed.
//  - Registry calls: the operation's estimate (registryBudget.ts) is taken from
//    REGISTRY_CALL_QUOTA per REGISTRY_CALL_QUOTA_WINDOW_S, once the operation is known.
// Over either: HTTP 429, `Retry-After`, code RATE_LIMITED. Keys are the caller key (callerKey.ts).
import { GraphQLError } from 'graphql';
import { HeaderMap, type ApolloServerPlugin, type BaseContext, type GraphQLRequestContext } from '@apollo/server';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { LimitSettings } from '../../platform/config.js';
import type { CheckRefusal as GuardRefusal, RequestCheck as RequestGuard } from '../../platform/httpServer.js';
import type { CallerContext, CallerKeyFunction } from './callerKey.js';

export interface CallerLimitsOptions {
  limits: LimitSettings;
  redisUrl?: string;
  keyPrefix?: string;
  callerKey: CallerKeyFunction;
}

function limiter(redis: Redis | null, keyPrefix: string, points: number, duration: number): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ points, duration, keyPrefix });
  if (!redis) return memory;
  return new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration, rejectIfRedisNotReady: true, insuranceLimiter: memory });
}

/** Whole seconds until the caller may try again (at least 1). */
const retryAfterS = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

export class CallerLimits {
  private readonly redis: Redis | null;
  private readonly requests: RateLimiterAbstract | null;
  private readonly registryCalls: RateLimiterAbstract | null;

  constructor(private readonly options: CallerLimitsOptions) {
    const { limits, redisUrl, keyPrefix = '' } = options;
    const wanted = limits.rateLimitRequests > 0 || limits.registryCallQuota > 0;
    this.redis = wanted && redisUrl ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 250, connectTimeout: 1000, retryStrategy: (n) => Math.min(50 * n, 1000) }) : null;
    // Without a listener ioredis reports connection errors as unhandled events; the memory limiter covers.
    this.redis?.on('error', () => undefined);
    this.requests = limits.rateLimitRequests > 0 ? limiter(this.redis, `${keyPrefix}rantau:rl:req:`, limits.rateLimitRequests, limits.rateLimitWindowS) : null;
    this.registryCalls = limits.registryCallQuota > 0 ? limiter(this.redis, `${keyPrefix}rantau:rl:reg:`, limits.registryCallQuota, limits.registryCallQuotaWindowS) : null;
  }

  /** HTTP guard: one request from the caller's allowance. */
  readonly guard: RequestGuard = async (req): Promise<GuardRefusal | null> => {
    if (!this.requests) return null;
    try {
      await this.requests.consume(this.options.callerKey(req));
      return null;
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) return null;
      const seconds = retryAfterS(outcome);
      const { rateLimitRequests, rateLimitWindowS } = this.options.limits;
      return {
        status: 429,
        code: 'RATE_LIMITED',
        message: `More than ${rateLimitRequests} requests in ${rateLimitWindowS} s from this caller; retry after ${seconds} s.`,
        headers: { 'retry-after': String(seconds) },
        extensions: { retryAfterSeconds: seconds },
      };
    }
  };

  /**
   * Takes `calls` from the caller's registry-call quota; the refusal when it does not cover them.
   * The slow path charges through quotaPlugin, the fast path (gateway/fastPath.ts) directly: an
   * answer from a cache costs what the operation is estimated to cost, whichever path gives it.
   */
  async chargeRegistryCalls(callerKey: string | undefined, calls: number): Promise<GuardRefusal | null> {
    const quota = this.registryCalls;
    if (!quota || calls === 0 || !callerKey) return null;
    try {
      await quota.consume(callerKey, calls);
      return null;
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) return null;
      const seconds = retryAfterS(outcome);
      const { registryCallQuota, registryCallQuotaWindowS } = this.options.limits;
      return {
        status: 429,
        code: 'RATE_LIMITED',
        message: `This caller's registry-call quota (${registryCallQuota} per ${registryCallQuotaWindowS} s) does not cover this operation's ${calls}; retry after ${seconds} s.`,
        headers: { 'retry-after': String(seconds) },
        extensions: { retryAfterSeconds: seconds },
      };
    }
  }

  /** Takes the operation's estimated registry calls from the caller's quota. */
  quotaPlugin(estimate: (context: GraphQLRequestContext<BaseContext>) => number): ApolloServerPlugin<BaseContext> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async (context) => {
          const refusal = await this.chargeRegistryCalls((context.contextValue as CallerContext).callerKey, estimate(context));
          if (!refusal) return;
          throw new GraphQLError(refusal.message, {
            extensions: { code: refusal.code, ...refusal.extensions, http: { status: refusal.status, headers: new HeaderMap(Object.entries(refusal.headers ?? {})) as never } },
          });
        },
      }),
    };
  }

  close(): void {
    this.redis?.disconnect();
  }
}
