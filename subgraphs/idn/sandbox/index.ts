// IDN's simulated registries: the sandbox side of the country, never loaded by its product code.
import { bnspSimulator } from './bnsp.simulator.js';
import { tkaSimulator } from './tka.simulator.js';

export const simulators = [bnspSimulator, tkaSimulator];
