// KHM's simulated registries: the sandbox side of the country, never loaded by its product code.
import { ntbSimulator } from './ntb.simulator.js';
import { fwcmsSimulator } from './fwcms.simulator.js';

export const simulators = [ntbSimulator, fwcmsSimulator];
