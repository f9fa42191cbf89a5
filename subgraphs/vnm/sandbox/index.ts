// VNM's simulated registries and their property-based generators: the sandbox side of the country,
// never loaded by its product code.
import { kynangSimulator } from './kynang.simulator.js';
import { gpldSimulator } from './gpld.simulator.js';
import { kynangArbitrary } from './kynang.arbitrary.js';
import { gpldArbitrary } from './gpld.arbitrary.js';

export const simulators = [kynangSimulator, gpldSimulator];
export const arbitraries = [kynangArbitrary, gpldArbitrary];
