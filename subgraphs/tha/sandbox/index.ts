// THA's simulated registries: the sandbox side of the country, never loaded by its product code.
import { dsdSimulator } from './dsd.simulator.js';
import { doeSimulator } from './doe.simulator.js';

export const simulators = [dsdSimulator, doeSimulator];
