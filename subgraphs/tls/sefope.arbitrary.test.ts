import { describe, it } from 'vitest';
import { registryTestKit } from '../../sandbox/testing/registryTesting.js';
import { expectReadsAsGenerated } from '../../sandbox/testing/arbitraryParts.js';
import { sefopeAdapter } from './sefope.adapter.js';
import { sefopeArbitrary } from './sandbox/sefope.arbitrary.js';

const { read } = registryTestKit('TLS', 'sefope');

describe('sefope generated authorisations', () => {
  it('reads 1,000 specification-valid authorisations as the generator expects', () => {
    expectReadsAsGenerated(read, sefopeAdapter, sefopeArbitrary);
  });
});
