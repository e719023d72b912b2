/**
 * Realtime benchmark: many y-websocket clients editing against (a) our realtime server — auth at the upgrade,
 * membership and policy from the database, presence rewriting, storage with batching and compaction, audit,
 * the read-model projector — on a test database (PGlite in memory, or PostgreSQL when DATABASE_URL is set), and
 * (b) a bare in-memory relay speaking the same protocol (bare-relay.ts). Same clients, same workload, same run.
 *
 * Reports propagation latency (local edit → every other client on the doc has it) p50/p95/p99, sustained edits
 * per second delivered, connect time (socket created → first sync) p50/p99, and server memory per connection.
 * The servers run in a child process each (server-process.ts explains why), and in each round the bare relay and
 * our server run side by side, each with its own fleet of clients, so whatever else a shared machine does at that
 * moment hits both alike. A last diagnostic round pairs the bare relay with our server with its database
 * writes deferred past the window, to show how much of the difference is storage.
 *
 *   npx tsx bench/realtime.ts                     run alone
 *   BENCH_CLIENTS=50 BENCH_DOCS=10 BENCH_RATE=5 BENCH_SECONDS=20 BENCH_ROUNDS=3 BENCH_AWARENESS=1 BENCH_DIAGNOSE=1
 *   BENCH_FLUSH_MS / BENCH_COMPACT_AFTER: our server's flush delay and compaction bound (experiments only)
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ClientFleet, type ConnectSample, type RunResult } from './clients';
import { startServerProcess, type ChildConfig, type Measurement, type ServerKind, type ServerProcess } from './server-process';
import { envInt, kib, ms, num, ratio, sleep, summarize, textTable, type Summary } from './stats';

export interface RealtimeBenchOptions {
  clients: number;
  docs: number;
  /** Edits per second per client. */
  rate: number;
  seconds: number;
  rounds: number;
  /** Clients move their caret in awareness after each edit (as the editor does). */
  awareness: boolean;
  /** Run the diagnostic round (bare beside our server with its writes deferred) after the rounds. */
  diagnose: boolean;
  /** Experiments only: our server's limits for the 'ours' scenarios (unset: the server's defaults). */
  limits?: ChildConfig['limits'];
}

/** Deferred: a flush delay far beyond the run, so nothing is written while clients edit (all is written on close). */
const DEFERRED_FLUSH_MS = 10 * 60 * 1000;

export type ScenarioLabel = 'bare' | 'ours' | 'ours, writes deferred';

export interface ScenarioResult {
  label: ScenarioLabel;
  kind: ServerKind;
  round: number;
  /** The diagnostic round (not part of the verdict). */
  diagnostic: boolean;
  seconds: number;
  database: string | null;
  /** 1-minute load average of the machine when the scenario started and ended (others' work shows here). */
  load: [number, number];
  /**
   * CPU the rest of the machine used while the round's clients edited, in cores: all cores' busy time minus this
   * bench's processes (clients and servers). Above a few tenths, someone else competed for the CPU.
   */
  othersCores: number;
  latency: Summary;
  /** Raw latencies, kept for pooling across rounds. */
  latencies: number[];
  connect: Summary;
  connectCold: Summary;
  connectWarm: Summary;
  run: Omit<RunResult, 'latencies'>;
  memory: {
    connections: number;
    /** (after connecting − before) / connections, after a full GC in the server process. */
    heapPerConnection: number;
    rssPerConnection: number;
    /** The same after the editing run (the docs now hold text and history). */
    heapPerConnectionAfterRun: number;
    rssPerConnectionAfterRun: number;
    rssBefore: number;
  };
  server: {
    /** CPU time of the server process during the measured window, as a share of one core. */
    cpuShare: number;
    /** Server CPU per client update received, ms. */
    cpuPerEditMs: number;
    loop: Measurement['loop'];
    /** Client updates the server applied per second (all docs), and DB writes per second (all docs). */
    updatesInPerSec: number;
    writesPerSec: number;
    /** Rows inserted into the update log per second per doc (snapshots included); null for the bare relay. */
    rowsPerDocPerSec: number | null;
    errors: string[];
  };
}

export interface RealtimeBenchResult {
  options: RealtimeBenchOptions;
  scenarios: ScenarioResult[];
  /** p99 over all rounds pooled: ours / bare. */
  p99Ratio: number;
  /** The same per round. */
  p99RatioPerRound: number[];
  pooled: { ours: Summary; bare: Summary };
  database: string | null;
}

export const P99_TARGET = 1.25;

/** Other work above this (cores, averaged over a round) makes a tail comparison unreliable. */
export const BUSY_CORES = 0.3;

/** The highest CPU use by others during a verdict round, in cores. */
export function othersPeak(result: RealtimeBenchResult): number {
  return Math.max(0, ...result.scenarios.filter((s) => !s.diagnostic).map((s) => s.othersCores));
}

export function realtimeOptionsFromEnv(overrides: Partial<RealtimeBenchOptions> = {}): RealtimeBenchOptions {
  const limits: NonNullable<ChildConfig['limits']> = {};
  if (process.env.BENCH_FLUSH_MS) limits.flushDelayMs = envInt('BENCH_FLUSH_MS', 100);
  if (process.env.BENCH_COMPACT_AFTER) limits.compactAfterRows = envInt('BENCH_COMPACT_AFTER', 500);
  return {
    clients: envInt('BENCH_CLIENTS', 50),
    docs: envInt('BENCH_DOCS', 10),
    rate: envInt('BENCH_RATE', 5),
    seconds: envInt('BENCH_SECONDS', 20),
    rounds: envInt('BENCH_ROUNDS', 3),
    awareness: process.env.BENCH_AWARENESS !== '0',
    diagnose: process.env.BENCH_DIAGNOSE !== '0',
    ...(Object.keys(limits).length > 0 ? { limits } : {}),
    ...overrides,
  };
}

/** Busy time of all cores so far (user, nice, system, irq), ms. */
function machineBusyMs(): number {
  return os.cpus().reduce((n, c) => n + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0);
}

/** Splits `clients` over `docs` as evenly as possible. */
function groupsOf(clients: number, docs: number): number[] {
  return Array.from({ length: docs }, (_, i) => Math.floor(clients / docs) + (i < clients % docs ? 1 : 0)).filter((n) => n > 0);
}

function sumDocs(m: Measurement, key: 'writes' | 'updatesIn'): number {
  return Object.values(m.docs).reduce((n, d) => n + d[key], 0);
}

interface Running {
  label: ScenarioLabel;
  server: ServerProcess;
  fleet: ClientFleet;
  loadAtStart: number;
  before?: Measurement;
  connected?: Measurement;
  samples?: ConnectSample[];
  windowStart?: Promise<Measurement>;
  windowEnd?: Promise<Measurement>;
}

/**
 * One round: a server per label, started together; their clients connect one server after the other (so connect
 * times are not queued behind each other), then every fleet edits at the same time for `seconds`. Running the
 * bare relay and our server side by side means whatever else the machine does at that moment hits both.
 */
export async function runRound(
  labels: ScenarioLabel[],
  round: number,
  seconds: number,
  diagnostic: boolean,
  options: RealtimeBenchOptions,
  log: (line: string) => void,
): Promise<ScenarioResult[]> {
  const loadAtStart = os.loadavg()[0] ?? Number.NaN;
  const groups = groupsOf(options.clients, options.docs);
  const started = await Promise.allSettled(
    labels.map((label) =>
      startServerProcess({
        kind: label === 'bare' ? 'bare' : 'ours',
        groups,
        limits: label === 'ours, writes deferred' ? { ...options.limits, flushDelayMs: DEFERRED_FLUSH_MS } : options.limits,
      }),
    ),
  );
  const servers = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all(servers.map((srv) => srv.stop()));
    throw failed.reason;
  }
  const running: Running[] = labels.map((label, i) => {
    const server = servers[i];
    if (!server) throw new Error('server missing');
    const fleet = new ClientFleet({ url: server.ready.url, origin: server.ready.origin, targets: server.ready.targets, awareness: options.awareness });
    return { label, server, fleet, loadAtStart };
  });
  try {
    for (const r of running) r.before = await r.server.measure({ gc: true });
    for (const r of running) {
      log(`  [${r.label}] server ready in ${ms(r.server.ready.setupMs)}; connecting ${options.clients} clients to ${r.server.ready.targets.length} docs…`);
      r.samples = await r.fleet.connectAll();
    }
    await sleep(300);
    for (const r of running) r.connected = await r.server.measure({ gc: true });

    log(`  editing for ${seconds} s at ${options.rate} edits/s per client, ${labels.join(' and ')} side by side…`);
    const busyBefore = machineBusyMs();
    const childCpuBefore = await Promise.all(running.map((r) => r.server.measure()));
    const t0 = performance.now();
    const runs = await Promise.all(
      running.map((r) =>
        r.fleet.run({
          ratePerClient: options.rate,
          seconds,
          warmupSeconds: Math.min(2, seconds / 5),
          drainSeconds: 5,
          onWindowStart: () => (r.windowStart = r.server.measure({ rowIds: true })),
          onWindowEnd: () => (r.windowEnd = r.server.measure({ rowIds: true })),
        }),
      ),
    );
    const childCpuAfter = await Promise.all(running.map((r) => r.server.measure()));
    const elapsed = performance.now() - t0;
    const busy = machineBusyMs() - busyBefore;
    const childCpu = childCpuAfter.reduce((n, m, i) => {
      const b0 = childCpuBefore[i];
      return n + (b0 ? (m.cpuUserUs + m.cpuSystemUs - b0.cpuUserUs - b0.cpuSystemUs) / 1000 : 0);
    }, 0);
    const clientCpu = (runs[0]?.clientCpuShare ?? 0) * elapsed;
    const othersCores = Math.max(0, (busy - childCpu - clientCpu) / elapsed);
    const results: ScenarioResult[] = [];
    for (const [i, r] of running.entries()) {
      const run = runs[i];
      const { before, connected, samples } = r;
      if (!run || !before || !connected || !samples) throw new Error('round incomplete');
      const [a, b] = await Promise.all([r.windowStart ?? r.server.measure({ rowIds: true }), r.windowEnd ?? r.server.measure({ rowIds: true })]);
      const after = await r.server.measure({ gc: true });
      const n = r.fleet.size;
      const cpuMs = (b.cpuUserUs + b.cpuSystemUs - a.cpuUserUs - a.cpuSystemUs) / 1000;
      const updatesIn = sumDocs(b, 'updatesIn') - sumDocs(a, 'updatesIn');
      const { latencies, ...rest } = run;
      results.push({
        label: r.label,
        kind: r.label === 'bare' ? 'bare' : 'ours',
        round,
        diagnostic,
        seconds,
        database: r.server.ready.database,
        load: [r.loadAtStart, os.loadavg()[0] ?? Number.NaN],
        othersCores,
        latency: summarize(latencies),
        latencies,
        connect: summarize(samples.map((x) => x.ms)),
        connectCold: summarize(samples.filter((x) => x.cold).map((x) => x.ms)),
        connectWarm: summarize(samples.filter((x) => !x.cold).map((x) => x.ms)),
        run: rest,
        memory: {
          connections: n,
          heapPerConnection: (connected.heapUsed - before.heapUsed) / n,
          rssPerConnection: (connected.rss - before.rss) / n,
          heapPerConnectionAfterRun: (after.heapUsed - before.heapUsed) / n,
          rssPerConnectionAfterRun: (after.rss - before.rss) / n,
          rssBefore: before.rss,
        },
        server: {
          cpuShare: cpuMs / (run.windowSeconds * 1000),
          cpuPerEditMs: updatesIn > 0 ? cpuMs / updatesIn : Number.NaN,
          loop: b.loop,
          updatesInPerSec: updatesIn / run.windowSeconds,
          writesPerSec: (sumDocs(b, 'writes') - sumDocs(a, 'writes')) / run.windowSeconds,
          rowsPerDocPerSec: a.maxRowId === null || b.maxRowId === null ? null : (b.maxRowId - a.maxRowId) / run.windowSeconds / r.server.ready.targets.length,
          errors: [...before.errors, ...connected.errors, ...a.errors, ...b.errors, ...after.errors],
        },
      });
    }
    return results;
  } finally {
    for (const r of running) r.fleet.destroy();
    await Promise.all(running.map((r) => r.server.stop()));
  }
}

/** Runs bare and ours side by side, `rounds` times; then the diagnostic round (bare beside ours with writes deferred). */
export async function runRealtimeBench(options: RealtimeBenchOptions, log: (line: string) => void = console.log): Promise<RealtimeBenchResult> {
  const scenarios: ScenarioResult[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    log(`realtime round ${round}/${options.rounds}: bare relay and our server`);
    scenarios.push(...(await runRound(['bare', 'ours'], round, options.seconds, false, options, log)));
  }
  if (options.diagnose) {
    log('realtime diagnostic round: bare relay and our server with its database writes deferred');
    scenarios.push(...(await runRound(['bare', 'ours, writes deferred'], options.rounds + 1, options.seconds, true, options, log)));
  }
  const main = scenarios.filter((s) => !s.diagnostic);
  const pool = (label: ScenarioLabel) => summarize(main.filter((s) => s.label === label).flatMap((s) => s.latencies));
  const pooled = { ours: pool('ours'), bare: pool('bare') };
  const p99RatioPerRound = Array.from({ length: options.rounds }, (_, i) => {
    const o = main.find((s) => s.round === i + 1 && s.label === 'ours');
    const b = main.find((s) => s.round === i + 1 && s.label === 'bare');
    return o && b ? o.latency.p99 / b.latency.p99 : Number.NaN;
  });
  return {
    options,
    scenarios,
    p99Ratio: pooled.ours.p99 / pooled.bare.p99,
    p99RatioPerRound,
    pooled,
    database: scenarios.find((s) => s.kind === 'ours')?.database ?? null,
  };
}

export function describeRealtimeOptions(o: RealtimeBenchOptions): string {
  const limits = o.limits ? `; our server's limits changed: ${JSON.stringify(o.limits)}` : '';
  return (
    `${o.clients} clients over ${o.docs} docs, ${o.rate} edits/s each, ${o.seconds} s per scenario ` +
    `(first ${num(Math.min(2, o.seconds / 5), 0)} s not counted), ${o.rounds} round(s), awareness ${o.awareness ? 'on' : 'off'}${limits}`
  );
}

/** The terminal table of a realtime result. */
export function formatRealtime(result: RealtimeBenchResult): string {
  const header = [
    'server',
    'round',
    'p50',
    'p95',
    'p99',
    'max',
    'offered/s',
    'delivered/s',
    'connect p50',
    'p99',
    'heap/conn',
    'RSS/conn',
    'server CPU',
    'loop p99',
    'client CPU',
    'others',
  ];
  const rows = result.scenarios.map((s) => [
    s.label,
    s.diagnostic ? 'diag' : String(s.round),
    ms(s.latency.p50),
    ms(s.latency.p95),
    ms(s.latency.p99),
    ms(s.latency.max),
    num(s.run.offeredPerSec),
    num(s.run.deliveredPerSec),
    ms(s.connect.p50),
    ms(s.connect.p99),
    kib(s.memory.heapPerConnection),
    kib(s.memory.rssPerConnection),
    `${num(s.server.cpuShare * 100, 0)}%`,
    ms(s.server.loop.p99),
    `${num(s.run.clientCpuShare * 100, 0)}%`,
    `${num(s.othersCores, 2)} cores`,
  ]);
  const busy = othersPeak(result) > BUSY_CORES;
  const verdict = (result.p99Ratio <= P99_TARGET ? 'meets' : 'MISSES') + (busy ? ' (unreliable: other work used the CPU, see "others")' : '');
  const problems = result.scenarios.flatMap((s) => [
    ...(s.run.converged ? [] : [`${s.label} round ${s.round}: clients did NOT converge`]),
    ...(s.run.undelivered > 0 ? [`${s.label} round ${s.round}: ${s.run.undelivered} edits never reached everyone`] : []),
    ...(s.run.disconnects > 0 ? [`${s.label} round ${s.round}: ${s.run.disconnects} disconnects`] : []),
    ...s.server.errors.slice(0, 3).map((e) => `${s.label} round ${s.round}: server logged: ${e}`),
  ]);
  return [
    `Realtime: ${describeRealtimeOptions(result.options)}; database ${result.database ?? '–'}`,
    `Latency = local edit until every other client on the doc has it. Connect = socket created until first sync.`,
    textTable(header, rows),
    `p99 ours/bare (pooled over rounds): ${result.p99Ratio.toFixed(3)}× — ${verdict} the ${P99_TARGET}× target` +
      (result.options.rounds > 1 ? ` (per round: ${result.p99RatioPerRound.map(ratio).join(', ')})` : ''),
    ...problems,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runRealtimeBench(realtimeOptionsFromEnv())
    .then((result) => {
      console.log(`\n${formatRealtime(result)}`);
      process.exit(0);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
