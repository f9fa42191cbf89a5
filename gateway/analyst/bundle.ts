// The analyst page's bundle (browser.ts, its stylesheet and Observable Plot with the d3 modules it
// draws with), built once by gateway/assets/bundle.ts into .cache/analyst/<key>/.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBundle } from '../assets/bundle.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The folder holding analyst.js and analyst.css; built when missing. */
export function ensureAnalystBundle(): Promise<string> {
  return ensureBundle({
    name: 'analyst',
    entryPoints: { analyst: join(HERE, 'browser.ts') },
    packages: ['@observablehq/plot', 'd3'],
    sources: ['browser.ts', 'chart.ts', 'config.ts', 'csv.ts', 'statistics.ts', 'page.css'].map((file) => join(HERE, file)),
  });
}
