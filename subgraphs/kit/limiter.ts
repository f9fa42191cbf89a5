/**
 * Paces calls to one registry: at most `maxConcurrency` in flight and at most `ratePerSecond`
 * started per second (a token bucket holding one second's worth), so that Rantau stays under
 * the rate limit each registry publishes instead of learning it from 429s.
 *
 * The registry's rate is shared fairly between callers: waiting calls queue per caller, and each
 * free slot goes to the waiting caller served least since the registry was last idle. A caller's
 * burst of 500 look-ups waits behind its own share; another caller's look-up waits one turn.
 */
export interface LimiterOptions {
  maxConcurrency: number;
  ratePerSecond: number;
}

/** Callers remembered for fairness at once; beyond it the counts restart (memory stays bounded). */
const MAX_CALLERS = 10_000;

export class Limiter {
  private inFlight = 0;
  private tokens: number;
  private lastRefill = Date.now();
  /** Waiting calls by caller. */
  private readonly waiting = new Map<string, Array<() => void>>();
  private waitingCount = 0;
  /** Calls started per caller since the registry was last idle (forgotten then, or past MAX_CALLERS). */
  private readonly served = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: LimiterOptions) {
    if (!(options.maxConcurrency >= 1) || !(options.ratePerSecond > 0)) {
      throw new RangeError(`Limiter: expected maxConcurrency ≥ 1 and ratePerSecond > 0, got ${JSON.stringify(options)}`);
    }
    this.tokens = Math.max(1, options.ratePerSecond);
  }

  /**
   * Roughly how long a call `caller` asks now would wait for its turn (ms): the caller's own calls
   * already waiting, taken in turn with every other waiting caller's, at the registry's rate, less
   * the tokens in hand. Concurrency is not counted: registries are paced by rate long before it.
   */
  expectedWaitMs(caller = ''): number {
    this.refill();
    const own = this.waiting.get(caller)?.length ?? 0;
    const others = this.waiting.size - (this.waiting.has(caller) ? 1 : 0);
    const ahead = (own + 1) * (others + 1) - this.tokens;
    return ahead <= 0 ? 0 : (ahead / this.options.ratePerSecond) * 1000;
  }

  /** Runs `task` in its turn; `caller` names whose share it comes from. */
  async run<T>(task: () => Promise<T>, caller = ''): Promise<T> {
    await new Promise<void>((resolve) => {
      const queue = this.waiting.get(caller);
      if (queue) queue.push(resolve);
      else this.waiting.set(caller, [resolve]);
      this.waitingCount += 1;
      this.pump();
    });
    try {
      return await task();
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0 && this.waitingCount === 0) this.served.clear();
      this.pump();
    }
  }

  private refill(): void {
    const now = Date.now();
    const capacity = Math.max(1, this.options.ratePerSecond);
    this.tokens = Math.min(capacity, this.tokens + ((now - this.lastRefill) / 1000) * this.options.ratePerSecond);
    this.lastRefill = now;
  }

  /** The first waiting call of the waiting caller served least (the longest-waiting on a tie). */
  private next(): () => void {
    let caller = '';
    let least = Infinity;
    for (const key of this.waiting.keys()) {
      const count = this.served.get(key) ?? 0;
      if (count < least) [caller, least] = [key, count];
    }
    const queue = this.waiting.get(caller)!;
    const resolve = queue.shift()!;
    if (queue.length === 0) this.waiting.delete(caller);
    this.waitingCount -= 1;
    if (this.served.size >= MAX_CALLERS) this.served.clear();
    this.served.set(caller, least + 1);
    return resolve;
  }

  private pump(): void {
    this.refill();
    while (this.waitingCount > 0 && this.inFlight < this.options.maxConcurrency && this.tokens >= 1) {
      this.tokens -= 1;
      this.inFlight += 1;
      this.next()();
    }
    if (this.waitingCount > 0 && this.inFlight < this.options.maxConcurrency && this.timer === null) {
      const wait = Math.ceil(((1 - this.tokens) / this.options.ratePerSecond) * 1000);
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump();
      }, Math.max(1, wait));
      this.timer.unref();
    }
  }
}
