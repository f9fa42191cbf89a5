import { spawn, type ChildProcess } from 'node:child_process';
import { Socket } from 'node:net';

/**
 * A private redis-server for tests that kill Redis mid-run (the shared one on 6379 is never
 * touched). Needs the `redis-server` binary, which .ci/run installs when it is missing.
 */
export class PrivateRedis {
  private process: ChildProcess | null = null;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.process = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (await this.answers()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not start on ${this.port}`);
  }

  /** SIGKILL: connections drop without a goodbye, as when a Redis host dies. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
    this.process = null;
  }

  private answers(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = new Socket();
      socket.once('error', () => resolve(false));
      socket.connect(this.port, '127.0.0.1', () => {
        socket.write('PING\r\n');
        socket.once('data', (data: Buffer) => {
          socket.destroy();
          resolve(data.toString().startsWith('+PONG'));
        });
      });
    });
  }
}
