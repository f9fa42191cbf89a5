// SGP's simulated registries: the sandbox side of the country, never loaded by its product code.
import { ssgSimulator } from './ssg.simulator.js';
import { momSimulator } from './mom.simulator.js';

export const simulators = [ssgSimulator, momSimulator];
