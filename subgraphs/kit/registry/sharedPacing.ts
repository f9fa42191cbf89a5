/**
 * Registry pacing shared by every replica, counted in Redis (rate-limiter-flexible). A registry
 * publishes one rate for all of Rantau; the per-process Limiter keeps each replica under it, but
 * two replicas together would send twice as much. Here every call first takes a slot in a window
 * counted in Redis, so all replicas together keep to the rate.
 *
 * Windows are short (about a quarter of a second, holding at least one call): a registry's own
 * bucket holds one second's worth of calls, and a burst across a window boundary (a full window's
 * calls at its end, the next window's at the start of the next) must fit in it. rate-limiter-flexible
 * counts whole seconds, so the window number is part of the key and each key lives a little longer
 * than its window. Window numbers come from each replica's clock; replicas on NTP agree to a few
 * milliseconds, which the 90% margin on every rate absorbs.
 *
 * Without Redis (unreachable, or not configured) calls go ahead: the per-process Limiter still
 * paces each replica, and readiness reports the fallback.
 */
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Cluster, Redis } from 'ioredis';
import { RegistryError } from '../../../schema/errors/index.js';
import { connectRedis, type RedisTarget } from '../../../platform/store/redisConnection.js';
import type { ReadinessProbe } from '../../../platform/readiness.js';

const TARGET_WINDOW_MS = 250;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes a slot for one call to one registry, waiting at most `maxWaitMs` for it. */
export interface Pacer {
  take(maxWaitMs: number): Promise<void>;
}

export class SharedPacing {
  private readonly redis: Redis | Cluster;
  /** When Redis last failed a pacing call; readiness reports the fallback for a while after. */
  private lastFailure = 0;

  constructor(
    target: RedisTarget,
    private readonly keyPrefix = '',
    private readonly onFallback: (error: Error) => void = () => undefined,
  ) {
    this.redis = connectRedis(target, { commandTimeoutMs: 250 });
  }

  /** A pacer for one registry at `ratePerSecond` across all replicas. */
  pacer(country: string, registry: string, ratePerSecond: number): Pacer {
    const points = Math.max(1, Math.floor((ratePerSecond * TARGET_WINDOW_MS) / 1000));
    const windowMs = (points / ratePerSecond) * 1000;
    const limiter = new RateLimiterRedis({
      storeClient: this.redis,
      points,
      duration: Math.ceil(windowMs / 1000) + 1,
      keyPrefix: `${this.keyPrefix}rantau:pace:v1:${country}:${registry}`,
      rejectIfRedisNotReady: true,
    });
    return {
      take: async (maxWaitMs) => {
        const deadline = Date.now() + maxWaitMs;
        for (;;) {
          const now = Date.now();
          const window = Math.floor(now / windowMs);
          try {
            await limiter.consume(String(window));
            return;
          } catch (outcome) {
            if (!(outcome instanceof RateLimiterRes)) {
              this.lastFailure = Date.now();
              this.onFallback(outcome as Error);
              return;
            }
          }
          // A little jitter so the replicas waiting for the next window do not all ask at once.
          const next = (window + 1) * windowMs + Math.random() * Math.min(20, windowMs / 4);
          if (next > deadline) {
            throw new RegistryError('REGISTRY_RATE_LIMITED', country, registry, `every replica together has used its rate of ${ratePerSecond.toFixed(1)} calls a second`, { reason: 'paced', retryAfterSeconds: 1 });
          }
          await sleep(next - now);
        }
      },
    };
  }

  /** `ok` while Redis counts the calls; `fallback` while replicas pace on their own. */
  get status(): 'ok' | 'fallback' {
    return this.redis.status === 'ready' && Date.now() - this.lastFailure > 5000 ? 'ok' : 'fallback';
  }

  readonly probe: ReadinessProbe = () =>
    this.status === 'ok'
      ? { name: 'registry pacing', status: 'ok', detail: { shared: true } }
      : { name: 'registry pacing', status: 'degraded', detail: { shared: false, fallback: 'each replica paces on its own' } };

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
