/**
 * Connection slots per user: how many sockets one person holds on this node (tabs × sections). A slot is taken
 * when an upgrade passes the limit check rather than when its socket is finally open: parallel upgrades would
 * otherwise all see the same count and slip past the limit together. It is given back when the underlying TCP
 * socket closes, whichever way the upgrade ended.
 */
import type { Duplex } from 'node:stream';

export class ConnectionSlots {
  private readonly used = new Map<string, number>();

  constructor(private readonly maxPerUser: number) {}

  /** Takes a slot for `userId` until `socket` closes; false when the user already holds the maximum. */
  take(userId: string, socket: Duplex): boolean {
    const used = this.used.get(userId) ?? 0;
    if (used >= this.maxPerUser) return false;
    this.used.set(userId, used + 1);
    socket.once('close', () => {
      const left = (this.used.get(userId) ?? 1) - 1;
      if (left > 0) this.used.set(userId, left);
      else this.used.delete(userId);
    });
    return true;
  }
}
