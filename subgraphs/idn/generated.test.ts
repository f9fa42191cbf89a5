import { describe, it } from 'vitest';
import { checkGenerator, checkSimulatorRecords } from '../../sandbox/testing/checkGenerator.js';
import { bnspAdapter } from './bnsp.adapter.js';
import { tkaAdapter } from './tka.adapter.js';
import { bnspArbitrary } from './sandbox/bnsp.arbitrary.js';
import { tkaArbitrary } from './sandbox/tka.arbitrary.js';
import { bnspSimulator } from './sandbox/bnsp.simulator.js';
import { tkaSimulator } from './sandbox/tka.simulator.js';

describe('Indonesia\'s registries read the whole space their specifications allow', () => {
  it('reads 1,000 generated BNSP certificates as the generator expects', () => {
    checkGenerator('IDN', bnspAdapter, bnspArbitrary);
  });

  it('reads 1,000 generated TKA approvals as the generator expects', () => {
    checkGenerator('IDN', tkaAdapter, tkaArbitrary);
  });

  it('serves the same records on every start, the population\'s and a sample of the whole space, each number once', () => {
    checkSimulatorRecords(bnspSimulator);
    checkSimulatorRecords(tkaSimulator);
  });
});
