/**
 * The yardstick for the realtime benchmark: a bare in-memory relay speaking the same y-websocket protocol as our
 * server, with nothing else — no auth, no Origin check, no policy, no storage, no bus, no limits, no audit.
 *
 * Rooms are keyed by the URL path. Per room: one Y.Doc and one Awareness. A new socket gets sync step 1 and the
 * current presence; sync step 1 from a client is answered with step 2; step 2 and updates are applied and the
 * resulting update is broadcast to every other socket of the room; awareness is applied and relayed to everyone.
 * This is what y-websocket's reference server does, minus its optional persistence and ping.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;

interface BareRoom {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  /** Socket → the awareness client ids it introduced (removed when it closes). */
  conns: Map<WebSocket, Set<number>>;
  /** Document updates received from clients that changed the doc. */
  updatesIn: number;
}

export interface BareRelay {
  port: number;
  /** ws:// URL the y-websocket provider appends `/<docName>` to. */
  url: string;
  stats(): { rooms: number; connections: number };
  /** Updates received from clients per room (keyed by the room's name, the path without the leading slash). */
  updatesIn(name: string): number;
  close(): Promise<void>;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function send(ws: WebSocket, message: Uint8Array): void {
  if (ws.readyState === ws.OPEN) ws.send(message);
}

/** Starts the relay on 127.0.0.1 (port 0: any free port). */
export async function startBareRelay(options: { port?: number } = {}): Promise<BareRelay> {
  const rooms = new Map<string, BareRoom>();
  const wss = new WebSocketServer({ noServer: true });
  const server = http.createServer((_req, res) => res.writeHead(404).end());

  const openRoom = (name: string): BareRoom => {
    const existing = rooms.get(name);
    if (existing) return existing;
    const doc = new Y.Doc({ gc: true });
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState(null);
    const room: BareRoom = { doc, awareness, conns: new Map(), updatesIn: 0 };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      room.updatesIn += 1;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      const message = encoding.toUint8Array(encoder);
      for (const ws of room.conns.keys()) if (ws !== origin) send(ws, message);
    });
    awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const controlled = room.conns.get(origin as WebSocket);
      if (controlled) {
        for (const id of added) controlled.add(id);
        for (const id of removed) controlled.delete(id);
      }
      const changed = [...added, ...updated, ...removed];
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, changed));
      const message = encoding.toUint8Array(encoder);
      for (const ws of room.conns.keys()) send(ws, message);
    });
    rooms.set(name, room);
    return room;
  };

  const onConnection = (ws: WebSocket, name: string) => {
    const room = openRoom(name);
    room.conns.set(ws, new Set());
    ws.on('message', (data) => {
      try {
        const decoder = decoding.createDecoder(toBytes(data));
        const encoder = encoding.createEncoder();
        const type = decoding.readVarUint(decoder);
        if (type === MESSAGE_SYNC) {
          encoding.writeVarUint(encoder, MESSAGE_SYNC);
          syncProtocol.readSyncMessage(decoder, encoder, room.doc, ws);
          if (encoding.length(encoder) > 1) send(ws, encoding.toUint8Array(encoder));
        } else if (type === MESSAGE_AWARENESS) {
          awarenessProtocol.applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(decoder), ws);
        } else if (type === MESSAGE_QUERY_AWARENESS) {
          encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
          encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...room.awareness.getStates().keys()]));
          send(ws, encoding.toUint8Array(encoder));
        }
      } catch {
        ws.close(4400, 'malformed');
      }
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      const controlled = room.conns.get(ws);
      room.conns.delete(ws);
      if (controlled && controlled.size > 0) awarenessProtocol.removeAwarenessStates(room.awareness, [...controlled], null);
      if (room.conns.size === 0) {
        rooms.delete(name);
        room.awareness.destroy();
        room.doc.destroy();
      }
    });
    // Greeting: our state vector, then whoever is present.
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(step1, room.doc);
    send(ws, encoding.toUint8Array(step1));
    const present = [...room.awareness.getStates().keys()];
    if (present.length > 0) {
      const aw = encoding.createEncoder();
      encoding.writeVarUint(aw, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(aw, awarenessProtocol.encodeAwarenessUpdate(room.awareness, present));
      send(ws, encoding.toUint8Array(aw));
    }
  };

  server.on('upgrade', (req, socket, head) => {
    const name = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')
      .replace(/^\/collab\//, '')
      .replace(/^\//, '');
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, name));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `ws://127.0.0.1:${port}/collab`,
    stats: () => ({ rooms: rooms.size, connections: [...rooms.values()].reduce((n, r) => n + r.conns.size, 0) }),
    updatesIn: (name) => rooms.get(name)?.updatesIn ?? 0,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
