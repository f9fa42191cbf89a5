// BRN's simulated registries: the sandbox side of the country, never loaded by its product code.
import { bdnacSimulator } from './bdnac.simulator.js';
import { lpaSimulator } from './lpa.simulator.js';

export const simulators = [bdnacSimulator, lpaSimulator];
