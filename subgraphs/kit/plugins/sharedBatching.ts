// Reads by number batched across concurrent requests, not only within one: each request's
// DataLoader batches its own references, but a hundred requests for one worker each would still
// make their own registry call. With the country index locating identities, reading the records
// by number is what a cold look-up costs, so at the registries' published rates this is what
// decides how many look-ups a second a country can answer.
//
// Numbers asked within a short window by any request share one call of the batch endpoint (up to
// its limit). And while the registry is busy — as many calls of this source waiting for their
// turn or in flight as it can serve at once — no new call is made: numbers gather until one of
// those calls returns, and then leave together. An idle registry costs a look-up only the window;
// a registry at its published rate answers as many numbers per call as there are waiting, instead
// of queueing one small call per request behind its rate limit.
//
// How many calls it "can serve at once" is learnt, not configured (Little's law): the calls
// completed in the last second times the shortest recent call time, plus one. Below the
// registry's rate the completions grow and so does the allowance, one call at a time; at its rate
// the completions stop growing and the allowance stays where calls would only queue.
import type { ContractRecord } from '../records.js';
import type { RecordSource } from '../registrySource.js';
import type { CountryPlugin } from './plugin.js';

type Answer = ContractRecord | null | Error;

interface Waiting {
  resolve(answer: Answer): void;
}

export interface SharedBatchingOptions {
  /** How long the first number of a batch waits for others while the registry is idle (ms). */
  windowMs: number;
  /** At most this many calls of one source waiting or in flight at once, whatever is learnt. */
  maxOutstanding?: number;
}

/** The ceiling on calls at once per source: far above what a registry's published rate needs. */
export const DEFAULT_MAX_OUTSTANDING = 32;
/** Recent calls whose shortest time is taken as the registry's own answer time. */
const RECENT_CALLS = 32;

/** Calls at once a registry can serve, learnt from its calls (see the header). */
class CallAllowance {
  private readonly completions: number[] = [];
  private readonly durations: number[] = [];

  constructor(private readonly ceiling: number) {}

  completed(startedAt: number, now = Date.now()): void {
    this.completions.push(now);
    this.durations.push(now - startedAt);
    if (this.durations.length > RECENT_CALLS) this.durations.shift();
    while (this.completions.length > 0 && now - this.completions[0] > 1000) this.completions.shift();
  }

  get calls(): number {
    if (this.durations.length === 0) return 1;
    const now = Date.now();
    const perSecond = this.completions.filter((at) => now - at <= 1000).length;
    const shortestS = Math.min(...this.durations) / 1000;
    return Math.min(this.ceiling, Math.max(1, Math.ceil(perSecond * shortestS)) + 1);
  }
}

/** One source's coalescer: numbers asked by any request, grouped into calls of the batch endpoint. */
export class NumberCoalescer {
  private pending = new Map<string, Waiting[]>();
  private outstanding = 0;
  private timer: NodeJS.Timeout | null = null;
  /** When the oldest number now waiting was asked: it waits at most the window once the registry has room. */
  private pendingSince = 0;
  private readonly allowance: CallAllowance;

  constructor(
    private readonly source: Pick<RecordSource, 'loadMany' | 'idsPerCall'>,
    private readonly windowMs: number,
    maxOutstanding: number,
  ) {
    if (!(maxOutstanding >= 1)) throw new RangeError(`sharedBatching: maxOutstanding must be at least 1, got ${maxOutstanding}`);
    this.allowance = new CallAllowance(maxOutstanding);
  }

  private get busy(): boolean {
    return this.outstanding >= this.allowance.calls;
  }

  /** Queues the numbers and arranges their call; the answers resolve in the order asked. */
  ask(ids: readonly string[]): Promise<Answer[]> {
    if (this.pending.size === 0) this.pendingSince = Date.now();
    const answers = ids.map((id) => new Promise<Answer>((resolve) => {
      const waiting = this.pending.get(id);
      if (waiting) waiting.push({ resolve });
      else this.pending.set(id, [{ resolve }]);
    }));
    this.schedule();
    return Promise.all(answers);
  }

  private schedule(): void {
    if (this.pending.size === 0 || this.busy) return;
    // A full call need not wait for the window.
    if (this.pending.size >= this.source.idsPerCall) {
      this.clearTimer();
      this.dispatch();
      this.schedule();
      return;
    }
    if (this.timer === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        if (!this.busy) this.dispatch();
        this.schedule();
      }, Math.max(0, this.pendingSince + this.windowMs - Date.now()));
    }
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private dispatch(): void {
    const batch = [...this.pending].slice(0, this.source.idsPerCall);
    if (batch.length === 0) return;
    for (const [id] of batch) this.pending.delete(id);
    // Numbers left over (past the batch limit) have waited since before; newcomers start a window of their own.
    if (this.pending.size === 0) this.pendingSince = Date.now();
    this.outstanding += 1;
    const startedAt = Date.now();
    const settle = (answerOf: (i: number) => Answer) => batch.forEach(([, waiting], i) => waiting.forEach((w) => w.resolve(answerOf(i))));
    this.source
      .loadMany(batch.map(([id]) => id))
      .then((answers) => settle((i) => answers[i] ?? null), (error: unknown) => settle(() => (error instanceof Error ? error : new Error(String(error)))))
      .finally(() => {
        this.outstanding -= 1;
        this.allowance.completed(startedAt);
        // The registry has room again: what gathered meanwhile leaves once its window has passed
        // (at once, when it gathered while the registry was busy).
        this.schedule();
      });
  }
}

export function sharedBatching(options: SharedBatchingOptions | number): CountryPlugin {
  const { windowMs, maxOutstanding = DEFAULT_MAX_OUTSTANDING } = typeof options === 'number' ? { windowMs: options } : options;
  return {
    name: 'shared-batching',
    wrapSource(source) {
      // A registry without a batch endpoint gains nothing: each number is its own call anyway.
      if (source.idsPerCall <= 1) return source;
      const coalescer = new NumberCoalescer(source, windowMs, maxOutstanding);
      return { ...source, loadMany: (ids) => coalescer.ask(ids) };
    },
  };
}
