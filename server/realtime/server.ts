/**
 * The realtime server: composes upgrade checks, rooms, connections, storage and the bus. Attach its
 * `handleUpgrade` to the HTTP server's 'upgrade' event.
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
import { authenticateUpgrade } from './auth';
import type { Bus, BusMessage } from './bus';
import { Connection, type ConnectionInfo } from './connection';
import { CLOSE, DEFAULT_LIMITS, type RealtimeLimits } from './limits';
import { RoomRegistry } from './rooms';
import { docNameFromPath, originAllowed, refuseUpgrade } from './upgrade';

export interface RealtimeOptions {
  db: Db;
  bus: Bus;
  secret: string;
  allowedOrigins: readonly string[];
  secureCookie?: boolean;
  limits?: Partial<RealtimeLimits>;
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

const AUDIT_WRITES_EVERY_MS = 60_000;

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

/** Whose connections to close: a plan and a user or a role; `refresh` lets them reconnect. */
interface RevokeScope {
  planId: string;
  userId?: string;
  role?: string;
  refresh?: boolean;
}

/** An upgrade being admitted, and the revokes and refreshes of its plan that arrived meanwhile. */
interface Admission {
  planId: string;
  scopes: RevokeScope[];
}

/** Whether a revoke or refresh scope covers a connection of this user in this role. */
function inScope(scope: RevokeScope, userId: string, role: string): boolean {
  return (!scope.userId || scope.userId === userId) && (!scope.role || scope.role === role);
}

/** Creates a realtime server bound to a database and a bus. */
export function createRealtimeServer(options: RealtimeOptions): RealtimeServer {
  const limits: RealtimeLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const nodeId = options.nodeId ?? randomUUID();
  const log = options.log ?? ((msg: string, err?: unknown) => console.error(`[realtime] ${msg}`, err ?? ''));
  const { db, bus } = options;
  // Frames between maxMessageBytes and maxPayload are refused by Connection; larger ones by ws itself (above).
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes + 1024, WebSocket: BoundedWebSocket });
  const registry = new RoomRegistry({ db, bus, nodeId, limits, log, onStored: options.onStored });
  const connections = new Set<Connection>();
  let closing = false;

  /**
   * Connection slots per user, taken when an upgrade passes the limit check rather than when its socket is
   * finally open: parallel upgrades would otherwise all see the same count and slip past the limit together.
   * A slot is given back when the underlying TCP socket closes, whichever way the upgrade ended.
   */
  const slots = new Map<string, number>();
  const takeSlot = (userId: string, socket: Duplex): boolean => {
    const used = slots.get(userId) ?? 0;
    if (used >= limits.maxConnectionsPerUser) return false;
    slots.set(userId, used + 1);
    socket.once('close', () => {
      const left = (slots.get(userId) ?? 1) - 1;
      if (left > 0) slots.set(userId, left);
      else slots.delete(userId);
    });
    return true;
  };

  /**
   * Upgrades in flight. A revoke or a change of rights can arrive after an admission read the membership but
   * before its socket joined `connections`; it is remembered here and the admission ends with 4403 (revoked) or
   * 4000 (reconnect for the new rights) instead of staying open with what it read.
   */
  const admissions = new Set<Admission>();
  /** Every upgrade being handled, so close() can wait for them. */
  const inFlight = new Set<Promise<void>>();

  const auditWrites = (conn: Connection) => {
    if (conn.writesSinceAudit === 0) return;
    const writes = conn.writesSinceAudit;
    conn.writesSinceAudit = 0;
    recordAudit(db, {
      action: 'section.write',
      actorUserId: conn.userId,
      actorRole: conn.info.role,
      planId: conn.info.planId,
      section: conn.info.section,
      details: { writes },
    }).catch((err) => log('audit of writes failed', err));
  };

  const heartbeat = setInterval(() => {
    for (const c of connections) c.heartbeat();
  }, limits.pingIntervalMs);
  heartbeat.unref();
  const auditTimer = setInterval(() => {
    for (const c of connections) auditWrites(c);
  }, AUDIT_WRITES_EVERY_MS);
  auditTimer.unref();

  /**
   * Closes this node's connections in a scope: one user's (revoked: 4403, no reconnect) or one role's
   * (rights changed: 4000, the client reconnects and gets its new rights). An empty scope is refused.
   */
  const closeLocal = (scope: RevokeScope) => {
    if (!scope.userId && !scope.role) return log('refused a revoke without a user or role');
    // Admissions in flight may already have read the old rights; they check these scopes when they finish.
    for (const a of admissions) if (a.planId === scope.planId) a.scopes.push(scope);
    for (const c of connections) {
      if (c.info.planId !== scope.planId || !inScope(scope, c.userId, c.info.role)) continue;
      if (scope.refresh) c.close(CLOSE.rightsChanged, 'rights changed');
      else c.close(CLOSE.forbidden, 'access revoked');
    }
  };
  const unsubscribeRevoke = bus.subscribe('*', (message: BusMessage) => {
    if (message.kind !== 'revoke') return;
    try {
      closeLocal(JSON.parse(Buffer.from(message.payload).toString('utf8')) as RevokeScope);
    } catch (err) {
      log('bad revoke message', err);
    }
  });

  async function admit(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const target = docNameFromPath(req.url);
    if (!target) return;
    if (closing) return refuseUpgrade(socket, 503, 'server is shutting down');
    if (!target.ok) return refuseUpgrade(socket, 400, 'unknown document');
    if (!originAllowed(req, options.allowedOrigins)) return refuseUpgrade(socket, 403, 'origin not allowed');
    const admission: Admission = { planId: target.planId, scopes: [] };
    admissions.add(admission);
    try {
      await admitMember(req, socket, head, target, admission);
    } finally {
      admissions.delete(admission);
    }
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
    if (!takeSlot(who.userId, socket)) return refuseUpgrade(socket, 429, 'too many connections');
    const user = await findUserById(db, { id: who.userId });

    await recordAudit(db, {
      action: 'section.open',
      actorUserId: who.userId,
      actorRole: member.role,
      planId: target.planId,
      section: target.section,
      basis: member.basis,
      accessPoint: req.socket.remoteAddress ?? null,
      client: req.headers['user-agent'] ?? null,
    });
    /** What a revoke or refresh that arrived during the admission asks of this connection, if anything. */
    const superseded = (): 'revoked' | 'refresh' | null => {
      const hits = admission.scopes.filter((scope) => inScope(scope, who.userId, member.role));
      if (hits.some((scope) => !scope.refresh)) return 'revoked';
      return hits.length > 0 ? 'refresh' : null;
    };
    if (superseded() === 'revoked') return refuseUpgrade(socket, 403, 'access revoked');

    const info = {
      userId: who.userId,
      userName: user?.name ?? user?.email ?? 'Onbekend',
      role: member.role,
      planId: target.planId,
      section: target.section,
      docName: target.docName,
      canWrite: can(member, 'edit', target.section),
      canShowPresence: canShowPresence(member, target.section),
    };
    let opened: Promise<void> | null = null;
    // ws calls back synchronously, or not at all when the socket died meanwhile (it then destroys it).
    wss.handleUpgrade(req, socket, head, (ws) => {
      opened = openConnection(ws, info, superseded);
    });
    if (opened) await opened;
  }

  /** Joins the socket to its room; messages that arrive while the room loads are kept and handled in order. */
  function openConnection(ws: WebSocket, info: ConnectionInfo, superseded: () => 'revoked' | 'refresh' | null): Promise<void> {
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
        conn = c;
        ws.on('close', () => {
          connections.delete(c);
          c.dropPresence();
          auditWrites(c);
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
    revoke({ planId, userId }) {
      const scope: RevokeScope = { planId, userId };
      closeLocal(scope);
      bus.publish({ kind: 'revoke', doc: '*', origin: nodeId, payload: Buffer.from(JSON.stringify(scope)) });
    },
    refreshRights({ planId, role }) {
      const scope: RevokeScope = { planId, role, refresh: true };
      closeLocal(scope);
      bus.publish({ kind: 'revoke', doc: '*', origin: nodeId, payload: Buffer.from(JSON.stringify(scope)) });
    },
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
      clearInterval(heartbeat);
      clearInterval(auditTimer);
      // Upgrades already past the door finish first (they close themselves on `closing`), so no socket or
      // room appears after the sweep below.
      await Promise.all([...inFlight]);
      unsubscribeRevoke();
      await registry.flushAll();
      for (const c of connections) {
        auditWrites(c);
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
