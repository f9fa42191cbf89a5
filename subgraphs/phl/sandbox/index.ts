// PHL's simulated registries and property-based generators: the sandbox side of the country, never loaded by its product code.
import { tesdaSimulator } from './tesda.simulator.js';
import { aepSimulator } from './aep.simulator.js';
import { tesdaArbitrary } from './tesda.arbitrary.js';
import { aepArbitrary } from './aep.arbitrary.js';

export const simulators = [tesdaSimulator, aepSimulator];
export const arbitraries = [tesdaArbitrary, aepArbitrary];
