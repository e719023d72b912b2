/**
 * Dashboard benchmark (QUALITY.md "Dashboard: a regisseur with 60 plans, and region aggregates over 10,000
 * generated plans, with query times"): generates a region of 10,000 plans (bench/region-data.ts) in a fresh
 * database — PGlite in memory, or a throw-away PostgreSQL database when DATABASE_URL is set — then times, on the
 * server's side (in this process, no HTTP):
 *
 * - the Overzicht of a regisseur with 60 plans: `overzichtRows` (server/dashboard/overzicht.ts: every SQL query
 *   of db/queries/dashboard.ts plus the signal rules), and its SQL alone (`loadDashboardFacts`); target p95 ≤ 100 ms;
 * - each region aggregate of db/queries/region.ts over the 10,000 plans, and the whole region view
 *   (`viewRegion`: every aggregate, the suppression and its audit event); target p95 ≤ 300 ms each.
 *
 * Each query runs `warmup` times untimed, then `repeats` times one after the other. With EXPLAIN it lists the
 * indexes each region query's plan uses.
 *
 *   npx tsx bench/dashboard.ts               run alone (or: npm run bench -- --only dashboard)
 *   BENCH_DASHBOARD_PLANS=10000 BENCH_DASHBOARD_REPEATS=40
 */
import { register } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { domainChangeSql, flowSql, listMunicipalities, planStateSql } from '../db/queries/region';
import { monthsBegun, parsePeriod, periodContaining, periodCutoff } from '../lib/region-periods';
import { openTestDatabase } from '../test/db';
import { testContext } from '../test/context';
import { generateRegion, type GeneratedRegion } from './region-data';
import { envInt, markdownTable, ms, summarize, textTable, type Summary } from './stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const OVERZICHT_TARGET_MS = 100;
export const REGION_TARGET_MS = 300;

export interface DashboardBenchOptions {
  plans: number;
  regisseurPlans: number;
  repeats: number;
  warmup: number;
}

export interface QueryTiming {
  name: string;
  what: string;
  target: number;
  summary: Summary;
  /** Rows the query returned (the last run), or the overzicht's plans. */
  rows: number;
  /** Indexes its plan uses (EXPLAIN), for the region queries. */
  indexes: string[] | null;
}

export interface DashboardBenchResult {
  database: string;
  options: DashboardBenchOptions;
  generated: Pick<GeneratedRegion, 'rows' | 'insertMs' | 'plans'>;
  timings: QueryTiming[];
  /** Null when server/dashboard/overzicht.ts is not there to call. */
  overzichtMissing: string | null;
}

export function dashboardOptionsFromEnv(overrides: Partial<DashboardBenchOptions> = {}): DashboardBenchOptions {
  return {
    plans: envInt('BENCH_DASHBOARD_PLANS', 10_000),
    regisseurPlans: envInt('BENCH_DASHBOARD_REGISSEUR_PLANS', 60),
    repeats: envInt('BENCH_DASHBOARD_REPEATS', 40),
    warmup: envInt('BENCH_DASHBOARD_WARMUP', 3),
    ...overrides,
  };
}

/** `server-only` throws outside Next's server bundle; here (Node, like the tests) it is the empty module. */
let hooked = false;
function allowServerOnly(): void {
  if (hooked) return;
  hooked = true;
  const empty = pathToFileURL(path.join(ROOT, 'node_modules/server-only/empty.js')).href;
  const hook = `export async function resolve(s, c, next) { return s === 'server-only' ? { url: ${JSON.stringify(empty)}, shortCircuit: true } : next(s, c); }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}

async function time(options: DashboardBenchOptions, run: () => Promise<number>): Promise<{ summary: Summary; rows: number }> {
  let rows = 0;
  for (let i = 0; i < options.warmup; i++) rows = await run();
  const times: number[] = [];
  for (let i = 0; i < options.repeats; i++) {
    const t0 = performance.now();
    rows = await run();
    times.push(performance.now() - t0);
  }
  return { summary: summarize(times), rows };
}

/** The names of the indexes in a query's plan (EXPLAIN, JSON). */
async function indexesOf(db: Db, query: SQL): Promise<string[]> {
  const result = (await db.execute(sql`explain (format json) ${query}`)) as { rows?: Record<string, unknown>[] };
  const found = new Set<string>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (typeof n['Index Name'] === 'string') found.add(n['Index Name']);
    for (const v of Object.values(n)) {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') walk(v);
    }
  };
  for (const row of result.rows ?? []) {
    const plan = row['QUERY PLAN'];
    walk(typeof plan === 'string' ? JSON.parse(plan) : plan);
  }
  return [...found].sort();
}

export async function runDashboardBench(options: DashboardBenchOptions, log: (line: string) => void = console.log): Promise<DashboardBenchResult> {
  const database = await openTestDatabase();
  try {
    const db = database.db;
    const now = new Date();
    log(`dashboard: generating ${options.plans} plans in one region (${database.kind})…`);
    const region = await generateRegion(db, { plans: options.plans, regisseurPlans: options.regisseurPlans, seed: 8, now }, log);
    log(`dashboard: generated ${Object.values(region.rows).reduce((a, b) => a + b, 0)} rows in ${ms(region.insertMs)}.`);
    const ctx = testContext(db, { now: () => now }).ctx;
    const timings: QueryTiming[] = [];

    let overzichtMissing: string | null = null;
    try {
      allowServerOnly();
      const { overzichtRows } = await import('../server/dashboard/overzicht');
      const { loadDashboardFacts } = await import('../db/queries/dashboard');
      log('dashboard: timing the overzicht of the regisseur…');
      const rows = await time(options, async () => (await overzichtRows(ctx, { userId: region.regisseurId, locale: 'nl' })).rows.length);
      timings.push({
        name: 'overzicht',
        what: `overzichtRows: the regisseur's ${rows.rows} plans, SQL and signal rules`,
        target: OVERZICHT_TARGET_MS,
        ...rows,
        indexes: null,
      });
      const facts = await time(options, async () => (await loadDashboardFacts(db, { userId: region.regisseurId })).plans.length);
      timings.push({ name: 'overzicht SQL', what: 'loadDashboardFacts: the SQL queries alone', target: OVERZICHT_TARGET_MS, ...facts, indexes: null });
    } catch (err) {
      overzichtMissing = err instanceof Error ? err.message : String(err);
      log(`dashboard: the overzicht could not be timed: ${overzichtMissing}`);
    }

    const regionId = region.regionId;
    const quarter = periodContaining(now, 'kwartaal');
    const previous = parsePeriod(quarter.quarter === 1 ? `${quarter.year - 1}-Q4` : `${quarter.year}-Q${quarter.quarter - 1}`);
    const boundaries = [...monthsBegun(quarter, now).map((m) => m.start), periodCutoff(quarter, now)];
    const queries: { name: string; what: string; query: SQL }[] = [
      { name: 'plans by status, regie, professionals, goals', what: 'planStateGroups at now', query: planStateSql({ regionId, at: now }) },
      {
        name: 'the same at the end of last quarter',
        what: 'planStateGroups at a past moment (status history)',
        query: planStateSql({ regionId, at: previous.end }),
      },
      { name: 'first → latest rating per domain', what: 'domainChangeGroups', query: domainChangeSql({ regionId, at: now }) },
      {
        name: 'waakvlam in/out, broken agreements',
        what: 'flowGroups over the quarter and its months',
        query: flowSql({ regionId, boundaries }) ?? sql`select 1`,
      },
    ];
    for (const q of queries) {
      log(`dashboard: timing ${q.name}…`);
      const t = await time(options, async () => ((await db.execute(q.query)) as { rows?: unknown[] }).rows?.length ?? 0);
      timings.push({ name: q.name, what: q.what, target: REGION_TARGET_MS, ...t, indexes: await indexesOf(db, q.query) });
    }
    const municipalities = await time(options, async () => (await listMunicipalities(db, { regionId })).length);
    timings.push({ name: 'municipalities', what: 'listMunicipalities', target: REGION_TARGET_MS, ...municipalities, indexes: null });
    log('dashboard: timing the whole region view…');
    const { viewRegion } = await import('../server/region/report');
    const via = { accessPoint: '127.0.0.1', client: 'bench' };
    const whole = await time(options, async () => {
      const report = await viewRegion(ctx, { userId: region.gemeenteUserId, via, query: {}, purpose: 'view' });
      return report.status.total === '< 5' ? 0 : report.status.total;
    });
    timings.push({
      name: 'whole region view',
      what: 'viewRegion: every aggregate, suppression, audit event',
      target: REGION_TARGET_MS,
      ...whole,
      indexes: null,
    });
    return { database: database.kind, options, generated: { rows: region.rows, insertMs: region.insertMs, plans: region.plans }, timings, overzichtMissing };
  } finally {
    await database.close();
  }
}

const verdict = (t: QueryTiming) => (t.summary.p95 <= t.target ? 'met' : '**missed**');

export function formatDashboard(r: DashboardBenchResult): string {
  const rows = Object.values(r.generated.rows).reduce((a, b) => a + b, 0);
  return [
    `Dashboard: ${r.generated.plans} plans, ${rows} rows generated in ${ms(r.generated.insertMs)} (database ${r.database}); ${r.options.repeats} runs each after ${r.options.warmup} untimed`,
    textTable(
      ['query', 'p50', 'p95', 'max', 'target p95', 'rows', 'indexes'],
      r.timings.map((t) => [
        t.name,
        ms(t.summary.p50),
        ms(t.summary.p95),
        ms(t.summary.max),
        `≤ ${t.target} ms ${t.summary.p95 <= t.target ? 'met' : 'MISSED'}`,
        String(t.rows),
        t.indexes?.join(', ') ?? '',
      ]),
    ),
    ...(r.overzichtMissing ? [`The overzicht was not timed: ${r.overzichtMissing}`] : []),
  ].join('\n');
}

function databaseName(kind: string): string {
  return kind === 'postgres' ? 'PostgreSQL (DATABASE_URL), a throw-away database' : 'PGlite in memory, in this process (the embedded default)';
}

/** The page's block for one database: what was generated, each query's times against its target, and a reading. */
export function dashboardMarkdown(r: DashboardBenchResult, at: Date, command: string, note: string | null): string[] {
  const rows = Object.entries(r.generated.rows).sort((a, b) => b[1] - a[1]);
  const missed = r.timings.filter((t) => t.summary.p95 > t.target);
  return [
    `### ${r.database === 'postgres' ? 'PostgreSQL' : 'PGlite'}`,
    '',
    `\`${command}\` — ${at.toISOString().replace('T', ' ').slice(0, 16)} UTC, database: ${databaseName(r.database)}.` + (note ? ` ${note}` : ''),
    '',
    `Generated: ${r.generated.plans.toLocaleString('en')} plans, ${rows.reduce((n, [, v]) => n + v, 0).toLocaleString('en')} rows in ${ms(r.generated.insertMs)} ` +
      `(${rows.map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}). ${r.options.repeats} timed runs per query after ${r.options.warmup} untimed.`,
    '',
    markdownTable(
      ['query', 'what is timed', 'p50', 'p95', 'max', 'target (p95)', 'indexes in its plan'],
      r.timings.map((t) => [
        t.name,
        t.what,
        ms(t.summary.p50),
        `**${ms(t.summary.p95)}**`,
        ms(t.summary.max),
        `≤ ${t.target} ms: ${verdict(t)}`,
        t.indexes ? t.indexes.join(', ') || 'none (sequential scans)' : '–',
      ]),
    ),
    '',
    ...(r.overzichtMissing ? [`The overzicht could not be timed in this run: ${r.overzichtMissing}`, ''] : []),
    missed.length === 0
      ? 'Every query met its target in this run.'
      : `Missed in this run: ${missed.map((t) => `${t.name} (p95 ${ms(t.summary.p95)} against ${t.target} ms)`).join('; ')}.`,
    '',
    ...regionReading(r),
  ];
}

/** Why the region queries cost what they cost, from this run's numbers; and what would make them cheaper. */
function regionReading(r: DashboardBenchResult): string[] {
  const get = (name: string) => r.timings.find((t) => t.name === name);
  const domain = get('first → latest rating per domain');
  const state = get('plans by status, regie, professionals, goals');
  const whole = get('whole region view');
  const ratingRows = r.generated.rows.ratings ?? 0;
  if (!domain || !state || !whole) return [];
  return [
    `Reading: every region aggregate is one statement over the whole region, grouped in SQL (no query per plan). ` +
      `The plan states (${ms(state.summary.p50)} p50) join five tables of ${r.generated.plans.toLocaleString('en')} to 40,000 rows each with ` +
      `hash joins; the first and latest rating per domain (${ms(domain.summary.p50)} p50) reads every zelfredzaamheid rating of the ` +
      `region (${ratingRows.toLocaleString('en')} ratings of all kinds here) in the order of \`ratings_kind_domain_idx\`, so nothing is sorted, ` +
      `but each rating is still visited. The whole view (${ms(whole.summary.p50)} p50) runs the aggregates one after the other ` +
      `(${r.database === 'pglite' ? 'PGlite has one connection' : 'they share one request'}) plus the suppression and its audit event. ` +
      `Not made in this change, in order of effect: a read model of the first and latest rating per plan, domain and perspective, ` +
      `kept when a rating is written (the domain query would read one row per plan and domain instead of every rating); and a cache ` +
      `per ended period (its figures no longer change, except the goals, which are the read model's present state, and a household that moves).`,
    '',
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runDashboardBench(dashboardOptionsFromEnv())
    .then((result) => {
      console.log(`\n${formatDashboard(result)}`);
      process.exit(0);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
