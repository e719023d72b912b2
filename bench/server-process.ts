/**
 * The server under test runs in its own Node process (bench/server-child.ts), not in the process that drives the
 * clients. Both would otherwise share one event loop: the fifty client Y.Docs would slow the server down (and the
 * server the clients) by the same amount in both scenarios, which hides the difference we want to see, and the
 * memory per connection would include the clients' own. On a two-core machine this gives the server one core
 * and the clients the other, which is also how it runs in production (browsers elsewhere).
 *
 * This file is the parent's side: start a child, ask it for measurements, stop it. Messages go over the IPC
 * channel of `fork`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type ServerKind = 'ours' | 'bare';

export interface ChildConfig {
  kind: ServerKind;
  /** One doc per entry; the number is how many people (each with their own session) will open it. */
  groups: number[];
  /** Our server's limits that differ from its defaults (limits.ts); diagnostics only. */
  limits?: { flushDelayMs?: number; compactAfterRows?: number };
}

/** One doc and the session cookies of the people who may edit it (null: the bare relay asks for none). */
export interface Target {
  docName: string;
  cookies: (string | null)[];
}

export interface ReadyMessage {
  type: 'ready';
  /** The y-websocket server URL (the provider appends `/<docName>`). */
  url: string;
  origin: string;
  targets: Target[];
  database: 'pglite' | 'postgres' | null;
  setupMs: number;
}

export interface MeasureRequest {
  type: 'measure';
  id: number;
  /** Collect garbage first (for memory numbers; pauses the server, so not during a measured window). */
  gc: boolean;
  /** Count stored rows per doc (one query per doc). */
  rows: boolean;
  /** Read the highest row id of the update log (one query): rows inserted between two measurements. */
  rowIds: boolean;
}

export interface Measurement {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  connections: number;
  rooms: number;
  /** process.cpuUsage() totals, µs. */
  cpuUserUs: number;
  cpuSystemUs: number;
  /** Event-loop delay since the previous measurement (ms). */
  loop: { p50: number; p99: number; max: number };
  /** Per doc: flushes that reached the database (UpdateWriter.writes) and client updates that changed the doc. */
  docs: Record<string, { writes: number; updatesIn: number; rows: number | null }>;
  /** Highest id in yjs_updates (rows ever inserted, snapshots included), when asked; null for the bare relay. */
  maxRowId: number | null;
  /** Messages the server logged as errors (anything but expected refusals). */
  errors: string[];
}

export interface ReplyMessage {
  type: 'reply';
  id: number;
  data: Measurement | null;
}

export type ParentMessage = MeasureRequest | { type: 'stop'; id: number };
export type ChildMessage = ReadyMessage | ReplyMessage;

export interface ServerProcess {
  ready: ReadyMessage;
  measure(options?: { gc?: boolean; rows?: boolean; rowIds?: boolean }): Promise<Measurement>;
  stop(): Promise<void>;
}

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'server-child.ts');

/** Starts a server child and waits until it listens (our server: database migrated and people created). */
export async function startServerProcess(config: ChildConfig, timeoutMs = 120_000): Promise<ServerProcess> {
  const child: ChildProcess = fork(CHILD, [], {
    execArgv: [
      '--import',
      'tsx',
      '--expose-gc',
      // Diagnostics: a CPU profile of each server process, written when it exits.
      ...(process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF_DIR] : []),
    ],
    env: { ...process.env, BENCH_CHILD_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const waiting = new Map<number, (m: ReplyMessage) => void>();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let readyResolve: (m: ReadyMessage) => void = () => undefined;
  const ready = new Promise<ReadyMessage>((resolve) => (readyResolve = resolve));
  child.on('message', (raw) => {
    const message = raw as ChildMessage;
    if (message.type === 'ready') readyResolve(message);
    else if (message.type === 'reply') {
      waiting.get(message.id)?.(message);
      waiting.delete(message.id);
    }
  });

  let timer: NodeJS.Timeout | undefined;
  const readyMessage = await Promise.race([
    ready,
    exited.then((code) => Promise.reject(new Error(`bench server (${config.kind}) exited with ${code} before it was ready`))),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`bench server (${config.kind}) not ready after ${timeoutMs} ms`)), timeoutMs);
    }),
  ]).catch((err: unknown) => {
    child.kill('SIGKILL');
    throw err;
  });
  clearTimeout(timer);

  const request = (message: ParentMessage, requestTimeoutMs: number): Promise<ReplyMessage> =>
    new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        waiting.delete(message.id);
        reject(new Error(`bench server did not answer '${message.type}' within ${requestTimeoutMs} ms`));
      }, requestTimeoutMs);
      waiting.set(message.id, (reply) => {
        clearTimeout(t);
        resolve(reply);
      });
      child.send(message);
    });

  let stopped: Promise<void> | null = null;
  return {
    ready: readyMessage,
    async measure(options = {}) {
      const reply = await request(
        { type: 'measure', id: nextId++, gc: options.gc ?? false, rows: options.rows ?? false, rowIds: options.rowIds ?? false },
        30_000,
      );
      if (!reply.data) throw new Error('bench server sent no measurement');
      return reply.data;
    },
    stop() {
      stopped ??= (async () => {
        try {
          await request({ type: 'stop', id: nextId++ }, 30_000);
        } catch {
          child.kill('SIGKILL');
        }
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      })();
      return stopped;
    },
  };
}
