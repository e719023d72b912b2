/**
 * The bus between realtime nodes over Redis pub/sub (`REDIS_URL`). Two connections: a subscriber (a connection in
 * subscribe mode can do nothing else) and a publisher. Each doc has its own channel, `<prefix>doc:<docName>`, so
 * a node only receives traffic of the rooms it holds; revokes go to `<prefix>all`, which every node listens to.
 *
 * Redis pub/sub is fire-and-forget: a message published while a node is cut off never reaches it. The rooms heal
 * that by exchanging state vectors (a sync-request) when they open and when `onReconnect` fires, so this bus
 * never has to buffer or replay anything.
 */
import { Redis, type RedisOptions } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Bus, BusHandler, BusMessage } from './bus';

/** Wire codes of the message kinds: part of the frame format, never renumber. */
const KIND_CODES = { update: 0, awareness: 1, 'sync-request': 2, notify: 3, revoke: 4 } as const satisfies Record<BusMessage['kind'], number>;
const KINDS = Object.fromEntries(Object.entries(KIND_CODES).map(([kind, code]) => [code, kind])) as Record<number, BusMessage['kind']>;
/** Version byte at the start of every frame, so a node can ignore frames of a later format during a rolling update. */
const FRAME_VERSION = 1;

/** A message as a binary frame: version, kind, origin, doc, then the payload bytes as they are. */
export function encodeFrame(message: BusMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeUint8(encoder, FRAME_VERSION);
  encoding.writeUint8(encoder, KIND_CODES[message.kind]);
  encoding.writeVarString(encoder, message.origin);
  encoding.writeVarString(encoder, message.doc);
  encoding.writeVarUint8Array(encoder, message.payload);
  return encoding.toUint8Array(encoder);
}

/** The message in a frame, or null for a frame this node does not understand. Throws on a truncated frame. */
export function decodeFrame(frame: Uint8Array): BusMessage | null {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readUint8(decoder) !== FRAME_VERSION) return null;
  const kind = KINDS[decoding.readUint8(decoder)];
  if (!kind) return null;
  const origin = decoding.readVarString(decoder);
  const doc = decoding.readVarString(decoder);
  // A copy: the decoder's view points into the socket's buffer.
  const payload = decoding.readVarUint8Array(decoder).slice();
  return { kind, origin, doc, payload };
}

export interface RedisBusOptions {
  url: string;
  /** Start of every channel name; tests use a unique one per run so parallel runs do not cross. */
  prefix?: string;
  log?: (msg: string, err?: unknown) => void;
  /** Extra ioredis options for both connections (tests shorten the retry delay). */
  redisOptions?: RedisOptions;
}

/** How long a publish waits for the subscription of its channel before it goes out anyway. */
const SUBSCRIBE_WAIT_MS = 2000;

export class RedisBus implements Bus {
  readonly kind = 'redis' as const;
  readonly publisher: Redis;
  readonly subscriber: Redis;
  private readonly prefix: string;
  private readonly log: (msg: string, err?: unknown) => void;
  /** Handlers per Redis channel; the channel is subscribed while its set is not empty. */
  private readonly handlers = new Map<string, Set<BusHandler>>();
  /** Subscriptions still on their way to Redis: a publish to that channel waits for it (see publish). */
  private readonly subscribing = new Map<string, Promise<void>>();
  private readonly reconnectHandlers = new Set<() => void>();
  /** Something may have been missed since the last time both connections were ready: heal when they are. */
  private missed = false;
  private dropped = 0;
  private closed = false;
  /** Connections whose current outage has been logged (one line per outage, not one per retry). */
  private readonly outageLogged = new Set<Redis>();
  /** Connections that have been ready once: a close after that is an outage, not a failed first attempt. */
  private readonly wasReady = new Set<Redis>();

  constructor(options: RedisBusOptions) {
    this.prefix = options.prefix ?? 'onsplan:';
    this.log = options.log ?? ((msg, err) => console.warn(`[bus] ${msg}`, err instanceof Error ? err.message : (err ?? '')));
    // Shown by CLIENT LIST, so an operator can tell the bus connections apart.
    const name = options.redisOptions?.connectionName ?? 'onsplan-bus';
    const common: RedisOptions = {
      // Keep trying forever, backing off to 2 s: a node without Redis works alone and heals once it is back.
      retryStrategy: (times) => Math.min(times * 100, 2000),
      connectTimeout: 5000,
      ...options.redisOptions,
    };
    // Publishing while Redis is unreachable drops the message at once instead of queueing it: the editing path
    // never waits on Redis and memory does not grow through an outage. Nothing is lost for good: the edit is in
    // this node's room and its storage, and once both connections are ready again `onReconnect` makes every room
    // exchange state vectors with the other nodes (which also pull what they lack from us, see Room).
    this.publisher = new Redis(options.url, { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: `${name}-pub` });
    // The subscriber queues its SUBSCRIBE/UNSUBSCRIBE commands while down (at most a few per room) and ioredis
    // resubscribes every channel after a reconnect.
    this.subscriber = new Redis(options.url, { ...common, maxRetriesPerRequest: null, autoResubscribe: true, connectionName: `${name}-sub` });
    this.subscriber.on('messageBuffer', (channel: Buffer, frame: Buffer) => this.deliver(channel.toString(), frame));
    for (const [name, connection] of [
      ['publisher', this.publisher],
      ['subscriber', this.subscriber],
    ] as const) {
      connection.on('error', (err: unknown) => {
        if (this.closed || this.outageLogged.has(connection)) return;
        this.outageLogged.add(connection);
        this.log(`Redis ${name} connection failed; retrying in the background (this node works alone meanwhile)`, err);
      });
      connection.on('close', () => {
        if (!this.closed && this.wasReady.has(connection)) this.missed = true;
      });
      connection.on('ready', () => {
        if (this.outageLogged.delete(connection)) this.log(`Redis ${name} connection is back`);
        this.wasReady.add(connection);
        // ioredis emits 'ready' before it resubscribes: let it send those commands first.
        setImmediate(() => void this.maybeHeal());
      });
    }
  }

  /** Resolves once both connections are ready, or false after `timeoutMs`. */
  async ready(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.isReady) {
      if (this.closed || Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return true;
  }

  get isReady(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready';
  }

  private async maybeHeal(): Promise<void> {
    if (this.closed || !this.isReady || !this.missed) return;
    this.missed = false;
    if (this.dropped > 0) this.log(`${this.dropped} bus message(s) were dropped while Redis was away; rooms heal now`);
    this.dropped = 0;
    // Make sure every channel is subscribed again before the rooms ask the other nodes: their answers must find
    // the subscription. A SUBSCRIBE of a channel already subscribed is harmless.
    const channels = [...this.handlers.keys()];
    try {
      if (channels.length > 0) await this.subscriber.subscribe(...channels);
    } catch (err) {
      this.log('resubscribing after a reconnect failed', err);
      this.missed = true;
      return;
    }
    for (const handler of [...this.reconnectHandlers]) {
      try {
        handler();
      } catch (err) {
        this.log('a reconnect handler failed', err);
      }
    }
  }

  private channelOf(name: string): string {
    return name === '*' ? `${this.prefix}all` : `${this.prefix}doc:${name}`;
  }

  private deliver(channel: string, frame: Uint8Array): void {
    const handlers = this.handlers.get(channel);
    if (!handlers) return;
    let message: BusMessage | null;
    try {
      message = decodeFrame(frame);
    } catch (err) {
      this.log(`unreadable bus frame on ${channel}`, err);
      return;
    }
    if (!message) return;
    for (const handler of [...handlers]) {
      try {
        handler(message);
      } catch (err) {
        this.log(`a bus handler for ${channel} failed`, err);
      }
    }
  }

  publish(message: BusMessage): void {
    if (this.closed) return;
    const channel = this.channelOf(message.kind === 'revoke' ? '*' : message.doc);
    const frame = Buffer.from(encodeFrame(message));
    const pending = this.subscribing.get(channel);
    // A room subscribes and at once asks the other nodes to heal it; the answer must not overtake the SUBSCRIBE,
    // which travels on the other connection. Publishes to that channel wait for it (in order, bounded).
    if (pending) void pending.then(() => this.send(channel, frame));
    else this.send(channel, frame);
  }

  private send(channel: string, frame: Buffer): void {
    if (this.closed) return;
    this.publisher.publish(channel, frame).catch((err: unknown) => {
      this.missed = true;
      this.dropped += 1;
      if (this.dropped === 1) this.log('publishing to Redis failed; dropping bus messages until it is back (rooms heal then)', err);
    });
  }

  subscribe(name: string, handler: BusHandler): () => void {
    const channel = this.channelOf(name);
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      // Subscribed while the subscriber is away: answers to this room's healing request may be missed.
      if (this.subscriber.status !== 'ready') this.missed = true;
      this.handlers.set(channel, set);
      const subscribed = this.subscriber.subscribe(channel).then(
        () => undefined,
        (err: unknown) => this.log(`subscribing to ${channel} failed`, err),
      );
      const waited = Promise.race([subscribed, new Promise<void>((resolve) => setTimeout(resolve, SUBSCRIBE_WAIT_MS).unref())]);
      this.subscribing.set(channel, waited);
      void waited.then(() => {
        if (this.subscribing.get(channel) === waited) this.subscribing.delete(channel);
      });
    }
    set.add(handler);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      set.delete(handler);
      if (set.size > 0 || this.handlers.get(channel) !== set) return;
      this.handlers.delete(channel);
      this.subscribing.delete(channel);
      if (this.closed) return;
      this.subscriber.unsubscribe(channel).catch((err: unknown) => this.log(`unsubscribing from ${channel} failed`, err));
    };
  }

  onReconnect(handler: () => void): () => void {
    this.reconnectHandlers.add(handler);
    return () => this.reconnectHandlers.delete(handler);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.handlers.clear();
    this.subscribing.clear();
    this.reconnectHandlers.clear();
    await Promise.all(
      [this.publisher, this.subscriber].map(async (connection) => {
        try {
          if (connection.status === 'ready') await connection.quit();
          else connection.disconnect();
        } catch {
          connection.disconnect();
        }
      }),
    );
  }
}
