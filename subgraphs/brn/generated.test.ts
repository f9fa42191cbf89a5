import { describe, it } from 'vitest';
import { checkGenerator, checkSimulatorRecords } from '../../sandbox/testing/checkGenerator.js';
import { bdnacAdapter } from './bdnac.adapter.js';
import { lpaAdapter } from './lpa.adapter.js';
import { bdnacArbitrary } from './sandbox/bdnac.arbitrary.js';
import { lpaArbitrary } from './sandbox/lpa.arbitrary.js';
import { bdnacSimulator } from './sandbox/bdnac.simulator.js';
import { lpaSimulator } from './sandbox/lpa.simulator.js';

describe('Brunei\'s registries read the whole space their specifications allow', () => {
  it('reads 1,000 generated BDNAC certificates as the generator expects', () => {
    checkGenerator('BRN', bdnacAdapter, bdnacArbitrary);
  });

  it('reads 1,000 generated licences, every worker line a permit, as the generator expects', () => {
    checkGenerator('BRN', lpaAdapter, lpaArbitrary);
  });

  it('serves the same records on every start, the population\'s and a sample of the whole space, each number once', () => {
    checkSimulatorRecords(bdnacSimulator);
    checkSimulatorRecords(lpaSimulator, (licence) => licence.pekerja.map((line) => `${licence.noLesen}/${line.baris}`));
  });
});
