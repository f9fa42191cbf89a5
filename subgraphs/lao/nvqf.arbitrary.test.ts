import { describe, it } from 'vitest';
import { registryTestKit } from '../../sandbox/testing/registryTesting.js';
import { expectReadsAsGenerated } from '../../sandbox/testing/arbitraryParts.js';
import { nvqfAdapter } from './nvqf.adapter.js';
import { nvqfArbitrary } from './sandbox/nvqf.arbitrary.js';

const { read } = registryTestKit('LAO', 'nvqf');

describe('nvqf generated certificates', () => {
  it('reads 1,000 specification-valid certificates as the generator expects', () => {
    expectReadsAsGenerated(read, nvqfAdapter, nvqfArbitrary);
  });
});
