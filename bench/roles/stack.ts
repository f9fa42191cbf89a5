import 'reflect-metadata';
import { startStack } from '../../bin/stack.js';
import { readConfig } from '../../platform/config.js';
import { runChild } from './childLifecycle.js';

export interface StackReady {
  gateway: string;
  /** Simulator base URLs keyed `VNM/kynang`. */
  simulators: Record<string, string>;
}

/**
 * The embedded stack (`npm start`'s one process: registries, subgraphs, gateway) on ephemeral
 * ports, configured by the environment: what the attack script (bench/attack/) attacks.
 */
runChild<StackReady>(async () => {
  const stack = await startStack({ ports: 'ephemeral', config: readConfig() });
  return {
    ready: { gateway: stack.gateway.url, simulators: Object.fromEntries([...stack.simulators].map(([key, sim]) => [key, sim.url])) },
    close: stack.close,
  };
});
