/**
 * The rooms of this node: one per open doc. A room is created and loaded on first use, and destroyed once its
 * last connection has closed and its writes are flushed. A connection arriving while a room is being destroyed
 * waits for that and gets a fresh room, so nothing is served from a half-torn-down doc.
 */
import { Room, type RoomDeps, type RoomPeer } from './room';

interface Entry {
  room: Room;
  ready: Promise<void>;
  closing: Promise<void> | null;
}

export class RoomRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly deps: RoomDeps) {}

  /** Returns the loaded room for a doc, creating it when needed, with the peer added. */
  async join(name: string, peer: RoomPeer): Promise<Room> {
    for (;;) {
      const existing = this.entries.get(name);
      if (existing?.closing) {
        await existing.closing;
        continue;
      }
      const entry = existing ?? this.create(name);
      // Count the peer before awaiting, so a concurrent leave does not destroy the room under us.
      entry.room.peers.add(peer);
      try {
        await entry.ready;
      } catch (err) {
        entry.room.peers.delete(peer);
        if (this.entries.get(name) === entry) this.entries.delete(name);
        throw err;
      }
      return entry.room;
    }
  }

  private create(name: string): Entry {
    const room = new Room(name, this.deps);
    const entry: Entry = { room, ready: room.load(), closing: null };
    this.entries.set(name, entry);
    return entry;
  }

  /** Removes a peer; destroys the room when it was the last one. */
  async leave(name: string, peer: RoomPeer): Promise<void> {
    const entry = this.entries.get(name);
    if (!entry || !entry.room.peers.delete(peer)) return;
    if (entry.room.peers.size > 0 || entry.closing) return;
    entry.closing = entry.room.destroy().finally(() => {
      if (this.entries.get(name) === entry) this.entries.delete(name);
    });
    await entry.closing;
  }

  get(name: string): Room | undefined {
    return this.entries.get(name)?.room;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Flushes every room's pending writes (graceful shutdown). */
  async flushAll(): Promise<void> {
    await Promise.all([...this.entries.values()].map((e) => e.room.writer.flush()));
  }

  /** Destroys every room (after their peers were closed). */
  async destroyAll(): Promise<void> {
    await Promise.all(
      [...this.entries.entries()].map(async ([name, e]) => {
        await (e.closing ?? e.room.destroy());
        this.entries.delete(name);
      }),
    );
  }
}
