// The IDE's saved operations: every docs/examples/*.graphql, each opened as its own tab, with its
// variables from a sibling <name>.variables.json when there is one. Adding an example is adding a
// file; the gateway reads the folder when it starts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IdeTab } from './config.js';

export const EXAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'examples');

export function readExamples(dir = EXAMPLES_DIR): IdeTab[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const variablesFile = join(dir, file.replace(/\.graphql$/, '.variables.json'));
      const tab: IdeTab = { query: readFileSync(join(dir, file), 'utf8') };
      if (existsSync(variablesFile)) tab.variables = readFileSync(variablesFile, 'utf8');
      return tab;
    });
}
