import { killAllChildrenNow, stopAllChildren } from './child.js';
import { deleteKeys } from '../measure/redisKeys.js';
import type { Topology } from './topology.js';

/**
 * One benchmark or soak run as a program: whatever ends it (its end, an error, Ctrl-C, kill), every
 * child process is stopped and the run's Redis keys and files are removed; at the very last, on
 * process exit, whatever still runs gets a synchronous SIGKILL. No child outlives a run.
 */
export class BenchRun {
  /** Set once the processes are started, so that the tear-down knows what to remove. */
  topology: Topology | undefined;

  constructor(
    private readonly redisUrl: string,
    private readonly log: (line: string) => void,
  ) {}

  async tearDown(): Promise<void> {
    await stopAllChildren();
    if (this.topology) {
      await deleteKeys(this.redisUrl, this.topology.keyPrefix).catch(() => undefined);
      await this.topology.close().catch(() => undefined);
    }
  }

  run(name: string, main: () => Promise<void>): void {
    process.on('exit', killAllChildrenNow);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        this.log(`\n${signal}: stopping every ${name} process…`);
        this.tearDown().finally(() => process.exit(130));
      });
    }
    main()
      .then(() => this.tearDown())
      .catch(async (error: Error) => {
        this.log(`${name} failed: ${error.stack ?? error.message}`);
        await this.tearDown();
        process.exitCode = 1;
      });
  }
}
