/**
 * The realtime server: composes the upgrade checks (upgrade.ts, auth.ts, the policy), connection slots
 * (slots.ts), revocation (revocation.ts), rooms and their storage (rooms.ts), connections (connection.ts),
 * liveness (heartbeat.ts), the write audit (write-audit.ts) and the bus. Attach its `handleUpgrade` to the HTTP
 * server's 'upgrade' event.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type * as Y from 'yjs';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { Db } from '../../db/client';
import { loadMember } from '../../db/queries/members';
import { findUserById } from '../../db/queries/users';
import { can, canShowPresence } from '../../lib/policy';
import type { SectionKey } from '../../lib/sections';
import { recordAudit } from '../audit/record';
import { TRUST_NOTHING, type TrustProxy } from '../config';
import { upgradeClientAddress } from '../http/client-address';
import { authenticateUpgrade } from './auth';
import type { Bus } from './bus';
import { Connection, type ConnectionInfo } from './connection';
import { Heartbeat } from './heartbeat';
import { CLOSE, DEFAULT_LIMITS, type RealtimeLimits } from './limits';
import { Revocation, type Admission, type Superseded } from './revocation';
import { RoomRegistry } from './rooms';
import { ConnectionSlots } from './slots';
import { docNameFromPath, originAllowed, refuseUpgrade } from './upgrade';
import { WriteAudit } from './write-audit';

export interface RealtimeOptions {
  db: Db;
  bus: Bus;
  secret: string;
  allowedOrigins: readonly string[];
  secureCookie?: boolean;
  limits?: Partial<RealtimeLimits>;
  /** Which X-Forwarded-For hops of an upgrade are believed for the audit trail's access point (TRUST_PROXY). */
  trustProxy?: TrustProxy;
  nodeId?: string;
  log?: (msg: string, err?: unknown) => void;
  /** Called after updates of a doc were stored by this node (the read-model projection). */
  onStored?: (docName: string, doc: Y.Doc) => void;
}

export interface RealtimeServer {
  readonly nodeId: string;
  /** Handles an upgrade if its path is `/collab/…`; returns false for other paths (left to others). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Closes a user's live connections to a plan on every node (consent withdrawn, member removed). */
  revoke(params: { planId: string; userId: string }): void;
  /** Makes every connection of one role in a plan reconnect, on every node, so it gets changed rights. */
  refreshRights(params: { planId: string; role: string }): void;
  /** Tells everyone with the doc open, on every node, that `topic` changed (they refetch it). */
  notify(docName: string, topic: string): void;
  stats(): { rooms: number; connections: number };
  /** Pending writes of every room, flushed (used by benchmarks and graceful shutdown). */
  flush(): Promise<void>;
  /** Closes every connection with 1001, flushes every room and stops. */
  close(): Promise<void>;
  readonly registry: RoomRegistry;
}

/**
 * `ws` refuses a frame above `maxPayload` from its header, before buffering it, and closes with the generic 1009.
 * y-websocket treats 1009 as transient: it reconnects and resends the same content forever. Our clients stop on
 * 4400–4499 and tell the person why, so the socket reports 4413 for that case too.
 */
class BoundedWebSocket extends WebSocket {
  override close(code?: number, data?: string | Buffer): void {
    super.close(code === 1009 ? CLOSE.tooLarge : code, data);
  }
}

/** Creates a realtime server bound to a database and a bus. */
export function createRealtimeServer(options: RealtimeOptions): RealtimeServer {
  const limits: RealtimeLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const nodeId = options.nodeId ?? randomUUID();
  const log = options.log ?? ((msg: string, err?: unknown) => console.error(`[realtime] ${msg}`, err ?? ''));
  const { db, bus } = options;
  const trustProxy = options.trustProxy ?? TRUST_NOTHING;
  // Frames between maxMessageBytes and maxPayload are refused by Connection; larger ones by ws itself (above).
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes + 1024, WebSocket: BoundedWebSocket });
  const registry = new RoomRegistry({ db, bus, nodeId, limits, log, onStored: options.onStored });
  /** This node's open connections, each in its room. */
  const connections = new Set<Connection>();
  const slots = new ConnectionSlots(limits.maxConnectionsPerUser);
  const revocation = new Revocation({ bus, nodeId, connections, log });
  const writeAudit = new WriteAudit(db, connections, log);
  const heartbeat = new Heartbeat(limits.pingIntervalMs);
  /** Every upgrade being handled, so close() can wait for them. */
  const inFlight = new Set<Promise<void>>();
  let closing = false;

  async function admit(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const target = docNameFromPath(req.url);
    if (!target) return;
    if (closing) return refuseUpgrade(socket, 503, 'server is shutting down');
    if (!target.ok) return refuseUpgrade(socket, 400, 'unknown document');
    if (!originAllowed(req, options.allowedOrigins)) return refuseUpgrade(socket, 403, 'origin not allowed');
    await revocation.admitting(target.planId, (admission) => admitMember(req, socket, head, target, admission));
  }

  /** Checks the person and, when allowed, opens the socket; resolves once it is in its room (or gone). */
  async function admitMember(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    target: { docName: string; planId: string; section: SectionKey },
    admission: Admission,
  ): Promise<void> {
    const who = await authenticateUpgrade(req, { secret: options.secret, secureCookie: options.secureCookie ?? false });
    if (!who) return refuseUpgrade(socket, 401, 'not signed in');
    // The member comes from the database at the moment of the check, never from the token.
    const member = await loadMember(db, { planId: target.planId, userId: who.userId });
    if (!member || !can(member, 'read', target.section)) return refuseUpgrade(socket, 403, 'no access to this section');
    if (socket.destroyed) return; // the client left while we checked; nothing to answer
    if (!slots.take(who.userId, socket)) return refuseUpgrade(socket, 429, 'too many connections');
    const user = await findUserById(db, { id: who.userId });
    const via = { accessPoint: upgradeClientAddress(req, trustProxy), client: req.headers['user-agent'] ?? null };

    await recordAudit(db, {
      action: 'section.open',
      actorUserId: who.userId,
      actorRole: member.role,
      planId: target.planId,
      section: target.section,
      basis: member.basis,
      ...via,
    });
    /** What a revoke or refresh that arrived during the admission asks of this connection, if anything. */
    const superseded = () => admission.superseded(who.userId, member.role);
    if (superseded() === 'revoked') return refuseUpgrade(socket, 403, 'access revoked');

    const info: ConnectionInfo = {
      userId: who.userId,
      userName: user?.name ?? user?.email ?? 'Onbekend',
      role: member.role,
      planId: target.planId,
      section: target.section,
      docName: target.docName,
      canWrite: can(member, 'edit', target.section),
      canShowPresence: canShowPresence(member, target.section),
      ...via,
    };
    let opened: Promise<void> | null = null;
    // ws calls back synchronously, or not at all when the socket died meanwhile (it then destroys it).
    wss.handleUpgrade(req, socket, head, (ws) => {
      opened = openConnection(ws, info, superseded);
    });
    if (opened) await opened;
  }

  /** Joins the socket to its room; messages that arrive while the room loads are kept and handled in order. */
  function openConnection(ws: WebSocket, info: ConnectionInfo, superseded: () => Superseded): Promise<void> {
    let conn: Connection | null = null;
    const early: [RawData, boolean][] = [];
    ws.on('message', (data, isBinary) => {
      if (conn) conn.handle(data, isBinary);
      else early.push([data, isBinary]);
    });
    ws.on('error', (err) => log('socket error', err));
    const placeholder = { userId: info.userId, send: () => undefined };
    return registry
      .join(info.docName, placeholder)
      .then((room) => {
        const c = new Connection(ws, info, room, limits, (clientId) => {
          for (const other of connections) if (other.info.docName === info.docName && other.ownsClient(clientId)) return other;
          return undefined;
        });
        room.peers.add(c);
        room.peers.delete(placeholder);
        connections.add(c);
        heartbeat.watch(ws);
        conn = c;
        ws.on('close', () => {
          connections.delete(c);
          c.dropPresence();
          writeAudit.flush(c);
          registry.leave(info.docName, c).catch((err) => log(`closing room ${info.docName} failed`, err));
        });
        if (ws.readyState !== ws.OPEN) {
          ws.emit('close');
          return;
        }
        // Access ended or the server began closing while the room loaded: nothing may be served.
        const change = superseded();
        if (change === 'revoked') return c.close(CLOSE.forbidden, 'access revoked');
        if (change === 'refresh') return c.close(CLOSE.rightsChanged, 'rights changed');
        if (closing) return c.close(CLOSE.goingAway, 'server shutting down');
        room.greet(c);
        for (const [data, isBinary] of early.splice(0)) c.handle(data, isBinary);
      })
      .catch((err) => {
        log(`opening room ${info.docName} failed`, err);
        ws.close(1011, 'could not open document');
      });
  }

  return {
    nodeId,
    registry,
    handleUpgrade(req, socket, head) {
      if (!docNameFromPath(req.url)) return false;
      socket.on('error', () => socket.destroy());
      const admitting = admit(req, socket, head)
        .catch((err) => {
          log('upgrade failed', err);
          refuseUpgrade(socket, 503, 'temporarily unavailable');
        })
        .finally(() => inFlight.delete(admitting));
      inFlight.add(admitting);
      return true;
    },
    revoke: (params) => revocation.revoke(params),
    refreshRights: (params) => revocation.refreshRights(params),
    notify(docName, topic) {
      const room = registry.get(docName);
      if (room) room.notifyPeers(topic);
      // No room here: other nodes may still have peers on this doc.
      else bus.publish({ kind: 'notify', doc: docName, origin: nodeId, payload: new TextEncoder().encode(topic) });
    },
    stats: () => ({ rooms: registry.size, connections: connections.size }),
    flush: () => registry.flushAll(),
    async close() {
      closing = true;
      heartbeat.stop();
      writeAudit.stop();
      // Upgrades already past the door finish first (they close themselves on `closing`), so no socket or
      // room appears after the sweep below.
      await Promise.all([...inFlight]);
      revocation.stop();
      await registry.flushAll();
      for (const c of connections) {
        writeAudit.flush(c);
        c.close(CLOSE.goingAway, 'server shutting down');
      }
      // Give close frames a moment to leave, then make sure nothing lingers.
      await new Promise((r) => setTimeout(r, 50));
      for (const ws of wss.clients) ws.terminate();
      await registry.destroyAll();
      wss.close();
    },
  };
}
