// The analyst page as gateway routes: the page at `/analyst`, its bundle under
// `/analyst/<bundle key>/`. Everything comes from the gateway itself, and the page's
// Content-Security-Policy says so to the browser: scripts, styles and requests from this origin
// only (Plot writes its own <style> into each chart, hence inline styles), no frames, no forms
// posted anywhere. Anyone may load the page; the statistics it asks for need a token.
import { basename } from 'node:path';
import type { RouteHandler } from '../../platform/httpServer.js';
import type { AnalystConfig } from './config.js';
import { ensureAnalystBundle } from './bundle.js';
import { assetRoutes } from '../assets/routes.js';

export const ANALYST_PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  // A development token may be in the page (AnalystOptions.token): never stored by a cache.
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

export interface AnalystOptions {
  /** A token the page starts with when the tab holds none, read on every page load (`npm start`: a development analyst token). */
  token?: () => string | undefined;
}

export function analystPage(config: AnalystConfig, assets: string): string {
  // JSON inside <script> must not be able to close the element.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Rantau — regional statistics</title>
  <link rel="icon" href="data:," />
  <link rel="stylesheet" href="${assets}/analyst.css" />
</head>
<body>
  <header>
    <h1>Rantau · regional statistics</h1>
    <p>How many foreign workers hold which permits and certified skills across the ASEAN member states, counted from each
    country's de-identified index: no names, no document numbers, and small counts suppressed.</p>
  </header>
  <section id="access" aria-label="Access">
    <label for="token">Access token</label>
    <input id="token" type="password" autocomplete="off" spellcheck="false" placeholder="paste a bearer token (analyst, inspector or operator)" />
    <button id="forget" type="button">Forget</button>
    <p class="help">Your member state's authorisation server issues it. On a development stack, copy the <code>analyst</code>
    token <code>npm start</code> prints, or sign one with <code>npm run -s token -- --role analyst --member-state IDN</code>.
    It is kept in this browser tab only (session storage) and sent to this gateway alone.</p>
  </section>
  <form id="query">
    <div class="row">
      <div class="field"><label for="statistic">Statistic</label><select id="statistic" name="statistic"></select></div>
      <div class="row" id="dimensions"></div>
    </div>
    <fieldset id="filters"></fieldset>
    <button type="submit">Show</button><span id="status" role="status"></span>
  </form>
  <section id="result" hidden>
    <div id="freshness"></div>
    <div id="chart"></div>
    <p id="legend" class="help">✕ on the axis (bars) or S (matrix): a suppressed cell. Its count is withheld, not zero.</p>
    <div class="actions"><button id="download" type="button" class="secondary">Download CSV</button></div>
    <div class="table"><table id="table"></table></div>
  </section>
  <script id="rantau-analyst-config" type="application/json">${json}</script>
  <script src="${assets}/analyst.js"></script>
</body>
</html>`;
}

export async function analystRoutes(options: AnalystOptions = {}): Promise<Record<string, RouteHandler>> {
  const dir = await ensureAnalystBundle();
  const assets = `/analyst/${basename(dir)}`;
  return {
    'GET /analyst': (_req, res) => {
      const token = options.token?.();
      res.writeHead(200, ANALYST_PAGE_HEADERS);
      res.end(analystPage({ endpoint: '/graphql', ...(token ? { token } : {}) }, assets));
    },
    ...assetRoutes(dir, assets),
  };
}
