// KHM's simulated registries and property-based generators: the sandbox side of the country, never loaded by its product code.
import { ntbSimulator } from './ntb.simulator.js';
import { fwcmsSimulator } from './fwcms.simulator.js';
import { ntbArbitrary } from './ntb.arbitrary.js';
import { fwcmsArbitrary } from './fwcms.arbitrary.js';

export const simulators = [ntbSimulator, fwcmsSimulator];
export const arbitraries = [ntbArbitrary, fwcmsArbitrary];
