// The IDE's bundle (browser.ts: GraphiQL 5, React 19, Monaco and its three web workers), built once
// by gateway/assets/bundle.ts into .cache/ide/<key>/ (IDE_CACHE_DIR overrides .cache/ide).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBundle, type BundleSpec } from '../assets/bundle.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The three Monaco workers GraphiQL 5 starts (see graphiql's setup-workers), by the names browser.ts asks for. */
const WORKERS: Record<string, string> = {
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
};

function ideBundle(): BundleSpec {
  return {
    name: 'ide',
    entryPoints: { ide: join(HERE, 'browser.ts'), ...WORKERS },
    packages: ['graphiql', '@graphiql/react', 'react', 'react-dom', 'monaco-editor', 'monaco-graphql'],
    resolveAs: { 'monaco-editor': 'monaco-editor/esm/vs/editor/editor.api.js' },
    sources: ['browser.ts', 'config.ts'].map((file) => join(HERE, file)),
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
    cacheDir: process.env.IDE_CACHE_DIR || undefined,
  };
}

/** The folder holding ide.js, ide.css, the workers and Monaco's font; built when missing. */
export function ensureIdeBundle(): Promise<string> {
  return ensureBundle(ideBundle());
}
