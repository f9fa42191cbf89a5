// A built bundle as gateway routes: every file of its folder under `<base>/<file>`. The bundle's
// key is in `base`, so a path never names two contents and browsers may keep the files for good.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { RouteHandler } from '../../platform/httpServer.js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export function assetRoutes(dir: string, base: string): Record<string, RouteHandler> {
  const routes: Record<string, RouteHandler> = {};
  for (const file of readdirSync(dir)) {
    // Read on first request: megabytes a gateway that nobody opens the page on need not hold.
    let body: Buffer | undefined;
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    routes[`GET ${base}/${file}`] = (_req, res) => {
      body ??= readFileSync(join(dir, file));
      res.writeHead(200, { 'content-type': type, 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' });
      res.end(body);
    };
  }
  return routes;
}
