import { killAllChildrenNow } from './child.js';

/**
 * No child may outlive a benchmark or soak run: Ctrl-C, kill and crashes all end in `tearDown` or,
 * at the very last, in a synchronous SIGKILL of whatever is still running.
 */
export function onAnyExit(tearDown: () => Promise<void>, log: (line: string) => void): void {
  process.on('exit', killAllChildrenNow);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`\n${signal}: stopping every benchmark process…`);
      tearDown().finally(() => process.exit(130));
    });
  }
}
