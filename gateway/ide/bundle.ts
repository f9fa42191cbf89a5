// Builds the IDE (browser.ts, GraphiQL 5, React 19, Monaco and its three web workers) into static
// files with esbuild, once: the result lives in .cache/ide/<key>/ (ignored by git), keyed by the
// versions of everything bundled and by the entry's own source, and is rebuilt only when missing.
// A container builds it while its image is built (bin/buildIde.ts), so it starts without esbuild work.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');

/** Packages whose code ends up in the bundle: a new version of any of them means a new bundle. */
const BUNDLED = ['graphiql', '@graphiql/react', 'react', 'react-dom', 'monaco-editor', 'monaco-graphql', 'esbuild'];
const SOURCES = ['browser.ts', 'config.ts'];

/** The three Monaco workers GraphiQL 5 starts (see graphiql's setup-workers), by the names browser.ts asks for. */
const WORKERS: Record<string, string> = {
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
};

function version(name: string): string {
  // Not every package exports its package.json, so it is found next to its resolved entry's folder chain.
  let dir = dirname(require.resolve(name === 'monaco-editor' ? 'monaco-editor/esm/vs/editor/editor.api.js' : name));
  while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name) dir = dirname(dir);
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version as string;
}

export function ideBundleKey(): string {
  const hash = createHash('sha256');
  for (const name of BUNDLED) hash.update(`${name}@${version(name)}\n`);
  for (const file of SOURCES) hash.update(readFileSync(join(HERE, file)));
  return hash.digest('hex').slice(0, 16);
}

/** Where the bundle for the installed packages lives (IDE_CACHE_DIR overrides .cache/ide). */
export function ideBundleDir(cacheDir = process.env.IDE_CACHE_DIR || join(ROOT, '.cache', 'ide')): string {
  return join(cacheDir, ideBundleKey());
}

/**
 * The folder holding ide.js, ide.css, the workers and Monaco's font; built when missing. Built in
 * a private folder then renamed, so concurrent starts (parallel test files) never see half a bundle.
 */
export async function ensureIdeBundle(dir = ideBundleDir()): Promise<string> {
  if (existsSync(join(dir, 'ide.js'))) return dir;
  const scratch = `${dir}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(scratch, { recursive: true });
  try {
    await build({
      entryPoints: { ide: join(HERE, 'browser.ts'), ...Object.fromEntries(Object.entries(WORKERS).map(([name, module]) => [name, require.resolve(module)])) },
      outdir: scratch,
      bundle: true,
      format: 'iife',
      minify: true,
      target: 'es2020',
      platform: 'browser',
      define: { 'process.env.NODE_ENV': '"production"' },
      loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
      assetNames: '[name]',
      legalComments: 'none',
      logLevel: 'silent',
    });
    try {
      renameSync(scratch, dir);
    } catch (error) {
      // Another process finished first: its bundle is the same one.
      if (!existsSync(join(dir, 'ide.js'))) throw error;
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
