import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countryName, isAlpha3 } from '../../schema/countries/index.js';
import { typePrefix } from '../../subgraphs/kit/country.js';
import type { CountryEntry } from '../../subgraphs/countries.js';

/**
 * Writes a new country into a checkout: `subgraphs/<cc>/` from the templates in `files/`, and one
 * entry in `subgraphs/countries.json`. Contract: either both are written or, when the code is not a
 * new ISO 3166-1 alpha-3 country, neither is, and a ScaffoldError says why.
 */
export class ScaffoldError extends Error {}

const TEMPLATES = fileURLToPath(new URL('./files/', import.meta.url));
const TEMPLATE_SUFFIX = '.tmpl';
// The templates' registry keys, certification first; an integrator renames them to the spec's.
const REGISTRY_KEYS = ['__cc__cert', '__cc__permit'] as const;
// Where the embedded stack's subgraph and registry ports begin (4011…, 4101…), for a list that is still empty.
const SUBGRAPH_PORTS_AFTER = 4010;
const REGISTRY_PORTS_AFTER = 4100;

/** The spellings of one country the templates use. */
export interface CountryNames {
  /** `PNG`, replaces `__CC__`. */
  code: string;
  /** `png`, replaces `__cc__` (folder, registry keys, identifiers). */
  lower: string;
  /** `Png`, replaces `__Cc__` (type names). */
  prefix: string;
  /** `Papua New Guinea`, replaces `__NAME__`. */
  name: string;
}

interface CountryList {
  $comment?: string;
  countries: CountryEntry[];
}

function countriesFile(root: string): string {
  return join(root, 'subgraphs', 'countries.json');
}

/** Checks the code the integrator typed and spells it every way the templates need. */
export function countryNames(input: string | undefined, served: readonly CountryEntry[], root: string): CountryNames {
  if (input === undefined || input.trim() === '') throw new ScaffoldError('expected an ISO 3166-1 alpha-3 country code such as "PNG", got nothing');
  const code = input.trim().toUpperCase();
  if (!isAlpha3(code)) throw new ScaffoldError(`expected an ISO 3166-1 alpha-3 country code such as "PNG", got ${JSON.stringify(input)}`);
  const lower = code.toLowerCase();
  if (served.some((entry) => entry.code === code)) {
    throw new ScaffoldError(`${code} is already served: subgraphs/countries.json lists it and its folder is subgraphs/${lower}/`);
  }
  if (existsSync(join(root, 'subgraphs', lower))) {
    throw new ScaffoldError(`subgraphs/${lower}/ already exists but subgraphs/countries.json does not list ${code}: finish that folder by hand (its entry in the list is the one step left), or move it away and run this again`);
  }
  return { code, lower, prefix: typePrefix(code), name: countryName(code) ?? code };
}

/** The first `count` ports above `after` that no service in the list uses. */
export function freePorts(served: readonly CountryEntry[], after: number, count: number): number[] {
  const used = new Set(served.flatMap((entry) => [entry.subgraphPort, ...Object.values(entry.registryPorts)]));
  const ports: number[] = [];
  for (let port = after + 1; ports.length < count; port += 1) if (!used.has(port)) ports.push(port);
  return ports;
}

/** The list entry of a new country: the next subgraph port after the served ones, the next two registry ports. */
export function countryEntry(names: CountryNames, served: readonly CountryEntry[]): CountryEntry {
  const [subgraphPort] = freePorts(served, Math.max(SUBGRAPH_PORTS_AFTER, ...served.map((entry) => entry.subgraphPort)), 1);
  const [certPort, permitPort] = freePorts(served, Math.max(REGISTRY_PORTS_AFTER, ...served.flatMap((entry) => Object.values(entry.registryPorts))), 2);
  const [certKey, permitKey] = REGISTRY_KEYS.map((key) => render(key, names, ''));
  return { code: names.code, subgraphPort, registryPorts: { [certKey]: certPort, [permitKey]: permitPort } };
}

/**
 * Fills a template's tokens. A name such as "Cote D'Ivoire" is escaped where a TypeScript template
 * holds it inside a single-quoted string, and left as it is everywhere else.
 */
export function render(template: string, names: CountryNames, file: string): string {
  const quoted = file.endsWith('.ts')
    ? template.replace(/'(?:[^'\\\n]|\\.)*'/g, (literal) => literal.replaceAll('__NAME__', names.name.replace(/[\\']/g, '\\$&')))
    : template;
  return quoted.replaceAll('__CC__', names.code).replaceAll('__cc__', names.lower).replaceAll('__Cc__', names.prefix).replaceAll('__NAME__', names.name);
}

/** Every file of the new folder, by name, rendered. */
export function countryFiles(names: CountryNames): Map<string, string> {
  const files = new Map<string, string>();
  // Recursive: the simulators' templates sit in `sandbox/`, apart from the product's.
  for (const template of (readdirSync(TEMPLATES, { recursive: true }) as string[]).filter((file) => file.endsWith(TEMPLATE_SUFFIX)).sort()) {
    const file = render(template.slice(0, -TEMPLATE_SUFFIX.length), names, '');
    files.set(file, render(readFileSync(join(TEMPLATES, template), 'utf8'), names, file));
  }
  return files;
}

export interface Scaffolded {
  names: CountryNames;
  entry: CountryEntry;
  folder: string;
  files: string[];
}

export function scaffoldCountry(root: string, input: string | undefined): Scaffolded {
  const list = JSON.parse(readFileSync(countriesFile(root), 'utf8')) as CountryList;
  const names = countryNames(input, list.countries, root);
  const entry = countryEntry(names, list.countries);
  const folder = join('subgraphs', names.lower);
  const files = countryFiles(names);
  // The folder first: a country in the list without its folder would break every command that loads the list.
  mkdirSync(join(root, folder));
  for (const [file, text] of files) {
    mkdirSync(dirname(join(root, folder, file)), { recursive: true });
    writeFileSync(join(root, folder, file), text);
  }
  list.countries.push(entry);
  writeFileSync(countriesFile(root), `${JSON.stringify(list, null, 2)}\n`);
  return { names, entry, folder, files: [...files.keys()] };
}
