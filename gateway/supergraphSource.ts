import { readFileSync, watch, type FSWatcher } from 'node:fs';
import type { SupergraphSdlHook } from '@apollo/gateway';
import { logger } from '../platform/logger.js';

const log = logger('gateway');

/**
 * Where the gateway's supergraph comes from. A fixed SDL (tests, embedded stack) or a file that is
 * watched: when `npm run compose` rewrites it, the gateway switches to the new supergraph without a
 * restart; Apollo Gateway finishes in-flight requests on the old one. A file that does not compose
 * or cannot be read is logged and the current supergraph stays.
 */
export type SupergraphSource = { kind: 'sdl'; sdl: string } | { kind: 'file'; path: string; debounceMs?: number };

export function supergraphHook(source: SupergraphSource, report: (message: string) => void = (message) => log.warn(message)): SupergraphSdlHook {
  return async ({ update, healthCheck }) => {
    if (source.kind === 'sdl') return { supergraphSdl: source.sdl };
    const initial = readFileSync(source.path, 'utf8');
    let current = initial;
    let timer: NodeJS.Timeout | undefined;
    let watcher: FSWatcher | undefined = watch(source.path, () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        try {
          const next = readFileSync(source.path, 'utf8');
          if (next === current || next.trim() === '') return;
          await healthCheck(next);
          update(next);
          current = next;
          report(`supergraph reloaded from ${source.path}`);
        } catch (error) {
          report(`kept the current supergraph: ${(error as Error).message}`);
        }
      }, source.debounceMs ?? 200);
    });
    return {
      supergraphSdl: initial,
      cleanup: async () => {
        clearTimeout(timer);
        watcher?.close();
        watcher = undefined;
      },
    };
  };
}
