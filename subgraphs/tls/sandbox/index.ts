// TLS's simulated registries and their property-based generators: the sandbox side of the country,
// never loaded by its product code.
import { indmoSimulator } from './indmo.simulator.js';
import { sefopeSimulator } from './sefope.simulator.js';
import { indmoArbitrary } from './indmo.arbitrary.js';
import { sefopeArbitrary } from './sefope.arbitrary.js';

export const simulators = [indmoSimulator, sefopeSimulator];
export const arbitraries = [indmoArbitrary, sefopeArbitrary];
