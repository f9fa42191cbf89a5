/**
 * A circuit breaker in front of each registry (cockatiel). A registry that hangs would otherwise
 * cost every cold look-up the whole time budget for as long as it hangs; after
 * `failures` consecutive failed calls (timeouts, dropped connections, 5xx after the retry) the
 * breaker opens and calls fail at once with REGISTRY_UNAVAILABLE (`reason: circuit_open`), which
 * the record cache answers with its stale copies where it has them. After `halfOpenAfterMs` one
 * call goes through as a probe: its success closes the breaker, its failure opens it again.
 * Calls arriving while the probe runs fail at once too (cockatiel would make them wait for it).
 *
 * A 429 or a 4xx is not a failure: the registry is there, it answered.
 */
import { CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, BrokenCircuitError, type CircuitBreakerPolicy } from 'cockatiel';
import { Counter, Gauge, type Registry } from 'prom-client';
import { RegistryError } from '../../../schema/errors/index.js';
import type { BreakerSettings } from '../../../platform/config.js';
import type { ReadinessProbe } from '../../../platform/readiness.js';
import { logger } from '../../../platform/logger.js';

export type BreakerState = 'closed' | 'half_open' | 'open';

export const DEFAULT_BREAKER: BreakerSettings = { failures: 5, halfOpenAfterMs: 10_000 };

const STATE_VALUE: Record<BreakerState, number> = { closed: 0, half_open: 1, open: 2 };

function stateOf(state: CircuitState): BreakerState {
  if (state === CircuitState.Closed) return 'closed';
  return state === CircuitState.HalfOpen ? 'half_open' : 'open';
}

function isFailure(error: unknown): boolean {
  return error instanceof RegistryError && error.code === 'REGISTRY_UNAVAILABLE' && (error.extensions as { reason?: string }).reason !== 'circuit_open';
}

export class RegistryBreaker {
  private readonly policy: CircuitBreakerPolicy;
  private openedAt = 0;

  constructor(
    readonly country: string,
    readonly registry: string,
    private readonly settings: BreakerSettings,
    private readonly onEvent: (event: BreakerState | 'rejected') => void = () => undefined,
  ) {
    this.policy = circuitBreaker(handleWhen(isFailure), { halfOpenAfter: settings.halfOpenAfterMs, breaker: new ConsecutiveBreaker(Math.max(1, settings.failures)) });
    this.policy.onStateChange((state) => {
      if (state === CircuitState.Open) this.openedAt = Date.now();
      this.onEvent(stateOf(state));
    });
  }

  get state(): BreakerState {
    return stateOf(this.policy.state);
  }

  /** Runs one registry call through the breaker; fails at once while it is open or probing. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    if (this.settings.failures === 0) return call();
    if (this.policy.state === CircuitState.HalfOpen) throw this.rejection();
    try {
      return await this.policy.execute(() => call());
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw this.rejection();
      throw error;
    }
  }

  /** For calls admitted before the breaker opened and still queued for a slot: they need not wait for the timeout too. */
  assertNotOpen(): void {
    if (this.settings.failures > 0 && this.policy.state === CircuitState.Open) throw this.rejection();
  }

  private rejection(): RegistryError {
    this.onEvent('rejected');
    const retryAfterSeconds = Math.max(1, Math.ceil((this.openedAt + this.settings.halfOpenAfterMs - Date.now()) / 1000));
    return new RegistryError('REGISTRY_UNAVAILABLE', this.country, this.registry, 'is failing; calls are suspended for a while (circuit open)', { reason: 'circuit_open', retryAfterSeconds });
  }
}

/** Every breaker of one service, with their state in `/metrics` and in `/ready`. */
export class BreakerBoard {
  private readonly breakers: RegistryBreaker[] = [];
  private readonly state?: Gauge<'country' | 'registry'>;
  private readonly events?: Counter<'country' | 'registry' | 'event'>;

  constructor(
    private readonly settings: BreakerSettings = DEFAULT_BREAKER,
    metrics?: Registry,
  ) {
    if (!metrics) return;
    const registers = [metrics];
    this.state = new Gauge({ name: 'rantau_registry_circuit_state', help: 'Circuit breaker of each registry: 0 closed, 1 half-open (probing), 2 open (calls fail at once).', labelNames: ['country', 'registry'], registers });
    this.events = new Counter({ name: 'rantau_registry_circuit_events_total', help: 'Circuit breaker transitions (closed, half_open, open) and calls rejected while open (rejected).', labelNames: ['country', 'registry', 'event'], registers });
  }

  for(country: string, registry: string): RegistryBreaker {
    const labels = { country, registry };
    this.state?.set(labels, 0);
    const log = logger(`subgraph-${country.toLowerCase()}`);
    const breaker = new RegistryBreaker(country, registry, this.settings, (event) => {
      this.events?.inc({ ...labels, event });
      if (event === 'rejected') return;
      this.state?.set(labels, STATE_VALUE[event]);
      if (event === 'open') log.warn('registry circuit opened: calls fail at once until a probe succeeds', { ...labels, halfOpenAfterMs: this.settings.halfOpenAfterMs });
      if (event === 'closed') log.info('registry circuit closed', labels);
    });
    this.breakers.push(breaker);
    return breaker;
  }

  /** The state of every breaker, for `/ready`. */
  states(): Array<{ country: string; registry: string; state: BreakerState }> {
    return this.breakers.map(({ country, registry, state }) => ({ country, registry, state }));
  }

  /** One check per registry: `degraded` while its breaker is not closed (the subgraph still answers, from stale copies or partially). */
  readonly probe: ReadinessProbe = () =>
    this.states().map(({ country, registry, state }) => ({ name: `registry ${country}/${registry}`, status: state === 'closed' ? 'ok' : 'degraded', detail: { breaker: state } }));
}
