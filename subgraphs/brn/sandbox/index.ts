// BRN's simulated registries: the sandbox side of the country, never loaded by its product code.
import { bdnacSimulator } from './bdnac.simulator.js';
import { lpaSimulator } from './lpa.simulator.js';

export const simulators = [bdnacSimulator, lpaSimulator];

// Property-based generators over the whole space each specification allows (issue 11).
import { bdnacArbitrary } from './bdnac.arbitrary.js';
import { lpaArbitrary } from './lpa.arbitrary.js';

export const arbitraries = [bdnacArbitrary, lpaArbitrary];
