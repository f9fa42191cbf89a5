// LAO's simulated registries: the sandbox side of the country, never loaded by its product code.
import { nvqfSimulator } from './nvqf.simulator.js';
import { mlswSimulator } from './mlsw.simulator.js';

export const simulators = [nvqfSimulator, mlswSimulator];
