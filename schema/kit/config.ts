/** Settings read from the environment, with the defaults the embedded stack uses. */
function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name}: expected a whole number, got ${JSON.stringify(raw)}`);
  return value;
}

export interface RantauConfig {
  /** Gateway port (PORT). */
  port: number;
  /** Time budget of one registry call, retries included (REGISTRY_TIMEOUT_MS). */
  registryTimeoutMs: number;
  /** Calls in flight per registry per subgraph (REGISTRY_MAX_CONCURRENCY). */
  registryMaxConcurrency: number;
  /** Time the regional subgraph waits for one country subgraph (COUNTRY_TIMEOUT_MS). */
  countryTimeoutMs: number;
  /** Shared cache; unset means an in-process cache (REDIS_URL). */
  redisUrl: string | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): RantauConfig {
  const registryTimeoutMs = intFrom(env, 'REGISTRY_TIMEOUT_MS', 2500);
  return {
    port: intFrom(env, 'PORT', 4000),
    registryTimeoutMs,
    registryMaxConcurrency: intFrom(env, 'REGISTRY_MAX_CONCURRENCY', 8),
    countryTimeoutMs: intFrom(env, 'COUNTRY_TIMEOUT_MS', registryTimeoutMs + 1500),
    redisUrl: env.REDIS_URL || undefined,
  };
}
