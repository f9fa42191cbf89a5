// THA's simulated registries and property-based generators: the sandbox side of the country, never loaded by its product code.
import { dsdSimulator } from './dsd.simulator.js';
import { doeSimulator } from './doe.simulator.js';
import { dsdArbitrary } from './dsd.arbitrary.js';
import { doeArbitrary } from './doe.arbitrary.js';

export const simulators = [dsdSimulator, doeSimulator];
export const arbitraries = [dsdArbitrary, doeArbitrary];
