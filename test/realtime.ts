/**
 * Test harness for the realtime server: real HTTP servers on port 0, real y-websocket clients (the same provider
 * the browser uses) and raw `ws` clients for frames a well-behaved client would never send.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Db } from '../db/client';
import { buildPlanWithMembers } from './factories';
import { LocalBus, type Bus } from '../server/realtime/bus';
import type { TrustProxy } from '../server/config';
import type { RealtimeLimits } from '../server/realtime/limits';
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from '../server/realtime/protocol';
import { createRealtimeServer, type RealtimeServer } from '../server/realtime/server';

export const SECRET = 'test-secret-that-is-long-enough-for-next-auth-0123456789';
export const ORIGIN = 'http://localhost:3000';

// ---------------------------------------------------------------------------------------------------------------
// Waiting

/** Resolves once `check` returns true; fails with `what` after `timeoutMs`. Polls, so it works for any state. */
export async function waitFor(check: () => boolean, what = 'condition', timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------------------------------
// Nodes

/** Where clients connect: an in-process node or one in a child process. */
export interface Endpoint {
  port: number;
  /** The y-websocket server URL: the provider appends `/<docName>`. */
  collabUrl: string;
}

export interface RealtimeNode extends Endpoint {
  rt: RealtimeServer;
  http: http.Server;
  /** Closes the realtime server (flushing writes) and the HTTP server. Idempotent. */
  stop(): Promise<void>;
}

export interface NodeOptions {
  db: Db;
  bus?: Bus;
  limits?: Partial<RealtimeLimits>;
  nodeId?: string;
  allowedOrigins?: string[];
  /** TRUST_PROXY, as server/main.ts passes it (default: believe no forwarding header). */
  trustProxy?: TrustProxy;
  /** The after-storage hook (the read-model projection), as server/main.ts wires it. */
  onStored?: (docName: string, doc: Y.Doc) => void;
}

/** Starts one realtime node on an ephemeral port, wired exactly as server/main.ts wires it. */
export async function startRealtimeNode(options: NodeOptions): Promise<RealtimeNode> {
  const logged: string[] = [];
  const rt = createRealtimeServer({
    db: options.db,
    bus: options.bus ?? new LocalBus(),
    secret: SECRET,
    allowedOrigins: options.allowedOrigins ?? [ORIGIN],
    limits: options.limits,
    nodeId: options.nodeId,
    trustProxy: options.trustProxy,
    onStored: options.onStored,
    // Expected refusals are logged by the server; keep test output for real failures.
    log: (msg) => logged.push(msg),
  });
  const server = http.createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  server.on('upgrade', (req, socket, head) => {
    if (!rt.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let stopped: Promise<void> | null = null;
  return {
    rt,
    http: server,
    port,
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    stop() {
      stopped ??= (async () => {
        await rt.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return stopped;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Nodes in a child process (for SIGKILL)

export interface ChildNode extends Endpoint {
  /** SIGKILL: no flush, no close frames, as a crash or an OOM kill. Resolves when the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful path (flush, 1001, database closed). Resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts test/realtime-child.ts in its own Node process against a database the test prepared (a PostgreSQL URL
 * or a PGlite data directory, which only one process may hold at a time).
 */
export async function spawnRealtimeNode(params: { db: string; port?: number; flushDelayMs?: number }): Promise<ChildNode> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/realtime-child.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      TEST_DB: params.db,
      TEST_PORT: String(params.port ?? 0),
      TEST_SECRET: SECRET,
      TEST_ORIGIN: ORIGIN,
      TEST_FLUSH_MS: String(params.flushDelayMs ?? 100),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    void exited.then((code) => reject(new Error(`realtime child exited with ${code}: ${stderr}`)));
  });
  return {
    port,
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// y-websocket clients

/** A `ws` WebSocket class that sends the browser's headers (cookie, origin), as y-websocket's polyfill. */
function webSocketWithHeaders(headers: Record<string, string>): typeof globalThis.WebSocket {
  class HeaderWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  // y-websocket is typed against the DOM WebSocket; `ws` implements the part it uses (onopen/onmessage/…).
  return HeaderWebSocket as unknown as typeof globalThis.WebSocket;
}

function headersFor(cookie: string | null, origin: string | null): Record<string, string> {
  const headers: Record<string, string> = {};
  if (cookie) headers.Cookie = cookie;
  if (origin) headers.Origin = origin;
  return headers;
}

export interface Client {
  provider: WebsocketProvider;
  doc: Y.Doc;
  /** Close events the server sent that stop the provider (4400–4499), in order. */
  terminal: { code: number; reason: string }[];
  /** Every close code the provider saw (including transient ones). */
  closeCodes: number[];
  destroy(): void;
}

const openClients = new Set<Client>();

/** Connects a real y-websocket provider to a doc, signed in with `cookie`. Does not wait for sync. */
export function connectClient(params: { node: Endpoint; docName: string; cookie: string | null; origin?: string | null; doc?: Y.Doc }): Client {
  const doc = params.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(params.node.collabUrl, params.docName, doc, {
    WebSocketPolyfill: webSocketWithHeaders(headersFor(params.cookie, params.origin === undefined ? ORIGIN : params.origin)),
    disableBc: true,
    maxBackoffTime: 200,
  });
  const client: Client = {
    provider,
    doc,
    terminal: [],
    closeCodes: [],
    destroy() {
      openClients.delete(client);
      provider.destroy();
    },
  };
  provider.on('closed', (event) => client.terminal.push(event));
  provider.on('connection-close', (event) => {
    if (event) client.closeCodes.push(event.code);
  });
  openClients.add(client);
  return client;
}

/** Connects and waits until the provider has synced with the server. */
export async function connectSynced(params: Parameters<typeof connectClient>[0]): Promise<Client> {
  const client = connectClient(params);
  await waitSynced(client);
  return client;
}

export async function waitSynced(client: Client, timeoutMs = 5000): Promise<void> {
  await waitFor(() => client.provider.synced, 'provider sync', timeoutMs);
}

/** Destroys every provider a test left open (call in afterEach). */
export function destroyAllClients(): void {
  for (const client of [...openClients]) client.destroy();
}

/** The text of the shared `Y.Text` named `name` (the tests' stand-in for a section field). */
export function textOf(doc: Y.Doc, name = 'body'): string {
  return doc.getText(name).toString();
}

// ---------------------------------------------------------------------------------------------------------------
// Raw clients (crafted frames)

export type UpgradeResult = { opened: false; status: number } | { opened: true; raw: RawClient };

/**
 * A bare `ws` client speaking the y-websocket protocol by hand. It applies what the server sends to its own doc
 * and awareness, but never answers on its own: the test decides every frame.
 */
export class RawClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly closed: Promise<{ code: number; reason: string }>;
  closeCode: number | null = null;
  messages = 0;
  /** Sync step 2 messages received: the server sends one only in answer to our step 1. */
  answers = 0;

  constructor(readonly ws: WebSocket) {
    this.awareness.setLocalState(null);
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        this.closeCode = code;
        resolve({ code, reason: reason.toString() });
      });
    });
    ws.on('message', (data) => {
      this.messages += 1;
      const bytes = new Uint8Array(data as Buffer);
      const decoder = decoding.createDecoder(bytes);
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_SYNC) {
        // The reply encoder is discarded: this client only speaks when the test says so.
        const syncType = syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), this.doc, 'server');
        if (syncType === syncProtocol.messageYjsSyncStep2) this.answers += 1;
      } else if (type === MESSAGE_AWARENESS) {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), 'server');
      }
    });
    ws.on('error', () => undefined);
  }

  send(bytes: Uint8Array | Buffer | string, options: { binary?: boolean } = {}): void {
    this.ws.send(bytes, { binary: options.binary ?? typeof bytes !== 'string' });
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  close(): void {
    this.ws.close();
  }

  /**
   * Sends sync step 1 and waits for the answer. The server handles one connection's frames in order, so once
   * the answer is here every frame sent before it has been handled.
   */
  async roundTrip(): Promise<void> {
    const before = this.answers;
    this.send(syncStep1Frame(this.doc));
    await waitFor(() => this.answers > before || this.closeCode !== null, 'round trip');
    if (this.closeCode !== null) throw new Error(`closed with ${this.closeCode} during a round trip`);
  }
}

const openRaw = new Set<RawClient>();

/** Attempts the upgrade; resolves with the HTTP status when refused, or an open raw client. */
export function rawConnect(params: {
  node: Endpoint;
  path: string;
  cookie: string | null;
  origin?: string | null;
  /** false: never answer the server's pings, like a peer whose network vanished. */
  autoPong?: boolean;
  /** Further request headers (e.g. a forged X-Forwarded-For). */
  headers?: Record<string, string>;
}): Promise<UpgradeResult> {
  const url = `ws://127.0.0.1:${params.node.port}${params.path}`;
  const ws = new WebSocket(url, {
    headers: { ...headersFor(params.cookie, params.origin === undefined ? ORIGIN : params.origin), ...params.headers },
    autoPong: params.autoPong ?? true,
  });
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      resolve({ opened: false, status: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.once('open', () => {
      const raw = new RawClient(ws);
      openRaw.add(raw);
      resolve({ opened: true, raw });
    });
    ws.once('error', (err) => reject(err));
  });
}

/** Opens a raw client to a doc and fails the test when the server refuses. */
export async function rawOpen(params: {
  node: Endpoint;
  docName: string;
  cookie: string;
  origin?: string;
  autoPong?: boolean;
  headers?: Record<string, string>;
}): Promise<RawClient> {
  const result = await rawConnect({ ...params, path: `/collab/${params.docName}` });
  if (!result.opened) throw new Error(`upgrade refused with ${result.status}`);
  return result.raw;
}

export function closeAllRaw(): void {
  for (const raw of openRaw) raw.ws.terminate();
  openRaw.clear();
}

/** What every realtime test does after each test: close the providers and raw sockets, then stop these nodes. */
export async function closeClientsAndNodes(nodes: RealtimeNode[] = []): Promise<void> {
  destroyAllClients();
  closeAllRaw();
  await Promise.all(nodes.splice(0).map((n) => n.stop()));
}

/** Two parents and a wijkteam professional, signed in: the family most realtime tests edit with. */
export function realtimeFamily(db: Db) {
  return buildPlanWithMembers(db, SECRET, {
    moeder: { role: 'ouder', name: 'Sanne' },
    vader: { role: 'ouder', name: 'Mehmet' },
    wijkteam: { role: 'lokaal_team', name: 'Fatima' },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Frames

export function syncStep1Frame(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

export function syncStep2Frame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

export function awarenessFrame(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(e);
}

/** An update that inserts `text` into `Y.Text` `name`, made by a throw-away doc. */
export function textUpdate(text: string, name = 'body'): Uint8Array {
  const doc = new Y.Doc();
  doc.getText(name).insert(0, text);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
