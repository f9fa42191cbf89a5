import { describe, it } from 'vitest';
import { registryTestKit } from '../../sandbox/testing/registryTesting.js';
import { expectReadsAsGenerated } from '../../sandbox/testing/arbitraryParts.js';
import { gpldAdapter } from './gpld.adapter.js';
import { gpldArbitrary } from './sandbox/gpld.arbitrary.js';

const { read } = registryTestKit('VNM', 'gpld');

describe('gpld generated permits', () => {
  it('reads 1,000 specification-valid permits and exemption certificates as the generator expects', () => {
    expectReadsAsGenerated(read, gpldAdapter, gpldArbitrary);
  });
});
