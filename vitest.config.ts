import { defineConfig } from 'vitest/config';

// Two cores on every machine here: two forks, and long timeouts only where real HTTP is involved.
export default defineConfig({
  test: {
    include: ['schema/**/*.test.ts', 'registries/**/*.test.ts', 'subgraphs/**/*.test.ts', 'gateway/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    setupFiles: ['./test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { SIM_FAULTS: '0' },
  },
});
