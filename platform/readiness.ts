/**
 * Liveness and readiness, the same on every service. `/health` says the process answers;
 * `/ready` says whether it should get traffic: each service lists what it needs (its supergraph,
 * its stores, its registries' breakers) as checks.
 *
 * A check is `ok`, `degraded` (the service answers, less well: Redis away and the in-process
 * fallback active, a registry's breaker open and stale copies served) or `failing` (it cannot
 * answer: no supergraph yet). Only `failing`, or a shutdown under way, makes `/ready` answer 503:
 * a degraded dependency is the same for every replica, and taking them all out of rotation would
 * turn partial answers into none.
 */
import { sendJson, type RouteHandler } from './httpResponses.js';

export interface ReadinessCheck {
  name: string;
  status: 'ok' | 'degraded' | 'failing';
  detail?: Record<string, unknown>;
}

export type ReadinessProbe = () => ReadinessCheck | ReadinessCheck[] | Promise<ReadinessCheck | ReadinessCheck[]>;

/** A cache store's probe: Redis reachable, or the store degrades to "absent" and the service goes to the registries. */
export function storeProbe(name: string, store: { kind: 'redis' | 'memory'; reachable?: boolean }): ReadinessProbe {
  return () => {
    if (store.kind === 'memory') return { name, status: 'ok', detail: { kind: 'memory' } };
    return store.reachable === false
      ? { name, status: 'degraded', detail: { kind: 'redis', reachable: false, fallback: 'uncached: every look-up goes to the registries' } }
      : { name, status: 'ok', detail: { kind: 'redis', reachable: true } };
  };
}

export class Readiness {
  private draining = false;

  constructor(
    private readonly probes: ReadinessProbe[] = [],
    /** Shown in both answers, e.g. `{ country: 'IDN' }`. */
    private readonly identity: Record<string, string> = {},
  ) {}

  /** From SIGTERM on: `/ready` answers 503 so load balancers stop sending new requests. */
  drain(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  async checks(): Promise<ReadinessCheck[]> {
    const results = await Promise.all(
      this.probes.map(async (probe) => {
        try {
          return await probe();
        } catch (error) {
          return { name: 'probe', status: 'failing' as const, detail: { error: (error as Error).message } };
        }
      }),
    );
    return results.flat();
  }

  readonly health: RouteHandler = (_req, res) => sendJson(res, 200, { status: 'ok', ...this.identity });

  readonly ready: RouteHandler = async (_req, res) => {
    const checks = await this.checks();
    const failing = this.draining || checks.some((check) => check.status === 'failing');
    const status = this.draining ? 'draining' : failing ? 'failing' : checks.some((check) => check.status === 'degraded') ? 'degraded' : 'ok';
    sendJson(res, failing ? 503 : 200, { status, ...this.identity, checks }, { 'cache-control': 'no-store' });
  };
}
