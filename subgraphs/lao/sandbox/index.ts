// LAO's simulated registries and their property-based generators: the sandbox side of the country,
// never loaded by its product code.
import { nvqfSimulator } from './nvqf.simulator.js';
import { mlswSimulator } from './mlsw.simulator.js';
import { nvqfArbitrary } from './nvqf.arbitrary.js';
import { mlswArbitrary } from './mlsw.arbitrary.js';

export const simulators = [nvqfSimulator, mlswSimulator];
export const arbitraries = [nvqfArbitrary, mlswArbitrary];
