// MMR's simulated registries: the sandbox side of the country, never loaded by its product code.
import { nssaSimulator } from './nssa.simulator.js';
import { molSimulator } from './mol.simulator.js';

export const simulators = [nssaSimulator, molSimulator];
