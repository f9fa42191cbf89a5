import { describe, it } from 'vitest';
import { registryTestKit } from '../../sandbox/testing/registryTesting.js';
import { expectReadsAsGenerated } from '../../sandbox/testing/arbitraryParts.js';
import { indmoAdapter } from './indmo.adapter.js';
import { indmoArbitrary } from './sandbox/indmo.arbitrary.js';

const { read } = registryTestKit('TLS', 'indmo');

describe('indmo generated certificates', () => {
  it('reads 1,000 specification-valid certificates as the generator expects', () => {
    expectReadsAsGenerated(read, indmoAdapter, indmoArbitrary);
  });
});
