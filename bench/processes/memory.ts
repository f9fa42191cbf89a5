import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Peak memory of a process as Linux counts it: VmHWM, the high-water mark of its resident set.
 * Writing 5 to /proc/<pid>/clear_refs resets the mark (Linux ≥ 4.0), so each scenario reports its
 * own peak instead of the largest since start. Elsewhere both answer "unknown".
 */
export function readPeakRssMiB(pid: number): number | null {
  return readStatusMiB(pid, 'VmHWM');
}

/** Resident memory now (VmRSS): what the soak run samples over time. */
export function readRssMiB(pid: number): number | null {
  return readStatusMiB(pid, 'VmRSS');
}

function readStatusMiB(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
