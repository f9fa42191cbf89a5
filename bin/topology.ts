import { countryEntries, type CountryEntry } from '../subgraphs/countries.js';

/**
 * Where each service is reached. Defaults are the embedded stack's localhost ports from
 * subgraphs/countries.json; containers override them with environment variables
 * (docker-compose.yml sets every one of them).
 */
export const REGIONAL_PORT = 4001;

export function entryFor(code: string): CountryEntry {
  const entry = countryEntries.find((e) => e.code === code.toUpperCase());
  if (!entry) throw new Error(`${code} is not in subgraphs/countries.json (served: ${countryEntries.map((e) => e.code).join(', ')})`);
  return entry;
}

/** SUBGRAPH_URL_<CC>, e.g. SUBGRAPH_URL_IDN=http://idn:4013 */
export function subgraphUrl(code: string, env = process.env): string {
  return env[`SUBGRAPH_URL_${code}`] ?? `http://localhost:${entryFor(code).subgraphPort}`;
}

/** REGIONAL_URL */
export function regionalUrl(env = process.env): string {
  return env.REGIONAL_URL ?? `http://localhost:${REGIONAL_PORT}`;
}

/** REGISTRY_URL_<CC>_<KEY>, e.g. REGISTRY_URL_IDN_BNSP=http://registry-idn-bnsp:4105 */
export function registryUrl(code: string, key: string, env = process.env): string {
  const port = entryFor(code).registryPorts[key];
  return env[`REGISTRY_URL_${code}_${key.toUpperCase()}`] ?? `http://localhost:${port}`;
}
