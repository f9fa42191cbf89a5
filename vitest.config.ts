import { defineConfig } from 'vitest/config';

// Two cores on every machine here: two forks, and long timeouts only where real HTTP is involved.
// graphql@16 ships CJS (`main`) and ESM (`module`); Node loads the CJS one for type-graphql and Apollo,
// so the tests must too, or `instanceof GraphQLScalarType` fails across the two copies.
export default defineConfig({
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['schema/**/*.test.ts', 'platform/**/*.test.ts', 'sandbox/**/*.test.ts', 'subgraphs/**/*.test.ts', 'gateway/**/*.test.ts', 'bench/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    setupFiles: ['./test/setup.ts'],
    globalSetup: ['./test/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { SIM_FAULTS: '0' },
  },
});
