// Removes what one test run wrote to the shared Redis: every key under the run's own prefix.
import { Redis } from 'ioredis';

export async function deleteKeysUnder(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
