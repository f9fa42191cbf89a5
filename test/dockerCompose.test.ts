import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dockerCompose } from '../bin/dockerCompose.js';
import { countryEntries } from '../subgraphs/countries.js';

describe('docker-compose.yml', () => {
  it('is exactly what the country list generates (run `npm run docker-compose` after changing it)', () => {
    expect(readFileSync('docker-compose.yml', 'utf8')).toBe(dockerCompose());
  });

  it('runs every registry, every country subgraph, regional, gateway and Redis as containers', () => {
    const text = dockerCompose();
    for (const entry of countryEntries) {
      expect(text).toContain(`  ${entry.code.toLowerCase()}:\n`);
      for (const key of Object.keys(entry.registryPorts)) expect(text).toContain(`  registry-${entry.code.toLowerCase()}-${key}:\n`);
    }
    for (const name of ['redis', 'regional', 'gateway']) expect(text).toContain(`  ${name}:\n`);
  });
});
