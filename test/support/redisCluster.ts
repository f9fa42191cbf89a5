import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../platform/httpServer.js';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A real Redis Cluster of three masters (no replicas) on spare ports, for tests: `redis-server`
 * in cluster mode, formed with `redis-cli --cluster create`, removed with its files on `stop`.
 */
export class RedisCluster {
  private readonly processes: ChildProcess[] = [];
  private dir = '';
  ports: number[] = [];

  /** Seed nodes for REDIS_CLUSTER_NODES. */
  get nodes(): string[] {
    return this.ports.map((port) => `127.0.0.1:${port}`);
  }

  async start(masters = 3): Promise<void> {
    this.dir = mkdtempSync(join(tmpdir(), 'rantau-cluster-'));
    for (let i = 0; i < masters; i++) {
      const port = await freePort();
      // The cluster bus needs a port of its own; without `cluster-port` it is port + 10000, which may be taken.
      const busPort = await freePort();
      this.ports.push(port);
      this.processes.push(
        spawn('redis-server', ['--port', String(port), '--cluster-port', String(busPort), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', join(this.dir, `nodes-${port}.conf`), '--dir', this.dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' }),
      );
    }
    for (const port of this.ports) await this.waitFor(port, 'PONG', ['ping']);
    await run('redis-cli', ['--cluster', 'create', ...this.nodes, '--cluster-replicas', '0', '--cluster-yes']);
    for (const port of this.ports) await this.waitFor(port, 'cluster_state:ok', ['cluster', 'info']);
  }

  private async waitFor(port: number, expected: string, command: string[]): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt++) {
      try {
        const { stdout } = await run('redis-cli', ['-p', String(port), ...command]);
        if (stdout.includes(expected)) return;
      } catch {
        // not up yet
      }
      await sleep(50);
    }
    throw new Error(`redis-server on ${port} never answered ${expected}`);
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.processes.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGKILL');
          }),
      ),
    );
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}
