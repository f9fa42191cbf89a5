// PHL's simulated registries: the sandbox side of the country, never loaded by its product code.
import { tesdaSimulator } from './tesda.simulator.js';
import { aepSimulator } from './aep.simulator.js';

export const simulators = [tesdaSimulator, aepSimulator];
