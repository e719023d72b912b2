/**
 * Storage benchmark.
 *
 * 1. Load of one section doc with 10,000 stored update rows: the rows are made by three people typing into the
 *    doc (one Yjs update per keystroke-sized edit, each row with its author) and inserted directly with
 *    appendUpdates; then loadStoredState into a fresh Y.Doc is timed (split into the query and the merge+apply),
 *    and so is a real first open over WebSocket (upgrade → first sync, the room loading the rows). The same after
 *    compactDoc. Beside it, what single flushes, a load and a compaction at the 500-row bound cost the thread they
 *    run on (with PGlite: the server's own thread).
 * 2. Write batching: N people editing one doc through our realtime server (in its own process) for 10 s; DB
 *    writes per second for that doc (UpdateWriter.writes / seconds) against client updates received per second.
 *
 *   npx tsx bench/storage.ts       run alone
 *   BENCH_STORAGE_ROWS=10000 BENCH_STORAGE_SECONDS=10 BENCH_STORAGE_CLIENTS=1,10 BENCH_RATE=5
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { appendUpdates, loadUpdates } from '../db/queries/yjs';
import { docNameFor } from '../lib/sections';
import { DEFAULT_LIMITS } from '../server/realtime/limits';
import { compactDoc, loadStoredState } from '../server/realtime/persistence';
import { openTestDatabase } from '../test/db';
import { buildPlanWithMembers } from '../test/factories';
import { connectSynced, SECRET, startRealtimeNode, waitFor } from '../test/realtime';
import { ClientFleet } from './clients';
import { startServerProcess } from './server-process';
import { envInt, kib, mib, ms, num, summarize, textTable, type Summary } from './stats';

export interface StorageBenchOptions {
  rows: number;
  /** Timed loads per measurement. */
  repeats: number;
  batchingSeconds: number;
  batchingClients: number[];
  rate: number;
}

export interface LoadMeasurement {
  rows: number;
  bytes: number;
  /** loadStoredState into a fresh Y.Doc, ms. */
  load: Summary;
  /** Its two halves (medians): the SELECT, and Y.mergeUpdates + applyUpdate. */
  queryMs: number;
  applyMs: number;
  /**
   * For comparison, not what the server does: the same rows applied one by one inside one transaction of a
   * fresh Y.Doc (also one 'update' event), instead of Y.mergeUpdates of all rows first.
   */
  transactApplyMs: number;
  /** A y-websocket client opening the doc on a node with no room for it: socket created → first sync, ms. */
  open: Summary;
}

/** One storage operation the realtime server performs on its own thread, timed; with the longest event-loop stall. */
export interface OperationCost {
  operation: string;
  n: number;
  p50: number;
  max: number;
  /** Longest time the event loop could not run anything else while the operation ran (ms). */
  stall: number;
}

export interface StorageLoadResult {
  database: string;
  costs: OperationCost[];
  textLength: number;
  insertMs: number;
  before: LoadMeasurement;
  compactionMs: number;
  after: LoadMeasurement;
}

export interface WriteBatchingResult {
  clients: number;
  seconds: number;
  updatesInPerSec: number;
  writesPerSec: number;
  updatesPerWrite: number;
  /** Rows of the doc at the end (compaction folds them into one snapshot past 500). */
  rowsAtEnd: number | null;
  latencyP99: number;
}

export interface StorageBenchResult {
  options: StorageBenchOptions;
  load: StorageLoadResult;
  batching: WriteBatchingResult[];
  batchingDatabase: string | null;
  flushDelayMs: number;
}

export function storageOptionsFromEnv(overrides: Partial<StorageBenchOptions> = {}): StorageBenchOptions {
  const clients = (process.env.BENCH_STORAGE_CLIENTS ?? '1,10')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  return {
    rows: envInt('BENCH_STORAGE_ROWS', 10_000),
    repeats: envInt('BENCH_STORAGE_REPEATS', 3),
    batchingSeconds: envInt('BENCH_STORAGE_SECONDS', 10),
    batchingClients: clients.length > 0 ? clients : [1, 10],
    rate: envInt('BENCH_RATE', 5),
    ...overrides,
  };
}

/**
 * `count` updates as three people typing make them: a few characters at a time at their own cursor, now and then
 * a backspace or a jump. Returns the updates (author index with each) and the final text.
 */
function typingHistory(count: number): { updates: { update: Uint8Array; author: number }[]; text: string } {
  const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
  const cursors = [0, 0, 0];
  const updates: { update: Uint8Array; author: number }[] = [];
  docs.forEach((doc, author) =>
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') updates.push({ update, author });
    }),
  );
  while (updates.length < count) {
    const author = Math.floor(Math.random() * docs.length);
    const doc = docs[author];
    if (!doc) continue;
    const text = doc.getText('body');
    const made = updates.length;
    let cursor = cursors[author] ?? 0;
    if (cursor > text.length || Math.random() < 0.05) cursor = Math.floor(Math.random() * (text.length + 1));
    if (cursor > 0 && Math.random() < 0.15) {
      text.delete(cursor - 1, 1);
      cursor -= 1;
    } else {
      const chars = 'abcdefghij klmnopqrst uvwxyz '.slice(0, 1 + Math.floor(Math.random() * 4));
      text.insert(cursor, chars);
      cursor += chars.length;
    }
    cursors[author] = cursor;
    // Everyone else receives it at once (the realtime server would relay it).
    for (const { update } of updates.slice(made)) for (const other of docs) if (other !== doc) Y.applyUpdate(other, update, 'remote');
  }
  const text = docs[0]?.getText('body').toString() ?? '';
  for (const d of docs) d.destroy();
  return { updates: updates.slice(0, count), text };
}

/** Runs `op` `n` times; records its time and the longest gap between ticks of a 1 ms timer meanwhile. */
async function cost(operation: string, n: number, op: (i: number) => Promise<unknown>): Promise<OperationCost> {
  const times: number[] = [];
  let stall = 0;
  for (let i = 0; i < n; i++) {
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      stall = Math.max(stall, now - last);
      last = now;
    }, 1);
    const t0 = performance.now();
    await op(i);
    const t1 = performance.now();
    stall = Math.max(stall, t1 - last);
    clearInterval(ticker);
    times.push(t1 - t0);
    await new Promise((r) => setTimeout(r, 2));
  }
  const s = summarize(times);
  return { operation, n, p50: s.p50, max: s.max, stall };
}

/** What one flush and one compaction cost the server's thread (PGlite runs queries on it; PostgreSQL does not). */
async function measureCosts(
  db: Parameters<typeof loadUpdates>[0],
  updates: { update: Uint8Array; author: number }[],
  authors: string[],
): Promise<OperationCost[]> {
  const row = (i: number, doc: string) => {
    const u = updates[i % updates.length];
    return { doc, update: u?.update ?? new Uint8Array(), userId: authors[u?.author ?? 0] ?? null };
  };
  const costs: OperationCost[] = [];
  costs.push(await cost('write a flush of 1 row', 50, (i) => appendUpdates(db, [row(i, 'bench:costs:one')])));
  costs.push(
    await cost('write a flush of 5 rows', 50, (i) =>
      appendUpdates(
        db,
        [0, 1, 2, 3, 4].map((k) => row(i * 5 + k, 'bench:costs:five')),
      ),
    ),
  );
  const bound = DEFAULT_LIMITS.compactAfterRows;
  const docs = [0, 1, 2, 3, 4].map((i) => `bench:costs:compact:${i}`);
  for (const doc of docs)
    await appendUpdates(
      db,
      Array.from({ length: bound }, (_, k) => row(k, doc)),
    );
  costs.push(await cost(`load ${bound} rows (loadStoredState)`, docs.length, (i) => loadStoredState(db, docs[i] ?? '', new Y.Doc())));
  costs.push(await cost(`compact ${bound} rows (compactDoc)`, docs.length, (i) => compactDoc(db, docs[i] ?? '')));
  return costs;
}

async function measureLoad(
  db: Parameters<typeof loadUpdates>[0],
  docName: string,
  expected: string,
  repeats: number,
  openOnce: () => Promise<number>,
): Promise<LoadMeasurement> {
  const loads: number[] = [];
  const queries: number[] = [];
  const applies: number[] = [];
  const transactApplies: number[] = [];
  let rows = 0;
  let bytes = 0;
  for (let i = 0; i < repeats; i++) {
    const doc = new Y.Doc();
    const t0 = performance.now();
    rows = await loadStoredState(db, docName, doc);
    loads.push(performance.now() - t0);
    if (doc.getText('body').toString() !== expected) throw new Error('loaded text differs from the text that was typed');
    doc.destroy();

    // The same two steps separately, to see where the time goes.
    const q0 = performance.now();
    const stored = await loadUpdates(db, { doc: docName });
    const q1 = performance.now();
    const split = new Y.Doc();
    Y.applyUpdate(split, Y.mergeUpdates(stored.map((r) => r.update)), 'storage');
    applies.push(performance.now() - q1);
    queries.push(q1 - q0);
    bytes = stored.reduce((n, r) => n + r.update.byteLength, 0);
    split.destroy();

    const t1 = performance.now();
    const alt = new Y.Doc();
    alt.transact(() => {
      for (const r of stored) Y.applyUpdate(alt, r.update, 'storage');
    }, 'storage');
    transactApplies.push(performance.now() - t1);
    if (alt.getText('body').toString() !== expected) throw new Error('the comparison load differs from the typed text');
    alt.destroy();
  }
  const opens: number[] = [];
  for (let i = 0; i < Math.max(3, Math.ceil(repeats / 2)); i++) opens.push(await openOnce());
  return {
    rows,
    bytes,
    load: summarize(loads),
    queryMs: summarize(queries).p50,
    applyMs: summarize(applies).p50,
    transactApplyMs: summarize(transactApplies).p50,
    open: summarize(opens),
  };
}

export async function runStorageLoad(options: StorageBenchOptions, log: (line: string) => void = console.log): Promise<StorageLoadResult> {
  const database = await openTestDatabase();
  const node = await startRealtimeNode({ db: database.db });
  try {
    const { plan, people } = await buildPlanWithMembers(database.db, SECRET, {
      a: { role: 'ouder', name: 'Schrijver A' },
      b: { role: 'jeugdige', name: 'Schrijver B' },
      c: { role: 'lokaal_team', name: 'Schrijver C' },
    });
    const authors = [people.a.user.id, people.b.user.id, people.c.user.id];
    const docName = docNameFor(plan.id, 'gezin');

    log(`storage: typing ${options.rows} updates and storing them (${database.kind})…`);
    const { updates, text } = typingHistory(options.rows);
    const i0 = performance.now();
    for (let i = 0; i < updates.length; i += 1000) {
      await appendUpdates(
        database.db,
        updates.slice(i, i + 1000).map((u) => ({ doc: docName, update: u.update, userId: authors[u.author] ?? null })),
      );
    }
    const insertMs = performance.now() - i0;
    log('storage: timing single flushes and a compaction at the bound…');
    const costs = await measureCosts(database.db, updates, authors);

    /** One cold open: no room exists, so the node loads every stored row before the first sync. */
    const openOnce = async (): Promise<number> => {
      await waitFor(() => node.rt.stats().rooms === 0, 'room closed', 30_000);
      const t0 = performance.now();
      const client = await connectSynced({ node, docName, cookie: people.a.cookie });
      const elapsed = performance.now() - t0;
      if (client.doc.getText('body').toString() !== text) throw new Error('opened text differs from the text that was typed');
      client.destroy();
      return elapsed;
    };

    log('storage: loading the uncompacted doc…');
    const before = await measureLoad(database.db, docName, text, options.repeats, openOnce);
    await waitFor(() => node.rt.stats().rooms === 0, 'room closed', 30_000);
    const c0 = performance.now();
    await compactDoc(database.db, docName);
    const compactionMs = performance.now() - c0;
    log('storage: loading the compacted doc…');
    const after = await measureLoad(database.db, docName, text, options.repeats, openOnce);
    return { database: database.kind, costs, textLength: text.length, insertMs, before, compactionMs, after };
  } finally {
    await node.stop();
    await database.close();
  }
}

export async function runWriteBatching(
  options: StorageBenchOptions,
  log: (line: string) => void = console.log,
): Promise<{ results: WriteBatchingResult[]; database: string | null }> {
  const server = await startServerProcess({ kind: 'ours', groups: options.batchingClients });
  const results: WriteBatchingResult[] = [];
  try {
    for (const target of server.ready.targets) {
      const n = target.cookies.length;
      log(`storage: write batching, ${n} client(s) editing one doc for ${options.batchingSeconds} s…`);
      const fleet = new ClientFleet({ url: server.ready.url, origin: server.ready.origin, targets: [target], awareness: true });
      try {
        await fleet.connectAll();
        let start: ReturnType<typeof server.measure> | null = null;
        let end: ReturnType<typeof server.measure> | null = null;
        const run = await fleet.run({
          ratePerClient: options.rate,
          seconds: options.batchingSeconds + 1,
          warmupSeconds: 1,
          drainSeconds: 5,
          onWindowStart: () => (start = server.measure()),
          onWindowEnd: () => (end = server.measure({ rows: true })),
        });
        const [a, b] = await Promise.all([start ?? server.measure(), end ?? server.measure({ rows: true })]);
        const atStart = a.docs[target.docName];
        const atEnd = b.docs[target.docName];
        const updates = (atEnd?.updatesIn ?? 0) - (atStart?.updatesIn ?? 0);
        const writes = (atEnd?.writes ?? 0) - (atStart?.writes ?? 0);
        results.push({
          clients: n,
          seconds: run.windowSeconds,
          updatesInPerSec: updates / run.windowSeconds,
          writesPerSec: writes / run.windowSeconds,
          updatesPerWrite: writes > 0 ? updates / writes : Number.NaN,
          rowsAtEnd: atEnd?.rows ?? null,
          latencyP99: summarize(run.latencies).p99,
        });
      } finally {
        fleet.destroy();
      }
    }
  } finally {
    await server.stop();
  }
  return { results, database: server.ready.database };
}

export async function runStorageBench(options: StorageBenchOptions, log: (line: string) => void = console.log): Promise<StorageBenchResult> {
  const load = await runStorageLoad(options, log);
  const batching = await runWriteBatching(options, log);
  return { options, load, batching: batching.results, batchingDatabase: batching.database, flushDelayMs: DEFAULT_LIMITS.flushDelayMs };
}

export function formatStorage(result: StorageBenchResult): string {
  const l = result.load;
  const loadRows = [
    ['as stored', l.before],
    ['after compaction', l.after],
  ] as const;
  const loadTable = textTable(
    ['doc', 'rows', 'bytes', 'load p50', 'load max', 'query', 'merge+apply', 'open over ws p50', 'open max', '(apply in one transaction)'],
    loadRows.map(([label, m]) => [
      label,
      String(m.rows),
      m.bytes > 1024 * 1024 ? mib(m.bytes) : kib(m.bytes),
      ms(m.load.p50),
      ms(m.load.max),
      ms(m.queryMs),
      ms(m.applyMs),
      ms(m.open.p50),
      ms(m.open.max),
      ms(m.transactApplyMs),
    ]),
  );
  const batchTable = textTable(
    ['clients on the doc', 'updates received/s', 'DB writes/s', 'updates per write', 'rows at end', 'latency p99'],
    result.batching.map((b) => [
      String(b.clients),
      num(b.updatesInPerSec),
      num(b.writesPerSec),
      num(b.updatesPerWrite),
      b.rowsAtEnd === null ? '–' : String(b.rowsAtEnd),
      b.clients > 1 ? ms(b.latencyP99) : '–',
    ]),
  );
  const costTable = textTable(
    ['operation', 'n', 'p50', 'max', 'longest event-loop stall'],
    l.costs.map((c) => [c.operation, String(c.n), ms(c.p50), ms(c.max), ms(c.stall)]),
  );
  return [
    `Storage operations on the server's thread (database ${l.database}):`,
    costTable,
    '',
    `Storage load: ${l.before.rows} rows of one doc (${l.textLength} characters of text), database ${l.database}; inserted in ${ms(l.insertMs)}; compaction took ${ms(l.compactionMs)}`,
    loadTable,
    '',
    `Write batching: one doc, ${result.options.rate} edits/s per client, flush delay ${result.flushDelayMs} ms, database ${result.batchingDatabase ?? '–'}`,
    batchTable,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runStorageBench(storageOptionsFromEnv())
    .then((result) => {
      console.log(`\n${formatStorage(result)}`);
      process.exit(0);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
