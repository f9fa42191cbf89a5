import type { RegistryCallTiming } from '../roles/protocol.js';
import { deleteKeys } from './redisKeys.js';
import type { System } from '../processes/topology.js';
import type { MeasureContext } from './measurement.js';

/**
 * The cold floor: no gateway can answer a cold look-up before the slowest registry call it has to
 * wait for has come back. Cold single-worker requests are sent one at a time, far enough apart
 * that no client waits on a registry's rate limit, and each request's registry calls are those
 * the simulators started while it was open (bench/roles/registries.ts records them; nothing else
 * calls a registry then: the change feeds are left out). Its floor is the longest of them.
 */
export interface FloorSample {
  latencyMs: number;
  floorMs: number;
  calls: number;
  errors: number;
}

export interface ColdFloor {
  system: string;
  requests: number;
  spacingMs: number;
  samples: FloorSample[];
  latency: { p50Ms: number; p99Ms: number };
  floor: { p50Ms: number; p99Ms: number };
  /** End-to-end latency ÷ floor, at p50 and at p99. */
  ratio: { p50: number | null; p99: number | null };
}

/** Nearest-rank percentile of a list (0 < p ≤ 100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The slowest call that started within [startMs, endMs], and how many started there. */
export function floorOf(timings: readonly RegistryCallTiming[], startMs: number, endMs: number): { floorMs: number; calls: number } {
  let floorMs = 0;
  let calls = 0;
  for (const t of timings) {
    if (t.startMs < startMs || t.startMs > endMs) continue;
    calls += 1;
    floorMs = Math.max(floorMs, t.endMs - t.startMs);
  }
  return { floorMs, calls };
}

export function summariseFloor(system: string, spacingMs: number, samples: FloorSample[]): ColdFloor {
  const measured = samples.filter((s) => s.calls > 0 && s.errors === 0);
  const latency = { p50Ms: percentile(measured.map((s) => s.latencyMs), 50), p99Ms: percentile(measured.map((s) => s.latencyMs), 99) };
  const floor = { p50Ms: percentile(measured.map((s) => s.floorMs), 50), p99Ms: percentile(measured.map((s) => s.floorMs), 99) };
  const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : null);
  return { system, requests: samples.length, spacingMs, samples, latency, floor, ratio: { p50: ratio(latency.p50Ms, floor.p50Ms), p99: ratio(latency.p99Ms, floor.p99Ms) } };
}

const now = () => performance.timeOrigin + performance.now();

export async function measureColdFloor(context: MeasureContext, system: System, timingsUrl: string, bodies: readonly string[], spacingMs: number): Promise<ColdFloor> {
  await deleteKeys(context.options.redisUrl, context.keyPrefix);
  await fetch(timingsUrl, { method: 'DELETE' });
  const windows: Array<{ startMs: number; endMs: number; errors: number }> = [];
  for (const body of bodies) {
    const startMs = now();
    let errors = 1;
    try {
      const response = await fetch(system.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...system.headers }, body, signal: AbortSignal.timeout(30_000) });
      const text = await response.text();
      errors = response.ok && !text.includes('"errors":') ? 0 : 1;
    } catch {
      // counted as an error
    }
    const endMs = now();
    windows.push({ startMs, endMs, errors });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, spacingMs - (endMs - startMs))));
  }
  const timings = (await (await fetch(timingsUrl)).json()) as RegistryCallTiming[];
  const samples = windows.map((w) => ({ latencyMs: w.endMs - w.startMs, errors: w.errors, ...floorOf(timings, w.startMs, w.endMs) }));
  return summariseFloor(system.id, spacingMs, samples);
}
