// SGP's simulated registries: the sandbox side of the country, never loaded by its product code.
import { ssgSimulator } from './ssg.simulator.js';
import { momSimulator } from './mom.simulator.js';

export const simulators = [ssgSimulator, momSimulator];

// Property-based generators over the whole space each specification allows (issue 11).
import { ssgArbitrary } from './ssg.arbitrary.js';
import { momArbitrary } from './mom.arbitrary.js';

export const arbitraries = [ssgArbitrary, momArbitrary];
