/** Picks the bus: in-process by default; with REDIS_URL, Redis pub/sub between the nodes. */
import { type Bus, LocalBus } from './bus';
import { RedisBus } from './redis-bus';

/** How long the start waits for Redis before it goes on without it. */
const REDIS_START_WAIT_MS = 5000;

/**
 * With REDIS_URL the node always gets a Redis bus, even when Redis does not answer at start: it waits a few
 * seconds, then logs and starts anyway while the bus keeps connecting in the background. Refusing to start would
 * turn a Redis outage into a full outage (and a restart loop) for every node; a node without Redis still serves
 * everyone connected to it, and its rooms heal with the other nodes once Redis is back (see RedisBus).
 */
export async function createBus(redisUrl: string | undefined, log: (msg: string) => void = (msg) => console.warn(msg)): Promise<Bus> {
  if (!redisUrl) return new LocalBus();
  const bus = new RedisBus({ url: redisUrl });
  if (!(await bus.ready(REDIS_START_WAIT_MS))) {
    log(
      `[realtime] Redis (REDIS_URL) did not answer within ${REDIS_START_WAIT_MS / 1000} s: starting without it; ` +
        'this node works alone until Redis answers, then heals with the other nodes.',
    );
  }
  return bus;
}
