import { describe, it } from 'vitest';
import { registryTestKit } from '../../sandbox/testing/registryTesting.js';
import { expectReadsAsGenerated } from '../../sandbox/testing/arbitraryParts.js';
import { kynangAdapter } from './kynang.adapter.js';
import { kynangArbitrary } from './sandbox/kynang.arbitrary.js';

const { read } = registryTestKit('VNM', 'kynang');

describe('kynang generated certificates', () => {
  it('reads 1,000 specification-valid certificates as the generator expects', () => {
    expectReadsAsGenerated(read, kynangAdapter, kynangArbitrary);
  });
});
