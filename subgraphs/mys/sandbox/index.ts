// MYS's simulated registries: the sandbox side of the country, never loaded by its product code.
import { jpkSimulator } from './jpk.simulator.js';
import { imiSimulator } from './imi.simulator.js';

export const simulators = [jpkSimulator, imiSimulator];

// Property-based generators over the whole space each specification allows (issue 11).
import { jpkArbitrary } from './jpk.arbitrary.js';
import { imiArbitrary } from './imi.arbitrary.js';

export const arbitraries = [jpkArbitrary, imiArbitrary];
