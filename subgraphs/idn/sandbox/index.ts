// IDN's simulated registries: the sandbox side of the country, never loaded by its product code.
import { bnspSimulator } from './bnsp.simulator.js';
import { tkaSimulator } from './tka.simulator.js';

export const simulators = [bnspSimulator, tkaSimulator];

// Property-based generators over the whole space each specification allows (issue 11).
export { bnspArbitrary } from './bnsp.arbitrary.js';
export { tkaArbitrary } from './tka.arbitrary.js';
import { bnspArbitrary } from './bnsp.arbitrary.js';
import { tkaArbitrary } from './tka.arbitrary.js';

export const arbitraries = [bnspArbitrary, tkaArbitrary];
