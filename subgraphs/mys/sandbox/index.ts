// MYS's simulated registries: the sandbox side of the country, never loaded by its product code.
import { jpkSimulator } from './jpk.simulator.js';
import { imiSimulator } from './imi.simulator.js';

export const simulators = [jpkSimulator, imiSimulator];
