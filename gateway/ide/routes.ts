// The IDE as gateway routes: the page at `/`, its bundle under `/ide/<bundle key>/`. Everything is
// served by the gateway itself from the bundle built by bundle.ts; the page never names another
// host. The key in the path changes with the bundle, so browsers may keep the files for good.
import { basename } from 'node:path';
import type { RouteHandler } from '../../platform/httpServer.js';
import type { IdeConfig, IdeTab } from './config.js';
import { ensureIdeBundle } from './bundle.js';
import { assetRoutes } from '../assets/routes.js';
import { readExamples } from './examples.js';

/**
 * What a new tab's headers editor holds: the bearer token to paste and the purpose the request
 * declares (platform/caller.ts lists the purposes).
 */
export const DEFAULT_IDE_HEADERS = JSON.stringify({ Authorization: 'Bearer <paste your access token>', 'Rantau-Purpose': 'SKILLS_RECOGNITION' }, null, 2);

export interface IdeOptions {
  /** A first tab computed on every page load (`npm start` puts a worker it found there). */
  defaultQuery?: () => string | undefined;
  /** Saved operations, one tab each; defaults to docs/examples/*.graphql read once here. */
  examples?: IdeTab[];
  /** The headers editor's JSON, read on every page load (`npm start` puts a ready development token there); a placeholder when absent. */
  headers?: () => string | undefined;
}

export function idePage(config: IdeConfig, assets: string): string {
  // JSON inside <script> must not be able to close the element.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Rantau — ASEAN labour registries</title>
  <link rel="icon" href="data:," />
  <link rel="stylesheet" href="${assets}/ide.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script id="rantau-ide-config" type="application/json">${json}</script>
  <script src="${assets}/ide.js"></script>
</body>
</html>`;
}

export async function ideRoutes(options: IdeOptions = {}): Promise<Record<string, RouteHandler>> {
  const dir = await ensureIdeBundle();
  const assets = `/ide/${basename(dir)}`;
  const examples = options.examples ?? readExamples();
  const routes: Record<string, RouteHandler> = {
    'GET /': (_req, res) => {
      const first = options.defaultQuery?.();
      const tabs = first ? [{ query: first }, ...examples] : examples;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(idePage({ endpoint: '/graphql', headers: options.headers?.() ?? DEFAULT_IDE_HEADERS, tabs: tabs.length > 0 ? tabs : [{ query: '' }] }, assets));
    },
  };
  return { ...routes, ...assetRoutes(dir, assets) };
}
