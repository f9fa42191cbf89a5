// docker-compose.yml, generated from subgraphs/countries.json so that it always matches the code's
// ports and settings: `npm run docker-compose` rewrites it, and test/dockerCompose.test.ts fails
// when the committed file differs from what this writes or when it breaks the Compose
// specification's JSON schema. The file is built as data and written with the `yaml` library.
import { Document, isScalar, visit, type YAMLMap } from 'yaml';
import { countryEntries, type CountryEntry } from '../subgraphs/countries.js';
import { REGIONAL_PORT } from './topology.js';

const GATEWAY_PORT = 4000;
const REDIS_PORT = 6379;
const POSTGRES_PORT = 5432;

/** Compose refuses to start when a required secret is unset, naming it; nothing has a default password. */
const REDIS_PASSWORD = '${REDIS_PASSWORD:?set REDIS_PASSWORD (docs/operations.md, Containers)}';
const POSTGRES_PASSWORD = '${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD (docs/operations.md, Containers)}';
const REDIS_URL = `redis://:${REDIS_PASSWORD}@redis:${REDIS_PORT}`;
const postgresUrl = (database: string) => `postgres://rantau:${POSTGRES_PASSWORD}@postgres:${POSTGRES_PORT}/${database}`;

/** Where the supergraph job writes and the gateway reads (a named volume shared by the two). */
const SUPERGRAPH_DIR = '/app/supergraph';

/** Where every container finds the signers' keys, written once by the `trust-keys` job (docs/security.md). */
const KEYS_DIR = '/keys';
const CACHE_ENCRYPTION_KEY = '${CACHE_ENCRYPTION_KEY:?set CACHE_ENCRYPTION_KEY (docs/security.md)}';
/** What every subgraph needs to verify the caller contexts it is sent. */
const VERIFY_CONTEXTS = { TRUST_GATEWAY_JWKS_FILE: `${KEYS_DIR}/gateway.jwks.json`, TRUST_REGIONAL_JWKS_FILE: `${KEYS_DIR}/regional.jwks.json`, CACHE_ENCRYPTION_KEY };

type Service = Record<string, unknown>;
type Condition = 'service_healthy' | 'service_completed_successfully';

/**
 * The probe Docker runs inside a Rantau container: node:20-slim has no curl, so Node's own fetch.
 * `/health` says the process lives; `/ready` (every Rantau service but the simulated registries)
 * says it can serve, and is what `depends_on: service_healthy` waits for.
 */
function httpCheck(path: '/health' | '/ready'): Service {
  const probe = `fetch('http://127.0.0.1:'+process.env.PORT+'${path}').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))`;
  return { test: ['CMD', 'node', '-e', probe], interval: '10s', timeout: '3s', retries: 3, start_period: '30s' };
}

function needs(services: Record<string, Condition>): Service {
  return Object.fromEntries(Object.entries(services).map(([name, condition]) => [name, { condition }]));
}

/**
 * One Rantau process from the image (Dockerfile): Node itself is the container's main process under
 * Docker's init (`init: true`), so SIGTERM reaches it and it shuts down gracefully; `npm run` and
 * `sh -c` would swallow the signal. The Dockerfile's entrypoint is `node --import tsx bin/service.ts`.
 */
function rantau(role: string[], port: number, environment: Record<string, string>, health: '/health' | '/ready', dependsOn: Record<string, Condition> = {}): Service {
  return {
    build: '.',
    image: 'rantau:local',
    init: true,
    user: 'node',
    restart: 'unless-stopped',
    stop_grace_period: '30s',
    command: role,
    environment: { PORT: String(port), ...environment },
    expose: [String(port)],
    volumes: [`trust-keys:${KEYS_DIR}:ro`],
    healthcheck: httpCheck(health),
    ...(Object.keys(dependsOn).length > 0 ? { depends_on: needs(dependsOn) } : {}),
  };
}

function registryName(code: string, key: string): string {
  return `registry-${code.toLowerCase()}-${key}`;
}

function subgraphUrls(entries: readonly CountryEntry[]): Record<string, string> {
  return Object.fromEntries(entries.map((e) => [`SUBGRAPH_URL_${e.code}`, `http://${e.code.toLowerCase()}:${e.subgraphPort}`]));
}

/** The whole file as data: what the schema test validates and what is written. */
export function dockerComposeModel(entries: readonly CountryEntry[] = countryEntries): Record<string, unknown> {
  const services: Record<string, Service> = {
    redis: {
      image: 'redis:7-alpine',
      init: true,
      user: 'redis',
      restart: 'unless-stopped',
      // The password comes from the environment at start, so it is never written into the file.
      command: ['sh', '-c', 'exec redis-server --save "" --appendonly no --requirepass "$$REDIS_PASSWORD"'],
      environment: { REDIS_PASSWORD },
      healthcheck: { test: ['CMD-SHELL', 'REDISCLI_AUTH="$$REDIS_PASSWORD" redis-cli ping | grep -q PONG'], interval: '5s', timeout: '3s', retries: 5 },
    },
    postgres: {
      image: 'postgres:16-alpine',
      restart: 'unless-stopped',
      // The image's entrypoint starts as root only to fix ownership, then runs PostgreSQL as `postgres`.
      environment: { POSTGRES_USER: 'rantau', POSTGRES_PASSWORD, POSTGRES_DB: 'rantau_audit' },
      volumes: ['postgres-data:/var/lib/postgresql/data', './deploy/postgres/init.sql:/docker-entrypoint-initdb.d/init.sql:ro'],
      healthcheck: { test: ['CMD', 'pg_isready', '-U', 'rantau', '-d', 'rantau_audit'], interval: '5s', timeout: '3s', retries: 10 },
    },
  };
  for (const entry of entries) {
    const cc = entry.code.toLowerCase();
    const registries = Object.entries(entry.registryPorts);
    for (const [key, port] of registries) {
      services[registryName(entry.code, key)] = rantau(['registry', entry.code, key], port, { SIM_OPERATOR_TOKEN: '${SIM_OPERATOR_TOKEN:?set SIM_OPERATOR_TOKEN (docs/security.md)}' }, '/health');
    }
    services[cc] = rantau(
      ['subgraph', entry.code],
      entry.subgraphPort,
      {
        REDIS_URL,
        ...VERIFY_CONTEXTS,
        AUDIT_DATABASE_URL: postgresUrl('rantau_audit'),
        INDEX_DATABASE_URL: postgresUrl('rantau_index'),
        INDEX_HMAC_KEY: '${INDEX_HMAC_KEY:?set INDEX_HMAC_KEY (docs/operations.md, Containers)}',
        ...Object.fromEntries(registries.map(([key, port]) => [`REGISTRY_URL_${entry.code}_${key.toUpperCase()}`, `http://${registryName(entry.code, key)}:${port}`])),
      },
      '/ready',
      { 'trust-keys': 'service_completed_successfully', redis: 'service_healthy', postgres: 'service_healthy', ...Object.fromEntries(registries.map(([key]) => [registryName(entry.code, key), 'service_healthy' as const])) },
    );
  }
  services.regional = rantau(
    ['regional'],
    REGIONAL_PORT,
    { REDIS_URL, LOCATOR_CACHE_SECRET: '${LOCATOR_CACHE_SECRET:?set LOCATOR_CACHE_SECRET (docs/operations.md, Containers)}', ...VERIFY_CONTEXTS, TRUST_SIGNING_KEY_FILE: `${KEYS_DIR}/regional.key.json`, ...subgraphUrls(entries) },
    '/ready',
    { 'trust-keys': 'service_completed_successfully', redis: 'service_healthy', ...Object.fromEntries(entries.map((e) => [e.code.toLowerCase(), 'service_healthy' as const])) },
  );
  // Writes the gateway's and the regional subgraph's signing keys and public key sets once (kept if present), then exits.
  services['trust-keys'] = {
    build: '.',
    image: 'rantau:local',
    init: true,
    user: 'node',
    restart: 'no',
    entrypoint: ['node', '--import', 'tsx', 'bin/trustKeys.ts', KEYS_DIR],
    volumes: [`trust-keys:${KEYS_DIR}`],
  };
  // Composes the supergraph from the code once, into the volume the gateway reads, then exits.
  services.supergraph = {
    build: '.',
    image: 'rantau:local',
    init: true,
    user: 'node',
    restart: 'no',
    entrypoint: ['node', '--import', 'tsx', 'bin/compose.ts'],
    environment: { SUPERGRAPH_FILE: `${SUPERGRAPH_DIR}/supergraph.graphql`, REGIONAL_URL: `http://regional:${REGIONAL_PORT}`, ...subgraphUrls(entries) },
    volumes: [`supergraph:${SUPERGRAPH_DIR}`],
  };
  services.gateway = {
    ...rantau(
      ['gateway'],
      GATEWAY_PORT,
      {
        REDIS_URL,
        SUPERGRAPH_FILE: `${SUPERGRAPH_DIR}/supergraph.graphql`,
        CACHE_ENCRYPTION_KEY,
        TRUST_SIGNING_KEY_FILE: `${KEYS_DIR}/gateway.key.json`,
        // Callers' tokens come from an authorisation server's key set (docs/security.md).
        AUTH_JWKS_URL: '${AUTH_JWKS_URL:?set AUTH_JWKS_URL (docs/security.md)}',
        AUTH_ISSUER: '${AUTH_ISSUER:?set AUTH_ISSUER (docs/security.md)}',
        AUTH_AUDIENCE: '${AUTH_AUDIENCE:-rantau}',
      },
      '/ready',
      {
      supergraph: 'service_completed_successfully',
      redis: 'service_healthy',
      regional: 'service_healthy',
      ...Object.fromEntries(entries.map((e) => [e.code.toLowerCase(), 'service_healthy' as const])),
      },
    ),
    ports: [`${GATEWAY_PORT}:${GATEWAY_PORT}`],
    volumes: [`supergraph:${SUPERGRAPH_DIR}:ro`, `trust-keys:${KEYS_DIR}:ro`],
  };
  return { services, volumes: { 'postgres-data': {}, supergraph: {}, 'trust-keys': {} } };
}

const HEADER = ` Generated by \`npm run docker-compose\` from subgraphs/countries.json (bin/dockerCompose.ts) — do not edit by hand.
 Every service of the embedded stack as its own container: one simulated registry each, one
 subgraph per country, the regional subgraph, the gateway, Redis as the shared cache and
 PostgreSQL for the audit and the index. REDIS_PASSWORD, POSTGRES_PASSWORD, LOCATOR_CACHE_SECRET,
 CACHE_ENCRYPTION_KEY, INDEX_HMAC_KEY, SIM_OPERATOR_TOKEN, AUTH_JWKS_URL and AUTH_ISSUER must be set
 (an .env file beside this one will do): docs/operations.md, docs/security.md.`;

export function dockerCompose(entries: readonly CountryEntry[] = countryEntries): string {
  const doc = new Document(dockerComposeModel(entries));
  doc.commentBefore = HEADER;
  // Short lists of words (commands, ports, probes) on one line, each item quoted: an unquoted
  // `4000:4000` is a base-60 number to a YAML 1.1 reader. A blank line between services.
  visit(doc, {
    Seq(_key, node) {
      if (!node.items.every((item) => isScalar(item))) return;
      node.flow = true;
      for (const item of node.items) if (isScalar(item) && typeof item.value === 'string') item.type = 'QUOTE_DOUBLE';
    },
  });
  const top = doc.contents as YAMLMap;
  const services = top.get('services') as YAMLMap;
  for (const pair of [...services.items.slice(1), ...top.items.slice(1)]) {
    if (isScalar(pair.key)) pair.key.spaceBefore = true;
  }
  return doc.toString({ lineWidth: 0 });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync('docker-compose.yml', dockerCompose());
  console.log('docker-compose.yml written');
}
