/** Picks the bus: in-process by default; with REDIS_URL, Redis pub/sub (coming with scale-out). */
import { type Bus, LocalBus } from './bus';

export async function createBus(redisUrl: string | undefined): Promise<Bus> {
  if (redisUrl) {
    console.warn('[realtime] REDIS_URL is set, but the Redis bus is not built yet: using the in-process bus (single node).');
  }
  return new LocalBus();
}
