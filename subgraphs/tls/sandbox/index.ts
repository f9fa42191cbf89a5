// TLS's simulated registries: the sandbox side of the country, never loaded by its product code.
import { indmoSimulator } from './indmo.simulator.js';
import { sefopeSimulator } from './sefope.simulator.js';

export const simulators = [indmoSimulator, sefopeSimulator];
