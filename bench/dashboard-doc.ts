/**
 * The dashboard part of docs/performance.md: one block per database (PGlite, PostgreSQL), each replaced only by a
 * run on that database, so `npm run bench -- --only dashboard` with and without DATABASE_URL fills both without
 * touching the realtime and storage figures; and the summary line and the "How to run" block that mention it.
 */
import { dashboardMarkdown, OVERZICHT_TARGET_MS, REGION_TARGET_MS, type DashboardBenchResult } from './dashboard';
import { ms } from './stats';

export const DASHBOARD_HEADING = '## Dashboard and region';
const FIGURES = '<!-- dashboard-figures ';
const block = (db: string) => ({ start: `<!-- dashboard:${db} -->`, end: `<!-- /dashboard:${db} -->` });
const DATABASES = ['pglite', 'postgres'] as const;

interface Figures {
  database: string;
  date: string;
  overzicht: number | null;
  regionWorst: number;
  regionWorstName: string;
  busy: boolean;
}

export interface FreshDashboard {
  result: DashboardBenchResult;
  at: Date;
  command: string;
  /** Said under the block, e.g. that the machine was busy. */
  note: string | null;
}

export const HOW_TO_RUN: string[] = [
  '```',
  'npm run bench                     # the full run (realtime, storage, dashboard), writes this page',
  'BENCH_QUICK=1 npm run bench       # a short smoke run; prints only (BENCH_WRITE_DOC=1 to write this page)',
  'DATABASE_URL=postgres://… npm run bench   # the same against PostgreSQL (a throw-away database per server)',
  'npm run bench -- --only dashboard # one part (realtime, storage or dashboard; comma-separated for several)',
  'npx tsx bench/realtime.ts         # one part alone, printing only; likewise bench/storage.ts, bench/dashboard.ts',
  '```',
  '',
  'Knobs: `BENCH_CLIENTS` (50), `BENCH_DOCS` (10), `BENCH_RATE` (edits/s per client, 5), `BENCH_SECONDS` (20), `BENCH_ROUNDS` (3),',
  '`BENCH_AWARENESS` (1), `BENCH_DIAGNOSE` (1), `BENCH_STORAGE_ROWS` (10000), `BENCH_STORAGE_SECONDS` (10), `BENCH_STORAGE_CLIENTS`',
  '(1,10), `BENCH_DASHBOARD_PLANS` (10000), `BENCH_DASHBOARD_REGISSEUR_PLANS` (60), `BENCH_DASHBOARD_REPEATS` (40); for experiments',
  "only, `BENCH_FLUSH_MS` and `BENCH_COMPACT_AFTER` change our server's limits in the realtime scenarios,",
  'and `BENCH_CPU_PROF_DIR=<dir>` writes a CPU profile of every server process (open it in Chrome DevTools).',
  'Everything runs on 127.0.0.1, each part stops by itself, and the server child processes exit when the bench does.',
  '',
];

function figuresOf(f: FreshDashboard): Figures {
  const region = f.result.timings.filter((t) => t.target === REGION_TARGET_MS && t.name !== 'whole region view');
  const worst = [...region].sort((a, b) => b.summary.p95 - a.summary.p95)[0];
  return {
    database: f.result.database,
    date: f.at.toISOString().replace('T', ' ').slice(0, 16),
    overzicht: f.result.timings.find((t) => t.name === 'overzicht')?.summary.p95 ?? null,
    regionWorst: worst?.summary.p95 ?? Number.NaN,
    regionWorstName: worst?.name ?? '–',
    busy: f.note !== null,
  };
}

function blockLines(f: FreshDashboard): string[] {
  const b = block(f.result.database);
  return [b.start, ...dashboardMarkdown(f.result, f.at, f.command, f.note), `${FIGURES}${JSON.stringify(figuresOf(f))} -->`, b.end];
}

/** The block of one database as it stands in the page, or null. */
function existingBlock(text: string | null, db: string): string[] | null {
  if (!text) return null;
  const b = block(db);
  const start = text.indexOf(b.start);
  const end = text.indexOf(b.end, start);
  if (start < 0 || end < 0) return null;
  return text.slice(start, end + b.end.length).split('\n');
}

function figuresIn(lines: string[]): Figures | null {
  const line = lines.find((l) => l.startsWith(FIGURES));
  if (!line) return null;
  try {
    return JSON.parse(line.slice(FIGURES.length, line.lastIndexOf(' -->'))) as Figures;
  } catch {
    return null;
  }
}

/** The whole section: the fresh block for this run's database, the other database's block as the page had it. */
export function dashboardSection(existing: string | null, fresh: FreshDashboard | null): { lines: string[]; figures: Figures[] } {
  const lines: string[] = [
    DASHBOARD_HEADING,
    '',
    'QUALITY.md: "a regisseur with 60 plans, and region aggregates over 10,000 generated plans, with query times". bench/dashboard.ts',
    'generates one region of 10,000 plans (`BENCH_DASHBOARD_PLANS`) in a fresh database (bench/region-data.ts: households in eight municipalities, family and',
    'network members, one to five professionals per plan, casusregie with handovers, goals and actions in the read model, safety plans',
    'with broken agreements, evaluations, zelfredzaamheid and progress ratings over time, status changes to waakvlam and back, 10–30',
    "audit events and 3–12 update-log rows per plan); one regisseur is casusregisseur of 60 of them. Then it times, in the server's",
    `own process and without HTTP, the Overzicht of that regisseur (target p95 ≤ ${OVERZICHT_TARGET_MS} ms) and each region aggregate of`,
    `db/queries/region.ts over the 10,000 plans (target p95 ≤ ${REGION_TARGET_MS} ms), and the whole region view (every aggregate, the`,
    "suppression and its audit event) for comparison. The indexes each region query's plan uses come from EXPLAIN on the same data.",
    '',
  ];
  const figures: Figures[] = [];
  for (const db of DATABASES) {
    const own = fresh && fresh.result.database === db ? blockLines(fresh) : existingBlock(existing, db);
    if (own) {
      lines.push(...own, '');
      const f = figuresIn(own);
      if (f) figures.push(f);
    } else {
      lines.push(
        `### ${db === 'postgres' ? 'PostgreSQL' : 'PGlite'}`,
        '',
        `Not measured yet: \`${db === 'postgres' ? 'DATABASE_URL=postgres://… ' : ''}npm run bench -- --only dashboard\`.`,
        '',
      );
    }
  }
  return { lines, figures };
}

/** The summary table's line for the dashboard (and the one for the web, which no benchmark measures yet). */
export function dashboardSummaryRows(figures: Figures[]): string[][] {
  const measured =
    figures.length === 0
      ? 'not measured yet'
      : figures
          .map(
            (f) =>
              `${f.database}: overzicht ${f.overzicht === null ? '–' : ms(f.overzicht)}, slowest region aggregate ${ms(f.regionWorst)} (${f.regionWorstName})`,
          )
          .join('; ');
  const missed = figures.some((f) => (f.overzicht ?? 0) > OVERZICHT_TARGET_MS || f.regionWorst > REGION_TARGET_MS);
  return [
    [
      `dashboard p95: overzicht of 60 plans ≤ ${OVERZICHT_TARGET_MS} ms, each region aggregate over 10,000 plans ≤ ${REGION_TARGET_MS} ms`,
      measured,
      figures.length === 0 ? '—' : missed ? '**missed** in part, see Dashboard and region' : 'met',
    ],
    ['web first-load JS', 'not measured by this benchmark yet', '—'],
  ];
}

const rowLine = (cells: string[]) => `| ${cells.join(' | ')} |`;

/**
 * The page with only the dashboard parts replaced (a `--only dashboard` run): the section (inserted before "How
 * to run" when the page has none yet), the summary line, and the "How to run" block.
 */
export function withDashboard(text: string, fresh: FreshDashboard): string {
  const { lines, figures } = dashboardSection(text, fresh);
  let out = text;
  const start = out.indexOf(DASHBOARD_HEADING);
  const howTo = out.indexOf('## How to run');
  if (start >= 0) {
    const next = out.indexOf('\n## ', start + DASHBOARD_HEADING.length);
    out = `${out.slice(0, start)}${lines.join('\n')}\n${next >= 0 ? out.slice(next + 1) : ''}`;
  } else if (howTo >= 0) {
    out = `${out.slice(0, howTo)}${lines.join('\n')}\n${out.slice(howTo)}`;
  } else {
    out = `${out}\n${lines.join('\n')}\n`;
  }
  // The summary: the old single line for dashboard and web, or the two lines this file writes.
  const summary = dashboardSummaryRows(figures).map(rowLine);
  const linesOut = out.split('\n');
  const at = linesOut.findIndex((l) => l.startsWith('| dashboard queries; web first-load JS') || l.startsWith('| dashboard p95:'));
  if (at >= 0) {
    const web = linesOut[at + 1]?.startsWith('| web first-load JS') ? 2 : 1;
    linesOut.splice(at, web, ...summary);
  }
  out = linesOut.join('\n');
  // How to run: the block as run.ts writes it now.
  const h = out.indexOf('## How to run');
  const recent = out.indexOf('\n## ', h + 1);
  if (h >= 0) out = `${out.slice(0, h)}${['## How to run', '', ...HOW_TO_RUN].join('\n')}${recent >= 0 ? out.slice(recent) : '\n'}`;
  return out;
}
