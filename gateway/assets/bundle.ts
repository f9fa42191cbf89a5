// Builds a browser bundle the gateway serves itself (the IDE, the analyst page) with esbuild, once:
// the result lives in <cache>/<name>/<key>/ (ignored by git), keyed by the versions of everything
// bundled and by the entry's own sources, and is rebuilt only when missing. A container builds its
// bundles while its image is built (bin/buildIde.ts), so it starts without esbuild work.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Loader } from 'esbuild';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BundleSpec {
  /** The bundle's folder under the cache (`ide`, `analyst`). */
  name: string;
  /** Output name → entry module (a file path, or a package path resolved from here). The first is the page's script. */
  entryPoints: Record<string, string>;
  /** Packages whose code ends up in the bundle: a new version of any of them means a new bundle. */
  packages: string[];
  /** Where a package's own entry is, when its main entry cannot be resolved (monaco-editor has none). */
  resolveAs?: Record<string, string>;
  /** The entry's own source files (absolute paths): a change to any of them means a new bundle. */
  sources: string[];
  loader?: Record<string, Loader>;
  /** Where bundles live; `.cache` at the repository root unless given. */
  cacheDir?: string;
}

function version(name: string, resolveAs: Record<string, string>): string {
  // Not every package exports its package.json, so it is found next to its resolved entry's folder chain.
  let dir = dirname(require.resolve(resolveAs[name] ?? name));
  while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name) dir = dirname(dir);
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version as string;
}

export function bundleKey(spec: BundleSpec): string {
  const hash = createHash('sha256');
  for (const name of [...spec.packages, 'esbuild']) hash.update(`${name}@${version(name, spec.resolveAs ?? {})}\n`);
  for (const file of spec.sources) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** Where the bundle for the installed packages lives. */
export function bundleDir(spec: BundleSpec): string {
  return join(spec.cacheDir ?? join(ROOT, '.cache', spec.name), bundleKey(spec));
}

/**
 * The folder holding the built files; built when missing. Built in a private folder then renamed,
 * so concurrent starts (parallel test files) never see half a bundle.
 */
export async function ensureBundle(spec: BundleSpec, dir = bundleDir(spec)): Promise<string> {
  const page = Object.keys(spec.entryPoints)[0];
  if (existsSync(join(dir, `${page}.js`))) return dir;
  const scratch = `${dir}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(scratch, { recursive: true });
  try {
    await build({
      entryPoints: Object.fromEntries(Object.entries(spec.entryPoints).map(([name, module]) => [name, module.startsWith('/') ? module : require.resolve(module)])),
      outdir: scratch,
      bundle: true,
      format: 'iife',
      minify: true,
      target: 'es2020',
      platform: 'browser',
      define: { 'process.env.NODE_ENV': '"production"' },
      loader: spec.loader,
      assetNames: '[name]',
      legalComments: 'none',
      logLevel: 'silent',
    });
    try {
      renameSync(scratch, dir);
    } catch (error) {
      // Another process finished first: its bundle is the same one.
      if (!existsSync(join(dir, `${page}.js`))) throw error;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  // Bundles of earlier package versions are never served again.
  for (const old of readdirSync(dirname(dir))) {
    if (/^[0-9a-f]{16}$/.test(old) && old !== basename(dir)) rmSync(join(dirname(dir), old), { recursive: true, force: true });
  }
  return dir;
}
