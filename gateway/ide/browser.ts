/// <reference lib="dom" />
// The IDE's browser entry: GraphiQL 5 on React 19, bundled by esbuild (gateway/ide/bundle.ts) into
// assets the gateway serves itself. Monaco runs its language services in web workers; they are
// bundled beside this file and started from the gateway's own URLs, so nothing comes from a CDN.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import type { ExecutionResult } from 'graphql';
import type { IdeConfig } from './config.js';

type Params = { query: string; variables?: unknown; operationName?: string | null };

// The workers sit beside this script, under the bundle's own path (/ide/<bundle key>/).
const assets = new URL('.', (document.currentScript as HTMLScriptElement).src);

(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string): Worker {
    const name = label === 'graphql' ? 'graphql' : label === 'json' ? 'json' : 'editor';
    return new Worker(new URL(`${name}.worker.js`, assets));
  },
};

const config = JSON.parse(document.getElementById('rantau-ide-config')!.textContent!) as IdeConfig;

/** POSTs to the gateway with whatever the headers editor holds (bearer token, Rantau-Purpose). */
async function fetcher(params: Params, options?: { headers?: Record<string, unknown> }): Promise<ExecutionResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  for (const [name, value] of Object.entries(options?.headers ?? {})) if (value !== undefined && value !== null && value !== '') headers[name] = String(value);
  const response = await fetch(config.endpoint, { method: 'POST', headers, body: JSON.stringify(params) });
  return (await response.json()) as ExecutionResult;
}

createRoot(document.getElementById('graphiql')!).render(
  createElement(GraphiQL, {
    fetcher,
    defaultTabs: config.tabs,
    defaultHeaders: config.headers,
    defaultEditorToolsVisibility: 'headers',
  }),
);
