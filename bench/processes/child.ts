import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHILD_INPUT_ENV, type ChildMessage } from '../roles/protocol.js';
import { readPeakRssMiB, readRssMiB, resetPeakRss } from './memory.js';

/**
 * The parent side of one benchmark process: started with node + tsx on a file of bench/roles/,
 * ready when it says so over IPC, its output prefixed with its name, stopped by pid. Every child
 * started here is remembered until stopped, so the benchmark can tear all of them down on any exit.
 */
export interface BenchChild<R> {
  name: string;
  pid: number;
  ready: R;
  /** Peak resident memory since start or the last reset (VmHWM), in MiB; null if unreadable. */
  peakRssMiB(): number | null;
  /** Resident memory now (VmRSS), in MiB; null if unreadable. */
  rssMiB(): number | null;
  resetPeak(): boolean;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

const ROLES_DIR = fileURLToPath(new URL('../roles/', import.meta.url));
// By absolute URL: `--import tsx` would be resolved from the child's working directory.
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function prefixLines(stream: NodeJS.ReadableStream | null, name: string): void {
  if (!stream) return;
  createInterface({ input: stream }).on('line', (line) => process.stderr.write(`[${name}] ${line}\n`));
}

function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      running.delete(child);
      return resolve();
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      running.delete(child);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startChild<R>(name: string, role: string, input: unknown, env: Record<string, string> = {}, options: { cwd?: string; timeoutMs?: number } = {}): Promise<BenchChild<R>> {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, `${ROLES_DIR}${role}.ts`], {
    cwd: options.cwd,
    env: { ...process.env, ...env, [CHILD_INPUT_ENV]: JSON.stringify(input) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  running.add(child);
  prefixLines(child.stdout, name);
  prefixLines(child.stderr, name);
  const timeoutMs = options.timeoutMs ?? 180_000;

  const ready = await new Promise<R>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} was not ready within ${timeoutMs} ms`)), timeoutMs);
    const done = () => {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.off('message', onMessage);
    };
    const onExit = (code: number | null, signal: string | null) => {
      done();
      reject(new Error(`${name} exited before it was ready (code ${code}, signal ${signal})`));
    };
    const onMessage = (message: ChildMessage<R>) => {
      done();
      if (message.kind === 'ready') resolve(message.ready);
      else reject(new Error(`${name} failed to start: ${message.message}`));
    };
    child.on('exit', onExit);
    child.on('message', onMessage);
  }).catch(async (error: Error) => {
    await stopProcess(child);
    throw error;
  });

  const pid = child.pid!;
  return {
    name,
    pid,
    ready,
    peakRssMiB: () => readPeakRssMiB(pid),
    rssMiB: () => readRssMiB(pid),
    resetPeak: () => resetPeakRss(pid),
    stop: () => stopProcess(child),
  };
}

/** Stops every child still running (normal end, error, SIGINT). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((child) => stopProcess(child)));
}

/** Last resort on process exit, when nothing asynchronous can run any more. */
export function killAllChildrenNow(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}
