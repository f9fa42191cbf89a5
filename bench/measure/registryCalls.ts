import type { RegistryEndpoint } from '../roles/protocol.js';
import { operatorHeaders } from '../../sandbox/simulator/operatorCredential.js';

/**
 * Registry calls as the simulators count them (`/__sim/stats`): every request that reached a
 * registry, rate-limited ones included, change-feed polls left out. Reset before a measurement, read after the registries have
 * fallen quiet, so calls queued behind a registry's rate limit count against the measurement that
 * caused them.
 */
export interface RegistryCount {
  total: number;
  routes: Record<string, number>;
  rateLimited: number;
}

export class RegistryCalls {
  /** Longer than the gap between two paced calls to the slowest registry. */
  private readonly quietMs: number;

  constructor(readonly registries: readonly RegistryEndpoint[], slowestRatePerSecond: number) {
    this.quietMs = Math.max(1500, Math.ceil(2000 / slowestRatePerSecond));
  }

  async reset(): Promise<void> {
    await Promise.all(this.registries.map((r) => fetch(`${r.url}/__sim/stats/reset`, { method: 'POST', headers: operatorHeaders(r.operatorToken) })));
  }

  async read(): Promise<Map<string, RegistryCount>> {
    const counts = await Promise.all(
      this.registries.map(async (r) => {
        const stats = (await (await fetch(`${r.url}/__sim/stats`, { headers: operatorHeaders(r.operatorToken) })).json()) as RegistryCount;
        // Change-feed polls run on the subgraphs' timer, whatever the load: no request causes them.
        const routes = Object.fromEntries(Object.entries(stats.routes).filter(([route]) => route !== r.changeFeedRoute));
        const total = Object.values(routes).reduce((sum, calls) => sum + calls, 0);
        return [r.key, { total, routes, rateLimited: stats.rateLimited }] as const;
      }),
    );
    return new Map(counts);
  }

  static sum(counts: Map<string, RegistryCount>): number {
    let total = 0;
    for (const count of counts.values()) total += count.total;
    return total;
  }

  /** Waits until no registry is called for a while; false when it is still busy after `maxMs`. */
  async settle(maxMs: number): Promise<boolean> {
    const deadline = Date.now() + maxMs;
    let last = RegistryCalls.sum(await this.read());
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const now = RegistryCalls.sum(await this.read());
      if (now !== last) {
        last = now;
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= this.quietMs) {
        return true;
      }
    }
    return false;
  }
}
