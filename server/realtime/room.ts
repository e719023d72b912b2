/**
 * A room: the one in-memory copy of a section's Y.Doc on this node, its presence (awareness), the connections
 * that have it open, its storage writer and its link to the bus.
 */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Db } from '../../db/client';
import type { Bus, BusMessage } from './bus';
import type { RealtimeLimits } from './limits';
import { loadStoredState, UpdateWriter } from './persistence';
import { MESSAGE_AWARENESS, MESSAGE_NOTIFY, MESSAGE_SYNC } from './protocol';

/** What a room needs to know of a connection to send to it and attribute its changes. */
export interface RoomPeer {
  readonly userId: string;
  send(message: Uint8Array): void;
  /** Called when a message from this peer changed the document (for the audit trail). */
  noteWrite?(): void;
}

export interface RoomDeps {
  db: Db;
  bus: Bus;
  nodeId: string;
  limits: RealtimeLimits;
  log: (msg: string, err?: unknown) => void;
  /** Called after this node stored updates of a doc, with the room's doc (the read-model projection). */
  onStored?: (docName: string, doc: Y.Doc) => void;
}

/** Origin of changes that came from another node; they are neither stored nor republished here. */
export const BUS_ORIGIN = Symbol('bus');

export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Set<RoomPeer>();
  readonly writer: UpdateWriter;
  private unsubscribeBus: (() => void) | null = null;
  private unsubscribeReconnect: (() => void) | null = null;

  constructor(
    readonly name: string,
    private readonly deps: RoomDeps,
  ) {
    // The server is not a participant: no presence of its own.
    this.awareness.setLocalState(null);
    this.writer = new UpdateWriter(deps.db, name, {
      flushDelayMs: deps.limits.flushDelayMs,
      compactAfterRows: deps.limits.compactAfterRows,
      onError: (err) => deps.log(`storing updates of ${name} failed; will retry`, err),
      onStored: () => deps.onStored?.(name, this.doc),
    });
  }

  /** Loads stored state, then starts listening; must finish before any peer gets a sync message. */
  async load(): Promise<void> {
    const rows = await loadStoredState(this.deps.db, this.name, this.doc);
    this.writer.knownRows = rows;
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.unsubscribeBus = this.deps.bus.subscribe(this.name, this.onBusMessage);
    this.unsubscribeReconnect = this.deps.bus.onReconnect(() => this.requestHealing());
    this.requestHealing();
  }

  /** Asks other nodes for whatever this node's copy lacks (updates they hold but have not stored yet). */
  requestHealing(): void {
    this.deps.bus.publish({ kind: 'sync-request', doc: this.name, origin: this.deps.nodeId, payload: Y.encodeStateVector(this.doc) });
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const peer of this.peers) if (peer !== origin) peer.send(message);
    if (origin === BUS_ORIGIN || origin === 'storage') return;
    // A change made on this node: store it once here, and tell the other nodes.
    const peer = typeof origin === 'object' && origin !== null && 'userId' in origin ? (origin as RoomPeer) : null;
    const userId = peer?.userId ?? null;
    peer?.noteWrite?.();
    this.writer.add(update, userId);
    this.deps.bus.publish({ kind: 'update', doc: this.name, origin: this.deps.nodeId, payload: update });
  };

  private readonly onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const peer of this.peers) peer.send(message);
    if (origin !== BUS_ORIGIN) {
      this.deps.bus.publish({ kind: 'awareness', doc: this.name, origin: this.deps.nodeId, payload: update });
    }
  };

  /** Sends a notify message (e.g. "comments changed") to this node's peers; `fromBus` stops it going round. */
  notifyPeers(topic: string, fromBus = false): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_NOTIFY);
    encoding.writeVarString(encoder, topic);
    const message = encoding.toUint8Array(encoder);
    for (const peer of this.peers) peer.send(message);
    if (!fromBus) this.deps.bus.publish({ kind: 'notify', doc: this.name, origin: this.deps.nodeId, payload: new TextEncoder().encode(topic) });
  }

  private readonly onBusMessage = (message: BusMessage): void => {
    if (message.origin === this.deps.nodeId) return;
    try {
      if (message.kind === 'notify') {
        this.notifyPeers(new TextDecoder().decode(message.payload), true);
        return;
      }
      if (message.kind === 'update') Y.applyUpdate(this.doc, message.payload, BUS_ORIGIN);
      else if (message.kind === 'awareness') awarenessProtocol.applyAwarenessUpdate(this.awareness, message.payload, BUS_ORIGIN);
      else if (message.kind === 'sync-request') {
        const diff = Y.encodeStateAsUpdate(this.doc, message.payload);
        // An empty diff is 2 bytes; only answer when there is something the asker lacks.
        if (diff.length > 2) this.deps.bus.publish({ kind: 'update', doc: this.name, origin: this.deps.nodeId, payload: diff });
        // Healing goes both ways: when the asker holds something this node lacks (its updates were lost while it
        // was cut off from the bus), ask back. The answer to this request arrives before our own request, so the
        // asker then lacks nothing and the exchange ends there.
        if (this.lacksSomethingOf(message.payload)) this.requestHealing();
        // Presence heals the same way: otherwise people on the asking node would not see who is already here
        // until each client renews its state (every 15 s). Duplicates are ignored by their clocks.
        const present = [...this.awareness.getStates().keys()];
        if (present.length > 0) {
          const states = awarenessProtocol.encodeAwarenessUpdate(this.awareness, present);
          this.deps.bus.publish({ kind: 'awareness', doc: this.name, origin: this.deps.nodeId, payload: states });
        }
      }
    } catch (err) {
      this.deps.log(`bad bus message for ${this.name}`, err);
    }
  };

  /** Whether a state vector from another node has seen changes of some client beyond what this doc has. */
  private lacksSomethingOf(stateVector: Uint8Array): boolean {
    const ours = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    for (const [client, clock] of Y.decodeStateVector(stateVector)) if (clock > (ours.get(client) ?? 0)) return true;
    return false;
  }

  /** The first messages a new peer gets: our state vector (sync step 1) and everyone's presence. */
  greet(peer: RoomPeer): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    peer.send(encoding.toUint8Array(encoder));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) {
      const aw = encoding.createEncoder();
      encoding.writeVarUint(aw, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(aw, awarenessProtocol.encodeAwarenessUpdate(this.awareness, states));
      peer.send(encoding.toUint8Array(aw));
    }
  }

  /** Writes pending updates and stops listening; the doc is unusable afterwards. */
  async destroy(): Promise<void> {
    await this.writer.flush();
    if (this.writer.hasPending) await this.writer.flush();
    this.unsubscribeBus?.();
    this.unsubscribeReconnect?.();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
