/**
 * The region's anonymous view (DOMAIN.md "What the regisseur and the region monitor", JOURNEYS.md Jeroen): for
 * people with a region role (gemeente, beheerder) only, figures per period and per municipality of the household,
 * every count under five hidden ("< 5") together with whatever would give it away (lib/suppression.ts).
 *
 * All figures of one view are one suppression problem: every municipality and the region total, each table's
 * categories and totals, the families behind goal counts, and for the flows (waakvlam, broken agreements) the
 * months of the quarter with the quarter itself — so neither another municipality, another table nor another
 * period of the same quarter gives a hidden cell away. Every view and every export is an audit event.
 */
import { BIG_FIVE } from '@/lib/bigfive';
import { PERSPECTIVES, PROFESSIONAL_BUCKETS, UNKNOWN_MUNICIPALITY, type DomainChange, type ProfessionalBucket, type RegionReport } from '@/lib/api/region';
import { PLAN_STATUSES, type PlanStatus } from '@/lib/roles';
import { hasBegun, monthsBegun, parsePeriod, PeriodKey, periodContaining, periodCutoff, quarterOf, recentPeriods, type Period } from '@/lib/region-periods';
import { publish, suppress, type Cell, type Count, type Follow, type Sum } from '@/lib/suppression';
import { domainChangeGroups, findRegionViewer, flowGroups, listMunicipalities, planStateGroups, type FlowKind, type RegionViewer } from '@/db/queries/region';
import { recordAudit, type Via } from '../audit/record';
import type { ServiceContext } from '../context';
import { Refusal } from '../refusal';

/** The same words as any page that does not exist: a family or a professional learns nothing from the answer. */
export const NO_REGION_VIEW = 'Deze pagina bestaat niet, of je hebt er geen toegang toe.';
const notFound = () => new Refusal('not_found', NO_REGION_VIEW, { code: 'not_found' });

/** The person's region-view rights, or a 404 refusal for everyone without a region role. */
export async function requireRegionViewer(ctx: Pick<ServiceContext, 'db'>, params: { userId: string }): Promise<RegionViewer> {
  const viewer = await findRegionViewer(ctx.db, params);
  if (!viewer) throw notFound();
  return viewer;
}

/** True when the person may open /regio (for navigation; the page and the API check again). */
export async function mayViewRegion(ctx: Pick<ServiceContext, 'db'>, params: { userId: string }): Promise<boolean> {
  return (await findRegionViewer(ctx.db, params)) !== null;
}

export interface RegionQuery {
  /** "2026-Q3" or "2026-09"; the running quarter when absent. */
  periode?: string | null;
  /** A municipality's name or UNKNOWN_MUNICIPALITY; the whole region when absent. */
  gemeente?: string | null;
}

const ALL = '*';
const ACTIVE: readonly PlanStatus[] = ['actief', 'afschalen'];
const FLOW_KINDS: readonly FlowKind[] = ['waakvlam_in', 'waakvlam_terug', 'afspraak_verbroken'];
const bucketOf = (n: number): ProfessionalBucket => (n >= 4 ? '4+' : (String(n) as ProfessionalBucket));

/** Builds the cells and sums of one view; counts are added per area (municipality, and the region total). */
class Problem {
  readonly cells = new Map<string, Cell>();
  readonly sums: Sum[] = [];
  readonly follows: Follow[] = [];

  constructor(readonly areas: readonly string[]) {}

  add(id: string, value: number, published = true): void {
    const cell = this.cells.get(id);
    if (cell) cell.value += value;
    else this.cells.set(id, { id, value, published });
  }

  /** Declares a cell per area (and the region total) with value 0, so every area has every cell. */
  declare(base: string, published = true): void {
    for (const a of [ALL, ...this.areas]) this.add(`${base}@${a}`, 0, published);
  }

  /** Adds to an area's cell and to the region total's. */
  count(base: string, area: string, n: number): void {
    this.add(`${base}@${area}`, n);
    this.add(`${base}@${ALL}`, n);
  }

  /** total = Σ parts, in every area; and every cell's region total = Σ its municipalities. */
  sum(total: string, parts: readonly string[]): void {
    for (const a of [ALL, ...this.areas]) this.sums.push({ total: `${total}@${a}`, parts: parts.map((p) => `${p}@${a}`) });
  }

  acrossAreas(base: string): void {
    if (this.areas.length > 0) this.sums.push({ total: `${base}@${ALL}`, parts: this.areas.map((a) => `${base}@${a}`) });
  }

  follow(cell: string, of: string): void {
    for (const a of [ALL, ...this.areas]) this.follows.push({ cell: `${cell}@${a}`, of: `${of}@${a}` });
  }

  value(base: string, area: string): number {
    return this.cells.get(`${base}@${area}`)?.value ?? 0;
  }
}

function periodOf(query: RegionQuery, now: Date): Period {
  if (!query.periode) return periodContaining(now, 'kwartaal');
  const key = PeriodKey.safeParse(query.periode);
  if (!key.success) throw new Refusal('invalid', key.error.issues[0]?.message ?? 'Onbekende periode.', { code: 'invalid_period' });
  const period = parsePeriod(key.data);
  if (!hasBegun(period, now)) throw new Refusal('invalid', 'Deze periode is nog niet begonnen. Kies een periode tot en met nu.', { code: 'future_period' });
  return period;
}

const areaOf = (municipality: string | null) => municipality ?? UNKNOWN_MUNICIPALITY;

function median(values: { value: number; n: number }[]): number | null {
  const total = values.reduce((s, v) => s + v.n, 0);
  if (total === 0) return null;
  const sorted = [...values].sort((a, b) => a.value - b.value);
  const at = (rank: number) => {
    let seen = 0;
    for (const v of sorted) {
      seen += v.n;
      if (seen > rank) return v.value;
    }
    return sorted[sorted.length - 1]?.value ?? 0;
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/**
 * The region's figures for one period and municipality, as the viewer may see them; audited as 'region.view'
 * (or 'region.export' for the CSV) before anything is returned.
 */
export async function viewRegion(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  params: { userId: string; via: Via; query: RegionQuery; purpose: 'view' | 'export' },
): Promise<RegionReport> {
  const viewer = await requireRegionViewer(ctx, { userId: params.userId });
  const now = ctx.clock();
  const period = periodOf(params.query, now);
  const cutoff = periodCutoff(period, now);
  const quarter = quarterOf(period);
  const months = monthsBegun(quarter, now);

  const [municipalityRows, stateGroups, changeGroups, flows] = await Promise.all([
    listMunicipalities(ctx.db, { regionId: viewer.regionId }),
    planStateGroups(ctx.db, { regionId: viewer.regionId, at: cutoff }),
    domainChangeGroups(ctx.db, { regionId: viewer.regionId, at: cutoff }),
    flowGroups(ctx.db, { regionId: viewer.regionId, boundaries: [...months.map((m) => m.start), periodCutoff(quarter, now)] }),
  ]);
  const areas = municipalityRows.map(areaOf);
  const wanted = params.query.gemeente ?? null;
  if (wanted !== null && wanted !== '' && !areas.includes(wanted)) {
    throw new Refusal('invalid', 'Deze gemeente komt in de regio niet voor. Kies een gemeente uit de lijst.', { code: 'unknown_municipality' });
  }
  const area = wanted ? wanted : ALL;

  const p = new Problem(areas);
  // Plans by status at the cutoff; active = actief + afschalen.
  for (const s of PLAN_STATUSES) p.declare(`status.${s}`);
  p.declare('total');
  p.declare('active');
  // Active plans: one casusregisseur or not; professionals; goals (complements unpublished, but protected).
  p.declare('regie.one');
  p.declare('regie.notOne');
  for (const b of PROFESSIONAL_BUCKETS) p.declare(`prof.${b}`);
  p.declare('goals.plansWith');
  p.declare('goals.plansWithout', false);
  p.declare('goals.plansReached');
  p.declare('goals.plansNoneReached', false);
  p.declare('goals.count');
  p.declare('goals.reached');
  p.declare('goals.notReached', false);
  const profCounts = new Map<string, Map<number, number>>();
  for (const g of stateGroups) {
    const a = areaOf(g.municipality);
    p.count(`status.${g.status}`, a, g.plans);
    p.count('total', a, g.plans);
    if (!ACTIVE.includes(g.status)) continue;
    p.count('active', a, g.plans);
    p.count(g.oneRegisseur ? 'regie.one' : 'regie.notOne', a, g.plans);
    p.count(`prof.${bucketOf(g.professionals)}`, a, g.plans);
    for (const key of [a, ALL]) {
      const m = profCounts.get(key) ?? new Map<number, number>();
      m.set(g.professionals, (m.get(g.professionals) ?? 0) + g.plans);
      profCounts.set(key, m);
    }
    p.count(g.hasGoals ? 'goals.plansWith' : 'goals.plansWithout', a, g.plans);
    if (g.hasGoals) p.count(g.hasReached ? 'goals.plansReached' : 'goals.plansNoneReached', a, g.plans);
    p.count('goals.count', a, g.goals);
    p.count('goals.reached', a, g.reached);
    p.count('goals.notReached', a, g.goals - g.reached);
  }
  p.sum(
    'total',
    PLAN_STATUSES.map((s) => `status.${s}`),
  );
  p.sum(
    'active',
    ACTIVE.map((s) => `status.${s}`),
  );
  p.sum('total', ['active', ...PLAN_STATUSES.filter((s) => !ACTIVE.includes(s)).map((s) => `status.${s}`)]);
  p.sum('active', ['regie.one', 'regie.notOne']);
  p.sum(
    'active',
    PROFESSIONAL_BUCKETS.map((b) => `prof.${b}`),
  );
  p.sum('active', ['goals.plansWith', 'goals.plansWithout']);
  p.sum('goals.plansWith', ['goals.plansReached', 'goals.plansNoneReached']);
  p.sum('goals.count', ['goals.reached', 'goals.notReached']);
  p.follow('goals.count', 'goals.plansWith');
  p.follow('goals.reached', 'goals.plansReached');
  const across = [
    ...PLAN_STATUSES.map((s) => `status.${s}`),
    'total',
    'active',
    'regie.one',
    'regie.notOne',
    ...PROFESSIONAL_BUCKETS.map((b) => `prof.${b}`),
    'goals.plansWith',
    'goals.plansWithout',
    'goals.plansReached',
    'goals.plansNoneReached',
    'goals.count',
    'goals.reached',
    'goals.notReached',
  ];

  // First and latest rating per domain and perspective.
  const changeSums = new Map<string, number>();
  for (const d of BIG_FIVE) {
    for (const v of PERSPECTIVES) {
      const base = `dc.${d}.${v}`;
      for (const part of ['rated', 'up', 'same', 'down']) {
        p.declare(`${base}.${part}`);
        across.push(`${base}.${part}`);
      }
      p.sum(`${base}.rated`, [`${base}.up`, `${base}.same`, `${base}.down`]);
    }
  }
  for (const g of changeGroups) {
    if (!(BIG_FIVE as readonly string[]).includes(g.domain)) continue;
    const base = `dc.${g.domain}.${g.perspective}`;
    const a = areaOf(g.municipality);
    p.count(`${base}.rated`, a, g.families);
    p.count(`${base}.${g.direction > 0 ? 'up' : g.direction < 0 ? 'down' : 'same'}`, a, g.families);
    for (const key of [a, ALL]) changeSums.set(`${base}@${key}`, (changeSums.get(`${base}@${key}`) ?? 0) + g.change);
  }

  // Flows in the quarter and in each of its months begun; a quarter is the sum of its months.
  const slices = months.map((_, i) => String(i));
  for (const k of FLOW_KINDS) {
    for (const s of [...slices, 'q']) {
      p.declare(`flow.${k}.${s}`);
      across.push(`flow.${k}.${s}`);
    }
    p.sum(
      `flow.${k}.q`,
      slices.map((s) => `flow.${k}.${s}`),
    );
  }
  for (const f of flows) p.add(`flow.${f.kind}.${f.slice === null ? 'q' : String(f.slice)}@${areaOf(f.municipality)}`, f.families);
  // The region totals of the flows are the sums over the municipalities (each family lives in one).
  for (const k of FLOW_KINDS) for (const s of [...slices, 'q']) for (const a of areas) p.add(`flow.${k}.${s}@${ALL}`, p.value(`flow.${k}.${s}`, a));

  for (const base of across) p.acrossAreas(base);
  const hidden = suppress([...p.cells.values()], p.sums, { follows: p.follows });
  const shown = (base: string, at = area): Count => publish(p.value(base, at), `${base}@${at}`, hidden);
  const percent = (part: string, whole: string): number | null => {
    const a = shown(part);
    const b = shown(whole);
    return typeof a === 'number' && typeof b === 'number' && b > 0 ? Math.round((a / b) * 100) : null;
  };

  const domains: DomainChange[] = [];
  for (const d of BIG_FIVE) {
    for (const v of PERSPECTIVES) {
      const base = `dc.${d}.${v}`;
      const rated = shown(`${base}.rated`);
      domains.push({
        domain: d,
        perspective: v,
        rated,
        improved: shown(`${base}.up`),
        same: shown(`${base}.same`),
        declined: shown(`${base}.down`),
        meanChange: typeof rated === 'number' && rated > 0 ? Math.round(((changeSums.get(`${base}@${area}`) ?? 0) / rated) * 10) / 10 : null,
      });
    }
  }
  const flowSlice = period.kind === 'kwartaal' ? 'q' : String(months.findIndex((m) => m.key === period.key));
  const families = shown('active');
  const report: RegionReport = {
    region: { name: viewer.regionName },
    period: {
      key: period.key,
      kind: period.kind,
      start: period.start.toISOString(),
      end: period.end.toISOString(),
      cutoff: cutoff.toISOString(),
      ongoing: cutoff.getTime() < period.end.getTime(),
    },
    municipality: area === ALL ? null : area,
    municipalities: areas,
    choices: recentPeriods(now),
    status: {
      byStatus: Object.fromEntries(PLAN_STATUSES.map((s) => [s, shown(`status.${s}`)])) as Record<PlanStatus, Count>,
      active: shown('active'),
      total: shown('total'),
    },
    perMunicipality: areas.map((a) => ({ municipality: a, active: shown('active', a), total: shown('total', a) })),
    regisseur: { active: shown('active'), one: shown('regie.one'), notOne: shown('regie.notOne'), percentOne: percent('regie.one', 'active') },
    goals: {
      plansWithGoals: shown('goals.plansWith'),
      plansWithReached: shown('goals.plansReached'),
      goals: shown('goals.count'),
      reached: shown('goals.reached'),
      percentReached: percent('goals.reached', 'goals.count'),
    },
    domains,
    professionals: {
      buckets: PROFESSIONAL_BUCKETS.map((b) => ({ bucket: b, families: shown(`prof.${b}`) })),
      families,
      median:
        typeof families === 'number' ? median([...(profCounts.get(area) ?? new Map<number, number>()).entries()].map(([value, n]) => ({ value, n }))) : null,
    },
    escalations: { brokenAgreements: shown(`flow.afspraak_verbroken.${flowSlice}`), tableRequests: null, medianDaysToDecision: null },
    waakvlam: { entered: shown(`flow.waakvlam_in.${flowSlice}`), returned: shown(`flow.waakvlam_terug.${flowSlice}`) },
  };

  await recordAudit(ctx.db, {
    action: params.purpose === 'export' ? 'region.export' : 'region.view',
    actorUserId: viewer.userId,
    actorRole: viewer.regionRole,
    accessPoint: params.via.accessPoint,
    client: params.via.client,
    details: { regionId: viewer.regionId, period: period.key, municipality: report.municipality, hiddenCells: hidden.size },
  });
  return report;
}
