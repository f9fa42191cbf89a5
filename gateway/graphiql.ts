import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RouteHandler } from '../platform/httpServer.js';

/**
 * GraphiQL from the npm packages, served from the project's own process: no CDN, nothing fetched
 * at run time. React 18 and GraphiQL 3 still ship browser (UMD) builds.
 */
const require = createRequire(import.meta.url);

const ASSETS: Record<string, { module: string; file: string; type: string }> = {
  '/assets/react.js': { module: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  '/assets/react-dom.js': { module: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  '/assets/graphiql.js': { module: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  '/assets/graphiql.css': { module: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

// The UMD files are not in the packages' export maps, so they are read from the package folder.
function assetPath(module: string, file: string): string {
  return join(dirname(require.resolve(`${module}/package.json`)), file);
}

const script = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** `defaultHeaders`: the request headers the IDE starts with (the development stack's ready token), JSON. */
export function graphiqlPage(defaultQuery: string, defaultHeaders?: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Rantau — ASEAN labour registries</title>
  <link rel="stylesheet" href="/assets/graphiql.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/assets/react.js"></script>
  <script src="/assets/react-dom.js"></script>
  <script src="/assets/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery: ${script(defaultQuery)}, ${defaultHeaders ? `defaultHeaders: ${script(defaultHeaders)}, ` : ''}defaultEditorToolsVisibility: true })
    );
  </script>
</body>
</html>`;
}

export function graphiqlRoutes(defaultQuery: () => string, defaultHeaders?: () => string | undefined): Record<string, RouteHandler> {
  const routes: Record<string, RouteHandler> = {
    'GET /': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(graphiqlPage(defaultQuery(), defaultHeaders?.()));
    },
  };
  for (const [path, asset] of Object.entries(ASSETS)) {
    const body = readFileSync(assetPath(asset.module, asset.file));
    routes[`GET ${path}`] = (_req, res) => {
      res.writeHead(200, { 'content-type': `${asset.type}; charset=utf-8`, 'cache-control': 'public, max-age=86400' });
      res.end(body);
    };
  }
  return routes;
}
