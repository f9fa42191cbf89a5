// Keeps one registry's part of the country index in step with the registry, through the registry's
// own bulk interface and a client of its own (a share of the published rate; the live client keeps
// the rest). A full pass reads the bulk interface page by page — each page written with the cursor
// of the next, so a restart or an outage resumes where it stopped and memory holds one page — then
// the change feed (or, without one, issue-date windows) keeps it current, and a periodic full pass
// reconciles what the increments cannot see (records deleted without a trace). A 429 or 503 slows
// the sync, never stops it; a record that cannot be read costs only itself, logged by its number.
import { isRegistryError } from '../../../schema/errors/index.js';
import type { RecordSource } from '../registrySource.js';
import type { IndexEntry, IndexStore, SyncState } from './indexStore.js';

export interface SyncProgress {
  /** A page of a full pass was written. */
  page?(registry: string, records: number): void;
  /** Records written by an incremental round. */
  changed?(registry: string, records: number): void;
  /** The index of `registry` is complete as of `syncedAt`. */
  synced?(registry: string, syncedAt: string): void;
  /** A round failed and the sync waits `waitMs` before trying again. */
  failed?(registry: string, reason: string, waitMs: number): void;
  /** Records in the index after a full pass. */
  counted?(registry: string, records: number): void;
}

export interface RegistrySyncOptions {
  /** How often the change feed (or the issue-date window) is read between full passes. */
  intervalMs: number;
  /** How often a full reconciliation pass starts (seconds). */
  reconcileS: number;
  log?: (line: string) => void;
  progress?: SyncProgress;
}

const DAY_MS = 86_400_000;
const MAX_BACKOFF_MS = 60_000;
/** Ids re-read per round of `loadMany` after a change feed: bounds memory, not registry calls (the source batches). */
const CHANGE_CHUNK = 1000;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });

export class RegistrySync {
  readonly registry: string;
  private lastIncremental = 0;
  private backoffMs = 0;
  private passRecords = 0;
  private passClock = Date.now();
  private lastReport = 0;
  private controller: AbortController | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly store: IndexStore,
    private readonly source: RecordSource,
    private readonly options: RegistrySyncOptions,
  ) {
    if (!source.listPage) throw new Error(`${source.country} ${source.registry}: no bulk interface to index from`);
    this.registry = source.registry;
  }

  private log(line: string): void {
    (this.options.log ?? console.log)(`[index ${this.source.country} ${this.registry}] ${line}`);
  }

  /**
   * One unit of work: the next page of a full pass, or an incremental round when one is due.
   * Returns what it did; throws when the registry could not answer (the loop waits and retries).
   */
  async step(now = Date.now()): Promise<'page' | 'incremental' | 'idle'> {
    const state = await this.store.state(this.registry);
    const complete = state.completeSince !== null;
    if (complete && now - this.lastIncremental >= this.options.intervalMs) {
      await this.incremental(state);
      return 'incremental';
    }
    const reconcileDue = complete && now - Date.parse(state.completeSince!) >= this.options.reconcileS * 1000;
    if (!complete || state.passInProgress || reconcileDue) {
      await this.page(state);
      return 'page';
    }
    return 'idle';
  }

  /** Runs until the pass in progress (or a new one) has completed: tests and the benchmark. */
  async runPass(): Promise<void> {
    let state = await this.store.state(this.registry);
    if (!state.passInProgress) state = await this.store.beginPass(this.registry, new Date().toISOString());
    const pass = state.pass;
    for (;;) {
      await this.page(await this.store.state(this.registry));
      const after = await this.store.state(this.registry);
      if (after.pass !== pass || !after.passInProgress) return;
    }
  }

  /** Reads the change feed (or the issue-date window) once now. */
  async runIncremental(): Promise<void> {
    await this.incremental(await this.store.state(this.registry));
  }

  private async page(current: SyncState): Promise<void> {
    let state = current;
    if (!state.passInProgress) {
      state = await this.store.beginPass(this.registry, new Date().toISOString());
      this.passRecords = 0;
      this.passClock = Date.now();
      this.log(`full pass ${state.pass} started`);
    }
    const page = await this.source.listPage!(state.cursor);
    for (const error of page.unreadable) {
      const nativeId = (error.extensions as { nativeId?: string }).nativeId ?? '?';
      this.log(`record ${JSON.stringify(nativeId)} could not be read (${error.code}); left out of the index`);
    }
    await this.store.writePage(this.registry, state.pass, page.records.map((record) => ({ record })), page.next);
    this.backoffMs = 0;
    this.passRecords += page.records.length;
    this.options.progress?.page?.(this.registry, page.records.length);
    if (Date.now() - this.lastReport >= 10_000) {
      this.lastReport = Date.now();
      const seconds = Math.max(0.001, (Date.now() - this.passClock) / 1000);
      this.log(`full pass ${state.pass}: ${state.pagesInPass + 1} pages, ${this.passRecords} records this run, ${(this.passRecords / seconds).toFixed(0)} records/s`);
    }
    if (page.next === null) {
      const removed = await this.store.endPass(this.registry, state.pass, state.passStartedAt!);
      const total = await this.store.countRecords(this.registry);
      const seconds = (Date.now() - this.passClock) / 1000;
      this.log(`full pass ${state.pass} complete: ${state.pagesInPass + 1} pages, ${total} records indexed, ${removed} removed, ${seconds.toFixed(1)} s`);
      this.options.progress?.counted?.(this.registry, total);
      this.options.progress?.synced?.(this.registry, (await this.store.state(this.registry)).syncedAt!);
      this.lastIncremental = Date.now();
    }
  }

  private async incremental(state: SyncState): Promise<void> {
    const startedAt = new Date().toISOString();
    if (this.source.changesSince) {
      const since = state.feedSince ?? state.completeSince!;
      const changes = await this.source.changesSince(since);
      const latest = new Map<string, string>();
      for (const change of changes) if ((latest.get(change.nativeId) ?? '') < change.changedAt) latest.set(change.nativeId, change.changedAt);
      const ids = [...latest.keys()];
      let written = 0;
      for (let i = 0; i < ids.length; i += CHANGE_CHUNK) {
        const chunk = ids.slice(i, i + CHANGE_CHUNK);
        written += await this.reread(state.pass, chunk, latest);
      }
      const feedSince = changes.reduce((max, change) => (change.changedAt > max ? change.changedAt : max), since);
      await this.store.advance(this.registry, startedAt, feedSince);
      if (written > 0) this.log(`change feed: ${written} records re-read`);
      this.options.progress?.changed?.(this.registry, written);
    } else {
      // No feed: re-read what was issued since the day before the index was last complete.
      const since = new Date(Date.parse(state.syncedAt ?? state.completeSince!) - DAY_MS).toISOString().slice(0, 10);
      let cursor: string | null = null;
      let written = 0;
      do {
        const page = await this.source.listPage!(cursor, { issuedSince: since });
        await this.store.applyChanges(this.registry, state.pass, page.records.map((record) => ({ record })), []);
        written += page.records.length;
        cursor = page.next;
      } while (cursor !== null);
      await this.store.advance(this.registry, startedAt);
      this.options.progress?.changed?.(this.registry, written);
    }
    this.backoffMs = 0;
    this.lastIncremental = Date.now();
    this.options.progress?.synced?.(this.registry, startedAt);
  }

  /** Re-reads changed records by number; a record that cannot be read costs only itself, one the registry no longer holds leaves the index. */
  private async reread(pass: number, ids: string[], changedAt: Map<string, string>): Promise<number> {
    const results = await this.source.loadMany(ids);
    const entries: IndexEntry[] = [];
    const removed: string[] = [];
    results.forEach((result, i) => {
      if (result === null) removed.push(ids[i]);
      else if (result instanceof Error) {
        if (isRegistryError(result) && result.code === 'RECORD_UNREADABLE') this.log(`record ${JSON.stringify(ids[i])} could not be read (RECORD_UNREADABLE); left as indexed`);
        else throw result;
      } else entries.push({ record: result, changedAt: changedAt.get(ids[i]) });
    });
    await this.store.applyChanges(this.registry, pass, entries, removed);
    return entries.length + removed.length;
  }

  /** Runs in the background until stopped; a failed round waits (doubling up to a minute) and tries again, from where it was. */
  start(): void {
    if (this.running) return;
    const controller = new AbortController();
    this.controller = controller;
    this.running = (async () => {
      while (!controller.signal.aborted) {
        try {
          const did = await this.step();
          if (did === 'idle') await sleep(Math.max(50, this.options.intervalMs - (Date.now() - this.lastIncremental)), controller.signal);
        } catch (error) {
          if (controller.signal.aborted) break;
          this.backoffMs = Math.min(MAX_BACKOFF_MS, this.backoffMs === 0 ? 1000 : this.backoffMs * 2);
          const reason = isRegistryError(error) ? error.code : 'index store';
          this.log(`sync slowed: ${reason}; next try in ${(this.backoffMs / 1000).toFixed(0)} s`);
          if (!isRegistryError(error)) this.log(String((error as Error).message ?? error).slice(0, 200));
          this.options.progress?.failed?.(this.registry, reason, this.backoffMs);
          await sleep(this.backoffMs, controller.signal);
        }
      }
    })();
  }

  /** Stops after the unit of work in progress (a page is written whole or not at all). */
  async stop(): Promise<void> {
    this.controller?.abort();
    await this.running;
    this.running = null;
  }
}
