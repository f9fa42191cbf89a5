import { describe, it } from 'vitest';
import { checkGenerator, checkSimulatorRecords } from '../../sandbox/testing/checkGenerator.js';
import { ssgAdapter } from './ssg.adapter.js';
import { momAdapter } from './mom.adapter.js';
import { ssgArbitrary } from './sandbox/ssg.arbitrary.js';
import { momArbitrary } from './sandbox/mom.arbitrary.js';
import { ssgSimulator } from './sandbox/ssg.simulator.js';
import { momSimulator } from './sandbox/mom.simulator.js';

describe('Singapore\'s registries read the whole space their specifications allow', () => {
  it('reads 1,000 generated SSG credentials as the generator expects', () => {
    checkGenerator('SGP', ssgAdapter, ssgArbitrary);
  });

  it('reads 1,000 generated MOM work passes as the generator expects', () => {
    checkGenerator('SGP', momAdapter, momArbitrary);
  });

  it('serves the same records on every start, the population\'s and a sample of the whole space, each number once', () => {
    checkSimulatorRecords(ssgSimulator);
    checkSimulatorRecords(momSimulator);
  });
});
