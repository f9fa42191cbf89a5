// Remembers the id (`jti`) of every caller context accepted, until the context expires: a context
// captured on the wire and sent again is refused. In memory per process: every context is made for
// one request to one audience, and a replica that did not see the first use would accept a replay
// only within the context's few seconds of life (docs/security.md, threat table).
export class ReplayGuard {
  private readonly seen = new Map<string, number>();
  private readonly order: Array<{ jti: string; until: number }> = [];

  /** True the first time a `jti` is offered before `untilMs`; false on every later offer. */
  firstUse(jti: string, untilMs: number, now = Date.now()): boolean {
    this.sweep(now);
    if (this.seen.has(jti)) return false;
    this.seen.set(jti, untilMs);
    this.order.push({ jti, until: untilMs });
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  // Contexts have one lifetime, so entries expire roughly in the order they arrive; a late one
  // merely stays a little longer.
  private sweep(now: number): void {
    let drop = 0;
    while (drop < this.order.length && this.order[drop].until < now) {
      this.seen.delete(this.order[drop].jti);
      drop += 1;
    }
    if (drop > 0) this.order.splice(0, drop);
  }
}
