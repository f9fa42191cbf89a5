/**
 * Paces calls to one registry: at most `maxConcurrency` in flight and at most `ratePerSecond`
 * started per second (a token bucket holding one second's worth), so that Rantau stays under
 * the rate limit each registry publishes instead of learning it from 429s.
 */
export interface LimiterOptions {
  maxConcurrency: number;
  ratePerSecond: number;
}

export class Limiter {
  private inFlight = 0;
  private tokens: number;
  private lastRefill = Date.now();
  private readonly waiting: Array<() => void> = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: LimiterOptions) {
    if (!(options.maxConcurrency >= 1) || !(options.ratePerSecond > 0)) {
      throw new RangeError(`Limiter: expected maxConcurrency ≥ 1 and ratePerSecond > 0, got ${JSON.stringify(options)}`);
    }
    this.tokens = Math.max(1, options.ratePerSecond);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.pump();
    });
    try {
      return await task();
    } finally {
      this.inFlight -= 1;
      this.pump();
    }
  }

  private refill(): void {
    const now = Date.now();
    const capacity = Math.max(1, this.options.ratePerSecond);
    this.tokens = Math.min(capacity, this.tokens + ((now - this.lastRefill) / 1000) * this.options.ratePerSecond);
    this.lastRefill = now;
  }

  private pump(): void {
    this.refill();
    while (this.waiting.length > 0 && this.inFlight < this.options.maxConcurrency && this.tokens >= 1) {
      this.tokens -= 1;
      this.inFlight += 1;
      this.waiting.shift()!();
    }
    if (this.waiting.length > 0 && this.inFlight < this.options.maxConcurrency && this.timer === null) {
      const wait = Math.ceil(((1 - this.tokens) / this.options.ratePerSecond) * 1000);
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump();
      }, Math.max(1, wait));
      this.timer.unref();
    }
  }
}
