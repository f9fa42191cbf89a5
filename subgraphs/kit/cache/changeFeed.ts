import type { RecordSource } from '../registrySource.js';

/**
 * Follows a registry's change feed and hands every changed id to `invalidate`, so a cancelled
 * permit leaves the cache within one poll instead of one TTL. The cursor starts at the moment
 * the watcher starts: anything cached before was fetched before that moment, and anything
 * changed after it is seen. A failed poll is retried at the next tick from the same cursor.
 */
export interface ChangeWatcher {
  /** Reads the feed once now (tests; the timer calls it too). */
  poll(): Promise<number>;
  stop(): void;
}

export function watchChanges(source: RecordSource, invalidate: (ids: string[]) => Promise<void>, intervalMs: number, onError: (error: Error) => void = () => undefined): ChangeWatcher | null {
  if (!source.changesSince) return null;
  const changesSince = source.changesSince.bind(source);
  let cursor = new Date().toISOString();
  let polling: Promise<number> | null = null;

  const poll = (): Promise<number> => {
    polling ??= (async () => {
      try {
        const changes = await changesSince(cursor);
        if (changes.length === 0) return 0;
        await invalidate([...new Set(changes.map((change) => change.nativeId))]);
        cursor = changes.reduce((latest, change) => (change.changedAt > latest ? change.changedAt : latest), cursor);
        return changes.length;
      } catch (error) {
        onError(error as Error);
        return 0;
      } finally {
        polling = null;
      }
    })();
    return polling;
  };

  const timer = setInterval(() => void poll(), intervalMs);
  timer.unref();
  return { poll, stop: () => clearInterval(timer) };
}
