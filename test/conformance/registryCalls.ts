import type { TestStack } from '../e2e/testStack.js';

/**
 * Call counts of one simulated registry, read from its `/__sim/stats`. Counts are measured as the
 * difference around a piece of work, never by resetting, so a count that must hold for the whole
 * life of a stack (an extract downloaded at most once) survives the measurements taken around it.
 */
export async function callCount(stack: TestStack, key: string, route?: string): Promise<number> {
  const routes = await stack.stats(key);
  return route === undefined ? Object.values(routes).reduce((a, b) => a + b, 0) : (routes[route] ?? 0);
}

/** Runs `body` and answers how many calls it made to `key` (to `route` only, when named). */
export async function callsDuring<T>(stack: TestStack, key: string, route: string | undefined, body: () => Promise<T>): Promise<{ calls: number; result: T }> {
  const before = await callCount(stack, key, route);
  const result = await body();
  return { calls: (await callCount(stack, key, route)) - before, result };
}

/** Applies simulator settings for the duration of `body`, then puts back the ones it had. */
export async function withSimulatorConfig<T>(stack: TestStack, key: string, config: Record<string, unknown>, body: () => Promise<T>): Promise<T> {
  const current = stack.simulators.get(key)?.config as unknown as Record<string, unknown> | undefined;
  if (!current) throw new Error(`no simulator ${key} in this stack`);
  const previous = Object.fromEntries(Object.keys(config).map((name) => [name, current[name]]));
  await stack.configure(key, config);
  try {
    return await body();
  } finally {
    await stack.configure(key, previous);
  }
}
