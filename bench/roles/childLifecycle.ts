import type { ChildMessage } from './protocol.js';

/**
 * The child side of a benchmark process: start, announce readiness over IPC, and close when the
 * parent says so (SIGTERM/SIGINT) or disappears (IPC disconnect) — the latter is what keeps a
 * killed benchmark from leaving servers behind.
 */
export function runChild<R>(start: () => Promise<{ ready: R; close: () => Promise<void> }>): void {
  if (!process.send) throw new Error('bench child started without an IPC channel: run it through bench/run.ts');
  const send = (message: ChildMessage<R>) => process.send!(message);
  let close: () => Promise<void> = async () => undefined;
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    // A server that will not close must not keep the process alive past the parent.
    setTimeout(() => process.exit(0), 5000).unref();
    close()
      .catch(() => undefined)
      .finally(() => process.exit(0));
  };
  process.on('disconnect', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  start()
    .then((started) => {
      close = started.close;
      // Asked to stop while starting: the shutdown already under way closed nothing yet.
      if (closing) return void started.close().finally(() => process.exit(0));
      send({ kind: 'ready', ready: started.ready });
    })
    .catch((error: Error) => {
      send({ kind: 'failed', message: error.stack ?? error.message });
      setTimeout(() => process.exit(1), 100);
    });
}
