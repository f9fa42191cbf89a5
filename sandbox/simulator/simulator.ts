import { batchLimitOf } from '../../subgraphs/kit/adapter.js';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { operatorAuthorized } from './operatorCredential.js';
import { join } from 'node:path';
import type { RegistryProfile } from '../../subgraphs/kit/adapter.js';
import { listen, type RunningServer } from '../../platform/httpServer.js';
import { logger } from '../../platform/logger.js';
import { defaultPopulation, type Population } from '../population/population.js';
import type { AtScale } from './atScale.js';
import { simScale } from '../population/scaledPopulation.js';
import { ScaledRecordStore, sharedScaledPopulation } from './scaledRecordStore.js';
import { RecordStore } from './recordStore.js';

export { RecordStore };
export { atScale, trailingSeq } from './atScale.js';

/**
 * The simulator kit: a national registry's native API over HTTP, with the behaviour its
 * specification publishes (latency, rate limit with 429 + Retry-After, 503 faults, hangs), plus a
 * control surface under `/__sim/` that real registries do not have: request counts per route,
 * runtime configuration (take it down, slow it, change its limits) and record upserts that feed
 * the change log.
 */
export interface NativeResponse {
  status: number;
  json?: unknown;
  xml?: string;
  text?: string;
  headers?: Record<string, string>;
}

export interface SimRequest {
  method: string;
  /** Request headers, lower-case names (conditional GETs read `if-none-match`). */
  headers: IncomingHttpHeaders;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export interface SimRoute<N> {
  method: 'GET' | 'POST';
  /** Path with `{param}` segments, as the specification writes it. */
  path: string;
  handle(request: SimRequest, store: RecordStore<N>): NativeResponse | Promise<NativeResponse>;
}

export interface SimulatorDefinition<N> {
  country: string;
  profile: RegistryProfile;
  /** How the registry behaves, as its specification publishes it: what only a simulator reproduces. */
  behaviour: SimulatedBehaviour;
  /** Native records for the synthetic population. */
  records(population: Population): N[];
  /** The record's native id (its key in the change feed). */
  idOf(record: N): string;
  /**
   * The ids of the contract records one native record holds, when it holds several (a Brunei
   * licence holds one permit per worker line); by default the record's own id.
   */
  recordIdsOf?(record: N): string[];
  /** What the registry answers when a client exceeds its rate limit (429). */
  rateLimited: NativeResponse;
  /**
   * For SIM_SCALE: how one record of the scaled population is written (null when this registry
   * would not hold it) and which place in the registry a number names, so that the store can draw
   * any record on demand instead of holding them all. Without it, the registry serves the small
   * population whatever SIM_SCALE says.
   */
  atScale?: AtScale<N>;
  routes: SimRoute<N>[];
}

export interface SimulatedBehaviour {
  /** Latency range of one call (ms). */
  latencyMs: [number, number];
  /** Share of calls answered 503. */
  faultRate: number;
  /** Share of calls that hang until the client gives up (Myanmar). */
  hangRate?: number;
}

export interface SimulatorConfig {
  latencyMs: [number, number];
  ratePerSecond: number;
  batchLimit: number | null;
  faultRate: number;
  hangRate: number;
  /** When true every route but /__sim answers 503 and /health fails. */
  down: boolean;
}

export interface SimulatorOptions {
  port?: number;
  host?: string;
  population?: Population;
  /** Directory of `<CC>/<registry>.jsonl` fixture files (defaults to FIXTURES_DIR). */
  fixturesDir?: string;
  config?: Partial<SimulatorConfig>;
  /** The bearer credential `/__sim/*` answers; a random one when unset (read it from RunningSimulator). */
  operatorToken?: string;
  /** Population scale (SIM_SCALE by default); above 1, registries that can draw records on demand serve the scaled population. */
  scale?: number;
}

export interface RunningSimulator extends RunningServer {
  /** Send as `Authorization: Bearer <operatorToken>` to the control endpoints. */
  operatorToken: string;
  key: string;
  profile: RegistryProfile;
  country: string;
  config: SimulatorConfig;
  store: RecordStore<unknown>;
}

interface CompiledRoute<N> {
  route: SimRoute<N>;
  name: string;
  regex: RegExp;
  params: string[];
}

function compileRoute<N>(route: SimRoute<N>): CompiledRoute<N> {
  const params: string[] = [];
  // `{name}` is one path segment; `{name*}` the rest of the path, slashes included (a number whose documented URL carries its slashes).
  const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)(\\\*)?\}/g, (_m, name: string, rest?: string) => {
    params.push(name);
    return rest ? '(.+)' : '([^/]+)';
  });
  return { route, name: `${route.method} ${route.path.replace('*}', '}')}`, regex: new RegExp(`^${source}$`), params };
}

/** Fixture records: one native record per line, exactly as the API returns it. */
export function loadFixtures<N>(dir: string | undefined, country: string, key: string): N[] {
  if (!dir) return [];
  const file = join(dir, country, `${key}.jsonl`);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as N;
      } catch {
        throw new Error(`${file}:${i + 1}: not a JSON object`);
      }
    });
}

/** SIM_FAULTS=0 turns injected faults (503s, hangs) off for deterministic runs; latency stays. SIM_LATENCY_SCALE scales latency. */
export function configFromEnvironment(profile: RegistryProfile, behaviour: SimulatedBehaviour, env = process.env): SimulatorConfig {
  const faults = env.SIM_FAULTS !== '0';
  const scale = env.SIM_LATENCY_SCALE !== undefined ? Number(env.SIM_LATENCY_SCALE) : 1;
  return {
    latencyMs: [behaviour.latencyMs[0] * scale, behaviour.latencyMs[1] * scale],
    ratePerSecond: profile.ratePerSecond,
    batchLimit: batchLimitOf(profile),
    faultRate: faults ? behaviour.faultRate : 0,
    hangRate: faults ? (behaviour.hangRate ?? 0) : 0,
    down: false,
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: NativeResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  let body = '';
  if (response.xml !== undefined) {
    headers['content-type'] ??= 'application/xml; charset=utf-8';
    body = response.xml;
  } else if (response.text !== undefined) {
    headers['content-type'] ??= 'text/plain; charset=utf-8';
    body = response.text;
  } else if (response.json !== undefined) {
    headers['content-type'] ??= 'application/json; charset=utf-8';
    body = JSON.stringify(response.json);
  }
  res.writeHead(response.status, headers);
  res.end(body);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startSimulator<N>(definition: SimulatorDefinition<N>, options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const { profile } = definition;
  const config: SimulatorConfig = { ...configFromEnvironment(profile, definition.behaviour), ...options.config };
  const population = options.population ?? defaultPopulation();
  const fixtures = loadFixtures<N>(options.fixturesDir ?? process.env.FIXTURES_DIR, definition.country, profile.key);
  const scale = options.scale ?? simScale();
  let store: RecordStore<N>;
  if (scale > 1 && definition.atScale) {
    store = new ScaledRecordStore<N>(definition.idOf, definition.atScale, sharedScaledPopulation(population.seed, scale).registry(definition.country, definition.atScale.kind));
    for (const record of fixtures) store.put(record, '1970-01-01T00:00:00.000Z');
  } else {
    if (scale > 1) console.warn(`[sim ${definition.country} ${profile.key}] SIM_SCALE=${scale}: this registry has no atScale; it serves the small population`);
    store = new RecordStore<N>(definition.idOf, [...definition.records(population), ...fixtures]);
  }
  const routes = definition.routes.map(compileRoute);
  const counts = new Map<string, number>();
  let rateLimited = 0;
  let faults = 0;
  // A token bucket per client address, holding one second's worth of requests.
  const buckets = new Map<string, { tokens: number; at: number }>();
  const hanging = new Set<ServerResponse>();
  const log = logger(`registry-${definition.country.toLowerCase()}-${profile.key}`);

  const takeToken = (client: string): number => {
    const now = Date.now();
    const bucket = buckets.get(client) ?? { tokens: config.ratePerSecond, at: now };
    bucket.tokens = Math.min(config.ratePerSecond, bucket.tokens + ((now - bucket.at) / 1000) * config.ratePerSecond);
    bucket.at = now;
    buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / config.ratePerSecond));
  };

  const operatorToken = options.operatorToken ?? randomBytes(24).toString('base64url');
  const control = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const path = url.pathname;
    // Taking a registry down or rewriting its records is the operator's, never a caller's.
    if (!operatorAuthorized(req.headers.authorization, operatorToken)) {
      send(res, { status: 401, json: { error: 'the simulator control endpoints need the operator credential (Authorization: Bearer <token>)', code: 'OPERATOR_CREDENTIAL_REQUIRED' }, headers: { 'www-authenticate': 'Bearer realm="rantau-simulator"' } });
      return true;
    }
    if (req.method === 'GET' && path === '/__sim/stats') {
      send(res, { status: 200, json: { country: definition.country, registry: profile.key, routes: Object.fromEntries(counts), total: [...counts.values()].reduce((a, b) => a + b, 0), rateLimited, faults } });
    } else if (req.method === 'POST' && path === '/__sim/stats/reset') {
      counts.clear();
      rateLimited = 0;
      faults = 0;
      send(res, { status: 204 });
    } else if (path === '/__sim/config' && (req.method === 'GET' || req.method === 'POST')) {
      if (req.method === 'POST') Object.assign(config, JSON.parse((await readBody(req)) || '{}'));
      send(res, { status: 200, json: config });
    } else if (req.method === 'POST' && path === '/__sim/records') {
      const records = JSON.parse(await readBody(req)) as N[];
      for (const record of records) store.put(record);
      send(res, { status: 200, json: { stored: records.length } });
    } else {
      return false;
    }
    return true;
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname.startsWith('/__sim/') && (await control(req, res, url))) return;
      if (req.method === 'GET' && url.pathname === '/health') {
        send(res, config.down ? { status: 503, json: { status: 'down' } } : { status: 200, json: { status: 'ok' } });
        return;
      }
      let match: RegExpExecArray | null = null;
      const compiled = routes.find((r) => r.route.method === req.method && (match = r.regex.exec(url.pathname)) !== null);
      if (!compiled || !match) {
        send(res, { status: 404, json: { error: `no route ${req.method} ${url.pathname}` } });
        return;
      }
      const m = match as RegExpExecArray;
      counts.set(compiled.name, (counts.get(compiled.name) ?? 0) + 1);
      if (config.down) {
        faults += 1;
        send(res, { status: 503, text: 'Service Unavailable' });
        return;
      }
      const wait = takeToken(req.socket.remoteAddress ?? 'unknown');
      if (wait > 0) {
        rateLimited += 1;
        send(res, { ...definition.rateLimited, headers: { ...definition.rateLimited.headers, 'retry-after': String(wait) } });
        return;
      }
      const [min, max] = config.latencyMs;
      if (max > 0) await sleep(min + Math.random() * (max - min));
      if (config.hangRate > 0 && Math.random() < config.hangRate) {
        // Hangs until the client gives up; closed with the server.
        faults += 1;
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      if (config.faultRate > 0 && Math.random() < config.faultRate) {
        faults += 1;
        send(res, { status: 503, text: 'Service Unavailable' });
        return;
      }
      const raw = req.method === 'POST' ? await readBody(req) : '';
      let body: unknown = undefined;
      if (raw !== '') {
        try {
          body = JSON.parse(raw);
        } catch {
          send(res, { status: 400, json: { error: 'body is not JSON' } });
          return;
        }
      }
      const params = Object.fromEntries(compiled.params.map((name, i) => [name, decodeURIComponent(m[i + 1])]));
      send(res, await compiled.route.handle({ method: req.method ?? 'GET', headers: req.headers, params, query: url.searchParams, body }, store));
    } catch (error) {
      log.error('simulated route failed', { route: url.pathname, error });
      if (!res.headersSent) send(res, { status: 500, text: 'Internal Server Error' });
    }
  });
  const running = await listen(server, options.port ?? 0, options.host);
  return {
    ...running,
    key: profile.key,
    profile,
    country: definition.country,
    operatorToken,
    config,
    store: store as RecordStore<unknown>,
    close: async () => {
      for (const res of hanging) res.destroy();
      await running.close();
    },
  };
}

/**
 * The route nearly every registry has: `GET …/{number}` answering the record, or the registry's
 * own not-found body. `path` ends in the `{param}` that names the record.
 */
export function recordByIdRoute<N>(path: string, notFound: NativeResponse): SimRoute<N> {
  const param = /\{(\w+)\}$/.exec(path)?.[1];
  if (param === undefined) throw new Error(`${path}: expected a path ending in a {param} segment`);
  return {
    method: 'GET',
    path,
    handle: ({ params }, store) => {
      const record = store.get(params[param]);
      return record ? { status: 200, json: record } : notFound;
    },
  };
}

/** The native ids of every contract record a simulator serves for a population (tests, samples). */
export function servedRecordIds<N>(definition: SimulatorDefinition<N>, records: readonly N[]): string[] {
  return records.flatMap((record) => (definition.recordIdsOf ? definition.recordIdsOf(record) : [definition.idOf(record)]));
}
