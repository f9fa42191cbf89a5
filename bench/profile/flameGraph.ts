import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * `npx tsx bench/profile/flameGraph.ts <file.cpuprofile> [out.svg]`: a V8 CPU profile (`node
 * --cpu-prof`, or bench/profile/warmLoad.ts) drawn as a self-contained SVG flame graph (root at
 * the bottom, callers below callees, width = share of samples; hover a frame for its name, file
 * and share), and the functions with the most self and total time printed as Markdown tables. Frames under
 * 0.1% of the samples are left out so the picture stays small.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

/** A frame as a reader knows it: the function and where it lives, node_modules and the repo shortened. */
export function frameName(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  const url = frame.url.replace(/^file:\/\//, '');
  const modules = url.lastIndexOf('/node_modules/');
  const where = modules >= 0 ? url.slice(modules + '/node_modules/'.length) : url.replace(/^.*?\/(gateway|platform|subgraphs|schema|bin|bench)\//, '$1/');
  return `${name} ${where}:${frame.lineNumber + 1}`;
}

interface Tree {
  node: ProfileNode;
  self: number;
  total: number;
  children: Tree[];
}

function buildTree(profile: CpuProfile): Tree {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const hits = new Map<number, number>();
  if (profile.samples) for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const build = (node: ProfileNode): Tree => {
    const children = (node.children ?? []).map((id) => build(byId.get(id)!));
    const self = profile.samples ? (hits.get(node.id) ?? 0) : (node.hitCount ?? 0);
    return { node, self, total: self + children.reduce((sum, child) => sum + child.total, 0), children };
  };
  return build(profile.nodes[0]);
}

const IDLE = new Set(['(idle)', '(program)', '(root)']);

/**
 * Per frame name: self samples, and total samples (itself and everything it called, counted once
 * however deep the recursion), as shares of busy samples; sorted by `by`.
 */
export function hotFunctions(profile: CpuProfile, top = 15, by: 'self' | 'total' = 'self'): Array<{ name: string; self: number; total: number }> {
  const tree = buildTree(profile);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const walk = (t: Tree, callers: Set<string>) => {
    const name = frameName(t.node.callFrame);
    if (name === '(idle)') return;
    self.set(name, (self.get(name) ?? 0) + t.self);
    if (!callers.has(name)) total.set(name, (total.get(name) ?? 0) + t.total);
    const below = new Set(callers).add(name);
    for (const child of t.children) walk(child, below);
  };
  walk(tree, new Set());
  const busy = tree.total - tree.children.filter((c) => c.node.callFrame.functionName === '(idle)').reduce((sum, c) => sum + c.total, 0);
  return [...total.keys()]
    .filter((name) => !IDLE.has(name) && !name.startsWith('processTicksAndRejections') && !name.startsWith('runMicrotasks'))
    .map((name) => ({ name, self: (self.get(name) ?? 0) / busy, total: (total.get(name) ?? 0) / busy }))
    .sort((a, b) => b[by] - a[by])
    .slice(0, top);
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function colour(name: string): string {
  if (/node_modules|^\S+ (@apollo|graphql|@graphql|@opentelemetry)/.test(name)) return 'hsl(35, 85%, 62%)';
  if (/ (gateway|platform|subgraphs|schema|bin|bench)\//.test(name)) return 'hsl(200, 70%, 62%)';
  if (/ node:|^\(garbage collector\)|^\(program\)/.test(name)) return 'hsl(0, 0%, 72%)';
  return 'hsl(10, 75%, 65%)';
}

export function flameGraphSvg(profile: CpuProfile, title: string): string {
  const tree = buildTree(profile);
  // Idle time is the process waiting for work: left out, so widths are shares of busy time.
  tree.children = tree.children.filter((child) => child.node.callFrame.functionName !== '(idle)');
  tree.total = tree.self + tree.children.reduce((sum, child) => sum + child.total, 0);
  const width = 1600;
  const row = 16;
  const minShare = 0.001;
  const frames: string[] = [];
  let depthMax = 0;
  const draw = (t: Tree, x: number, depth: number) => {
    const w = (t.total / tree.total) * width;
    depthMax = Math.max(depthMax, depth);
    const name = depth === 0 ? 'all busy samples' : frameName(t.node.callFrame);
    const share = ((t.total / tree.total) * 100).toFixed(2);
    frames.push(
      `<g><title>${escape(name)} (${share}%, self ${((t.self / tree.total) * 100).toFixed(2)}%)</title><rect x="${x.toFixed(1)}" y="{Y${depth}}" width="${Math.max(w - 0.5, 0.5).toFixed(1)}" height="${row - 1}" fill="${colour(name)}"/>` +
        (w > 40 ? `<text x="${(x + 3).toFixed(1)}" y="{T${depth}}">${escape(name.slice(0, Math.floor(w / 6.5)))}</text>` : '') +
        '</g>',
    );
    let cx = x;
    for (const child of [...t.children].sort((a, b) => frameName(a.node.callFrame).localeCompare(frameName(b.node.callFrame)))) {
      if (child.total / tree.total >= minShare) draw(child, cx, depth + 1);
      cx += (child.total / tree.total) * width;
    }
  };
  draw(tree, 0, 0);
  const top = 40;
  const height = top + (depthMax + 1) * row + 10;
  // Root at the bottom: depth d sits (d + 1) rows above the bottom margin.
  const body = frames.map((frame) => frame.replace(/\{Y(\d+)\}/, (_, d) => String(height - 10 - (Number(d) + 1) * row)).replace(/\{T(\d+)\}/, (_, d) => String(height - 10 - Number(d) * row - 4))).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="monospace" font-size="11">
<rect width="100%" height="100%" fill="#fff"/>
<text x="8" y="18" font-size="14">${escape(title)}</text>
<text x="8" y="33" fill="#555">width = share of busy CPU samples (idle left out); blue: Rantau's code, amber: libraries, grey: Node's JavaScript, red: native code and V8; hover a frame for its share</text>
${body}
</svg>
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [input, output = input.replace(/\.cpuprofile$/, '.svg')] = process.argv.slice(2);
  if (!input) {
    console.error('usage: flameGraph.ts <file.cpuprofile> [out.svg]');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(input, 'utf8')) as CpuProfile;
  writeFileSync(output, flameGraphSvg(profile, `${basename(input)}: CPU flame graph`));
  for (const by of ['self', 'total'] as const) {
    console.log(`\nBy ${by} time:\n\n| self | total | function |\n|---:|---:|---|`);
    for (const f of hotFunctions(profile, 15, by)) console.log(`| ${(f.self * 100).toFixed(1)}% | ${(f.total * 100).toFixed(1)}% | \`${f.name}\` |`);
  }
  console.error(`wrote ${output}`);
}
