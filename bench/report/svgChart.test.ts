import { describe, expect, it } from 'vitest';
import { barChart, lineChart, logTicks, ticks } from './svgChart.js';

describe('soak charts', () => {
  it('puts round ticks around the whole range, so no line leaves the plot', () => {
    expect(ticks(0, 1654 * 1.05)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(ticks(0, 0.43, 8)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(ticks(5, 5)).toEqual([5, 6]);
  });

  it('draws each series, breaks a line at a missing sample, and escapes text', () => {
    const svg = lineChart({ title: 'RSS <MiB>', xLabel: 'minutes', yLabel: 'MiB', series: [{ name: 'gateway', points: [[0, 100], [1, 110], [2, null], [3, 120], [4, 121]] }] });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('RSS &lt;MiB&gt;');
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    for (const [, y] of svg.matchAll(/<polyline [^>]*points="([^"]+)"/g)) {
      for (const point of y.split(' ')) expect(Number(point.split(',')[1])).toBeGreaterThanOrEqual(40);
    }
  });
});

describe('benchmark bar charts', () => {
  it('draws one bar per system and category, skips missing ones, and spans orders of magnitude on a log axis', () => {
    const svg = barChart({ title: 'Throughput', unit: 'req/s', log: true, categories: ['one worker, warm', 'one worker, cold'], series: [{ name: 'Rantau', values: [12000, 20] }, { name: 'Hive <JS>', values: [4000, null] }] });
    expect(svg.match(/<rect x="230"/g)).toHaveLength(3);
    expect(svg).toContain('Hive &lt;JS&gt;');
    expect(logTicks(10, 12000)).toEqual([10, 100, 1000, 10000, 100000]);
  });
});
