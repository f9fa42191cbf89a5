// VNM's simulated registries: the sandbox side of the country, never loaded by its product code.
import { kynangSimulator } from './kynang.simulator.js';
import { gpldSimulator } from './gpld.simulator.js';

export const simulators = [kynangSimulator, gpldSimulator];
