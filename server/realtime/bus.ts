/**
 * Fan-out of document traffic between realtime nodes. Each node publishes the updates and awareness changes it
 * accepted; every other node applies them to its own copy of the room. The in-process bus connects nodes that
 * live in one process (the default single node, and tests that run two nodes side by side).
 */
export type BusMessage =
  | { kind: 'update'; doc: string; origin: string; payload: Uint8Array }
  | { kind: 'awareness'; doc: string; origin: string; payload: Uint8Array }
  /** Asks other nodes holding the doc to answer with what the sender's state vector lacks (healing). */
  | { kind: 'sync-request'; doc: string; origin: string; payload: Uint8Array }
  /** Tells every node's peers of a doc that something outside the doc changed (payload: the topic). */
  | { kind: 'notify'; doc: string; origin: string; payload: Uint8Array }
  /** Tells every node to close a user's connections to a plan (revoked consent, removed member). */
  | { kind: 'revoke'; doc: string; origin: string; payload: Uint8Array };

export type BusHandler = (message: BusMessage) => void;

export interface Bus {
  readonly kind: 'local' | 'redis';
  publish(message: BusMessage): void;
  /** Subscribes to a channel (a doc name, or '*' for node-wide messages); returns the unsubscribe function. */
  subscribe(channel: string, handler: BusHandler): () => void;
  /** Called after the bus lost and regained its connection, so rooms can heal. */
  onReconnect(handler: () => void): () => void;
  close(): Promise<void>;
}

/** An in-process bus: delivers synchronously to every other subscriber of the channel. */
export class LocalBus implements Bus {
  readonly kind = 'local' as const;
  private readonly handlers = new Map<string, Set<BusHandler>>();

  publish(message: BusMessage): void {
    const channel = message.kind === 'revoke' ? '*' : message.doc;
    for (const handler of [...(this.handlers.get(channel) ?? [])]) handler(message);
  }

  subscribe(channel: string, handler: BusHandler): () => void {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
    }
    set.add(handler);
    return () => {
      set.delete(handler);
      if (set.size === 0) this.handlers.delete(channel);
    };
  }

  onReconnect(): () => void {
    return () => undefined; // an in-process bus never disconnects
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}
