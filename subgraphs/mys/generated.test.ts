import { describe, it } from 'vitest';
import { checkGenerator, checkSimulatorRecords } from '../../sandbox/testing/checkGenerator.js';
import { jpkAdapter } from './jpk.adapter.js';
import { imiAdapter } from './imi.adapter.js';
import { jpkArbitrary } from './sandbox/jpk.arbitrary.js';
import { imiArbitrary } from './sandbox/imi.arbitrary.js';
import { jpkSimulator } from './sandbox/jpk.simulator.js';
import { imiSimulator } from './sandbox/imi.simulator.js';

describe('Malaysia\'s registries read the whole space their specifications allow', () => {
  it('reads 1,000 generated JPK certificates as the generator expects', () => {
    checkGenerator('MYS', jpkAdapter, jpkArbitrary);
  });

  it('reads 1,000 generated Immigration Department passes as the generator expects', () => {
    checkGenerator('MYS', imiAdapter, imiArbitrary);
  });

  it('serves the same records on every start, the population\'s and a sample of the whole space, each number once', () => {
    checkSimulatorRecords(jpkSimulator);
    checkSimulatorRecords(imiSimulator);
  });
});
