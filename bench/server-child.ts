/**
 * The server under test, in its own process (see server-process.ts for why). Started by `fork` with
 * BENCH_CHILD_CONFIG (a ChildConfig as JSON):
 *   kind 'ours': a migrated test database (PGlite in memory, or a throw-away PostgreSQL database when DATABASE_URL
 *                is set), one plan per group with that many signed-in members who may edit the section, and our
 *                realtime server wired as server/main.ts wires it (LocalBus, the read-model projector).
 *   kind 'bare': bench/bare-relay.ts.
 * Sends `ready` with the URL and the docs, answers `measure`, and on `stop` (or when the parent goes away) closes
 * everything and exits.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { max } from 'drizzle-orm';
import * as Y from 'yjs';
import { countUpdates } from '../db/queries/yjs';
import { yjsUpdates } from '../db/schema';
import { docNameFor } from '../lib/sections';
import type { PlanRole } from '../lib/roles';
import { createProjector } from '../server/projection/projector';
import { LocalBus } from '../server/realtime/bus';
import { createRealtimeServer } from '../server/realtime/server';
import { openTestDatabase, type TestDatabase } from '../test/db';
import { buildPlanWithMembers } from '../test/factories';
import { ORIGIN, SECRET } from '../test/realtime';
import { startBareRelay } from './bare-relay';
import { LatenessProbe } from './stats';
import type { ChildConfig, ChildMessage, Measurement, ParentMessage, Target } from './server-process';

/** Roles that may edit the 'doelen' section by the default matrix (lib/policy.ts). */
const EDITING_ROLES: PlanRole[] = ['ouder', 'ouder', 'jeugdige', 'lokaal_team', 'aanbieder', 'gi'];
const SECTION = 'doelen';

interface Running {
  url: string;
  targets: Target[];
  database: TestDatabase | null;
  stats(): { rooms: number; connections: number };
  docCounters(name: string): { writes: number; updatesIn: number };
  close(): Promise<void>;
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

async function startOurs(config: ChildConfig, errors: string[]): Promise<Running> {
  const database = await openTestDatabase();
  const targets: Target[] = [];
  for (const size of config.groups) {
    const spec: Record<string, { role: PlanRole; name: string }> = {};
    for (let i = 0; i < size; i++) spec[`p${i}`] = { role: EDITING_ROLES[i % EDITING_ROLES.length] ?? 'ouder', name: `Bench ${i}` };
    const { plan, people } = await buildPlanWithMembers(database.db, SECRET, spec);
    targets.push({ docName: docNameFor(plan.id, SECTION), cookies: Object.values(people).map((p) => p.cookie) });
  }
  const projector = createProjector({ db: database.db, log: (msg) => errors.push(msg) });
  const rt = createRealtimeServer({
    db: database.db,
    bus: new LocalBus(),
    secret: SECRET,
    allowedOrigins: [ORIGIN],
    limits: config.limits,
    onStored: (docName, doc) => projector.schedule(docName, doc),
    log: (msg, err) => errors.push(`${msg}${err ? `: ${err instanceof Error ? err.message : String(err)}` : ''}`),
  });
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => {
    if (!rt.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  // Client updates per room, counted from the room's own doc: an update whose origin is a connection came from
  // a client and changed the document (the same event that queues it for storage).
  const counted = new WeakMap<Y.Doc, { n: number }>();
  const updatesOf = (doc: Y.Doc) => {
    let counter = counted.get(doc);
    if (!counter) {
      const c = { n: 0 };
      doc.on('update', (_u: Uint8Array, origin: unknown) => {
        if (typeof origin === 'object' && origin !== null && 'userId' in origin) c.n += 1;
      });
      counted.set(doc, c);
      counter = c;
    }
    return counter.n;
  };

  return {
    url: `ws://127.0.0.1:${port}/collab`,
    targets,
    database,
    stats: () => rt.stats(),
    docCounters(name) {
      const room = rt.registry.get(name);
      if (!room) return { writes: 0, updatesIn: 0 };
      return { writes: room.writer.writes, updatesIn: updatesOf(room.doc) };
    },
    async close() {
      await rt.close();
      await projector.flush();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

async function startBare(config: ChildConfig): Promise<Running> {
  const relay = await startBareRelay();
  const targets: Target[] = config.groups.map((size, i) => ({
    docName: `bench-doc-${i}`,
    cookies: Array.from({ length: size }, () => null),
  }));
  return {
    url: relay.url,
    targets,
    database: null,
    stats: () => relay.stats(),
    docCounters: (name) => ({ writes: 0, updatesIn: relay.updatesIn(name) }),
    close: () => relay.close(),
  };
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env.BENCH_CHILD_CONFIG ?? '{}') as ChildConfig;
  const errors: string[] = [];
  const started = performance.now();
  const running = config.kind === 'ours' ? await startOurs(config, errors) : await startBare(config);
  const loop = new LatenessProbe();

  const gc = (globalThis as { gc?: () => void }).gc;
  const measure = async (request: { gc: boolean; rows: boolean; rowIds: boolean }): Promise<Measurement> => {
    if (request.gc && gc) {
      gc();
      await new Promise((r) => setImmediate(r));
      gc();
    }
    const mem = process.memoryUsage();
    const cpu = process.cpuUsage();
    const docs: Measurement['docs'] = {};
    for (const t of running.targets) {
      const rows = request.rows && running.database ? await countUpdates(running.database.db, { doc: t.docName }) : null;
      docs[t.docName] = { ...running.docCounters(t.docName), rows };
    }
    let maxRowId: number | null = null;
    if (request.rowIds && running.database) {
      const [row] = await running.database.db.select({ id: max(yjsUpdates.id) }).from(yjsUpdates);
      maxRowId = Number(row?.id ?? 0);
    }
    const result: Measurement = {
      rss: mem.rss,
      heapUsed: mem.heapUsed,
      external: mem.external,
      arrayBuffers: mem.arrayBuffers,
      ...running.stats(),
      cpuUserUs: cpu.user,
      cpuSystemUs: cpu.system,
      loop: loop.take(),
      docs,
      maxRowId,
      errors: errors.splice(0),
    };
    return result;
  };

  let stopping = false;
  const stop = async (id: number | null) => {
    if (stopping) return;
    stopping = true;
    loop.stop();
    try {
      await running.close();
    } finally {
      if (id !== null) send({ type: 'reply', id, data: null });
      // Let the reply leave before the channel closes.
      setTimeout(() => process.exit(0), 20);
    }
  };
  process.on('message', (raw) => {
    const message = raw as ParentMessage;
    if (message.type === 'measure') {
      measure(message).then(
        (data) => send({ type: 'reply', id: message.id, data }),
        (err: unknown) => {
          console.error('[bench server] measure failed', err);
          send({ type: 'reply', id: message.id, data: null });
        },
      );
    } else if (message.type === 'stop') void stop(message.id);
  });
  // The parent died or gave up: do not linger (and drop the throw-away PostgreSQL database).
  process.on('disconnect', () => void stop(null));

  send({
    type: 'ready',
    url: running.url,
    origin: ORIGIN,
    targets: running.targets,
    database: running.database?.kind ?? null,
    setupMs: performance.now() - started,
  });
}

main().catch((err: unknown) => {
  console.error('[bench server] failed to start', err);
  process.exit(1);
});
