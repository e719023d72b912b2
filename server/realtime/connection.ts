/**
 * One WebSocket connection to one room. Reads y-websocket messages and applies only what the member's rights
 * allow: read-only connections get answers to their sync step 1 but their step 2 and updates are dropped, and
 * presence is accepted only from members the policy lets show presence. Malformed input closes this connection
 * only (4400), oversized input closes it with 4413.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket, RawData } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CLOSE, type RealtimeLimits } from './limits';
import { MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from './protocol';
import type { Room, RoomPeer } from './room';

export interface ConnectionInfo {
  userId: string;
  userName: string;
  role: string;
  planId: string;
  section: string;
  docName: string;
  canWrite: boolean;
  canShowPresence: boolean;
  /** The client's address (TRUST_PROXY applied) and user agent at the upgrade, for the audit trail. */
  accessPoint: string | null;
  client: string | null;
}

/** Client ids one connection may introduce presence for (see handleAwareness). */
const MAX_PRESENCE_IDS = 4;

/** Thrown for input that does not follow the protocol. */
class MalformedMessage extends Error {}

export class Connection implements RoomPeer {
  readonly userId: string;
  /** Awareness client ids this connection introduced; removed when it closes. */
  private readonly controlled = new Set<number>();
  private closed = false;
  /** Document changes since the last audit flush (write-audit.ts: per connection per minute). */
  private writesSinceAudit = 0;

  noteWrite(): void {
    this.writesSinceAudit += 1;
  }

  /** The writes counted since the last call, and starts counting again. */
  takeWrites(): number {
    const writes = this.writesSinceAudit;
    this.writesSinceAudit = 0;
    return writes;
  }

  constructor(
    readonly ws: WebSocket,
    readonly info: ConnectionInfo,
    private readonly room: Room,
    private readonly limits: RealtimeLimits,
    private readonly ownerOf: (clientId: number) => Connection | undefined,
  ) {
    this.userId = info.userId;
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(message, (err) => {
      if (err) this.close(CLOSE.goingAway, 'send failed');
    });
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.close(code, reason);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  ownsClient(clientId: number): boolean {
    return this.controlled.has(clientId);
  }

  /** Removes this connection's presence from the room. */
  dropPresence(): void {
    if (this.controlled.size === 0) return;
    awarenessProtocol.removeAwarenessStates(this.room.awareness, [...this.controlled], null);
    this.controlled.clear();
  }

  /** Handles one incoming frame. */
  handle(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    const bytes = toBytes(data);
    if (bytes.byteLength > this.limits.maxMessageBytes) {
      this.close(CLOSE.tooLarge, 'message too large');
      return;
    }
    if (!isBinary) {
      this.close(CLOSE.malformed, 'binary messages only');
      return;
    }
    try {
      this.dispatch(bytes);
    } catch (err) {
      this.close(CLOSE.malformed, err instanceof MalformedMessage ? err.message : 'malformed message');
    }
  }

  private dispatch(bytes: Uint8Array): void {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC:
        this.handleSync(decoder);
        return;
      case MESSAGE_AWARENESS:
        this.handleAwareness(decoding.readVarUint8Array(decoder));
        return;
      case MESSAGE_QUERY_AWARENESS: {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, [...this.room.awareness.getStates().keys()]));
        this.send(encoding.toUint8Array(encoder));
        return;
      }
      case MESSAGE_AUTH:
        return; // clients have nothing to say here; the upgrade already authenticated them
      default:
        throw new MalformedMessage('unknown message type');
    }
  }

  private handleSync(decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      Y.decodeStateVector(stateVector); // throws on garbage before we answer
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep2(encoder, this.room.doc, stateVector);
      this.send(encoding.toUint8Array(encoder));
      return;
    }
    if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
      throw new MalformedMessage('unknown sync message');
    }
    const update = decoding.readVarUint8Array(decoder);
    // Read-only connections may not change the document, whatever they send: drop silently, as their own
    // editor is read-only and only a crafted client would send this.
    if (!this.info.canWrite) return;
    // Parse fully before applying, so a malformed update cannot half-apply.
    Y.decodeUpdate(update);
    // Counted in Room.onDocUpdate, and only when the update really changed the document.
    Y.applyUpdate(this.room.doc, update, this);
  }

  private handleAwareness(update: Uint8Array): void {
    if (!this.info.canShowPresence) return;
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const claimed = new Set<number>();
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      decoding.readVarUint(decoder); // clock
      decoding.readVarString(decoder); // state JSON
      // Nobody may speak for another connection's presence: not one on this node (ownerOf), and not one on
      // another node either, whose state reached this room through the bus. A client id is claimed by the
      // first connection that introduces it while no one else is present under it.
      if (!this.controlled.has(clientId) && (this.ownerOf(clientId) || this.room.awareness.getStates().has(clientId))) return;
      claimed.add(clientId);
    }
    // A y-websocket client speaks for one client id per doc (a new one only after a rare id clash). Many ids
    // from one socket can only be a crafted client filling everyone's screen with carets.
    const total = new Set([...this.controlled, ...claimed]).size;
    if (total > MAX_PRESENCE_IDS) throw new MalformedMessage('presence for too many clients');
    for (const clientId of claimed) this.controlled.add(clientId);
    // The name shown to others is the signed-in person's, not whatever the client claims.
    const trusted = awarenessProtocol.modifyAwarenessUpdate(update, (state: unknown) => {
      if (state === null || typeof state !== 'object') return state;
      const s = state as { user?: Record<string, unknown> };
      return { ...s, user: { ...(s.user ?? {}), name: this.info.userName, role: this.info.role, id: this.info.userId } };
    });
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, trusted, this);
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
