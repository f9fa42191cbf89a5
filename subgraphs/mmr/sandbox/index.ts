// MMR's simulated registries and property-based generators: the sandbox side of the country, never loaded by its product code.
import { nssaSimulator } from './nssa.simulator.js';
import { molSimulator } from './mol.simulator.js';
import { nssaArbitrary } from './nssa.arbitrary.js';
import { molArbitrary } from './mol.arbitrary.js';

export const simulators = [nssaSimulator, molSimulator];
export const arbitraries = [nssaArbitrary, molArbitrary];
