/**
 * The region view's queries (server/region): counts per municipality of the household, never a row about one
 * family. Every query groups in SQL and returns group counts; none selects a name, a plan id or a birth date.
 * Read-only. The indexes they rely on are declared in db/schema.ts (households_region_idx, ratings_kind_domain_idx,
 * audit_action_idx, plan_status_changes_plan_idx, plan_members_plan_user_idx, regie_plan_idx).
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { PlanStatus, RegionRole } from '../../lib/roles';
import type { Db } from '../client';
import { organisations, regions, users } from '../schema';

/** Rows of a raw query, whichever driver ran it (node-postgres and PGlite both answer `{ rows }`). */
function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** Roles held by the family and its network (lib/roles.ts FAMILY_ROLES); everyone else in a plan is a professional. */
const FAMILY_ROLES_SQL = sql`('ouder', 'jeugdige', 'netwerk')`;

export interface RegionViewer {
  userId: string;
  regionRole: RegionRole;
  regionId: string;
  regionName: string;
}

/** The region a person with a region role (gemeente, beheerder) looks at: their organisation's. Null otherwise. */
export async function findRegionViewer(db: Db, params: { userId: string }): Promise<RegionViewer | null> {
  const [row] = await db
    .select({ regionRole: users.regionRole, regionId: regions.id, regionName: regions.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .innerJoin(regions, eq(regions.id, organisations.regionId))
    .where(eq(users.id, params.userId))
    .limit(1);
  if (!row?.regionRole) return null;
  return { userId: params.userId, regionRole: row.regionRole, regionId: row.regionId, regionName: row.regionName };
}

/** The municipalities households of the region live in (null: not recorded), in name order. */
export async function listMunicipalities(db: Db, params: { regionId: string }): Promise<(string | null)[]> {
  const rows = rowsOf<{ municipality: string | null }>(
    await db.execute(sql`
      select distinct municipality from households where region_id = ${params.regionId}
      order by municipality nulls last`),
  );
  return rows.map((r) => r.municipality);
}

/** One group of plans with the same state at a moment (see planStateGroups). */
export interface PlanStateGroup {
  municipality: string | null;
  status: PlanStatus;
  /** Plans in the group. */
  plans: number;
  /** For plans actief or afschalen: exactly one casusregisseur named at that moment. */
  oneRegisseur: boolean;
  /**
   * For plans actief or afschalen: professionals in the plan at that moment — joined by then and not ended by then
   * (an ended membership without an end date counts as ended; one waiting for consent does not count). 0 otherwise.
   */
  professionals: number;
  /** For plans actief or afschalen: whether the plan has goals, and at least one reached (the read model now). */
  hasGoals: boolean;
  hasReached: boolean;
  /** Sums over the group's plans: goals, and goals reached (the read model now). */
  goals: number;
  reached: number;
}

/**
 * The region's plans as they stood at `at`, in groups: status then (the last change at or before `at`; before a
 * plan's first change, the status it changed from; without changes, its status now), and for the plans that were
 * active (actief, afschalen) whether one casusregisseur was named, how many professionals were in the plan, and
 * their goals. Goals have no history in the read model, so they are as they are now.
 */
export async function planStateGroups(db: Db, params: { regionId: string; at: Date }): Promise<PlanStateGroup[]> {
  const rows = rowsOf<{
    municipality: string | null;
    status: PlanStatus;
    plans: number;
    one_regisseur: boolean;
    professionals: number;
    has_goals: boolean;
    has_reached: boolean;
    goals: number;
    reached: number;
  }>(await db.execute(planStateSql(params)));
  return rows.map((r) => ({
    municipality: r.municipality,
    status: r.status,
    plans: Number(r.plans),
    oneRegisseur: Boolean(r.one_regisseur),
    professionals: Number(r.professionals),
    hasGoals: Boolean(r.has_goals),
    hasReached: Boolean(r.has_reached),
    goals: Number(r.goals),
    reached: Number(r.reached),
  }));
}

/** The SQL of planStateGroups (also for the benchmark's EXPLAIN). */
export function planStateSql(params: { regionId: string; at: Date }): SQL {
  const at = ts(params.at);
  const active = sql`s.status in ('actief', 'afschalen')`;
  // Set-based (one pass over each table, hash joins), not a subquery per plan: this runs over every plan of a region.
  // The per-plan facts are grouped over the whole table and joined to the region's plans at the end (a deployment
  // holds one region, or a few; restricting each pass to the region first cost more than it saved at 10,000 plans).
  return sql`
      with pop as (
        select p.id, h.municipality, p.status
        from plans p join households h on h.id = p.household_id
        where h.region_id = ${params.regionId} and p.created_at <= ${at}
      ),
      before as (
        select distinct on (c.plan_id) c.plan_id, c."to" as status
        from plan_status_changes c
        where c.created_at <= ${at}
        order by c.plan_id, c.created_at desc
      ),
      after as (
        select distinct on (c.plan_id) c.plan_id, c."from" as status
        from plan_status_changes c
        where c.created_at > ${at}
        order by c.plan_id, c.created_at asc
      ),
      state as (
        select pop.id, pop.municipality, coalesce(b.status, a.status, pop.status) as status
        from pop left join before b on b.plan_id = pop.id left join after a on a.plan_id = pop.id
      ),
      regie as (
        select r.plan_id, count(*)::int as n from regie_assignments r
        where r.kind = 'casusregie' and r.started_at <= ${at} and (r.ended_at is null or r.ended_at > ${at})
        group by r.plan_id
      ),
      prof as (
        select m.plan_id, count(*)::int as n from plan_members m
        where m.role not in ${FAMILY_ROLES_SQL} and m.created_at <= ${at}
          and ((m.ended_at is null and m.status = 'actief') or m.ended_at > ${at})
        group by m.plan_id
      ),
      goals as (
        select g.plan_id, count(*)::int as goals, (count(*) filter (where g.status = 'bereikt'))::int as reached
        from projected_goals g
        group by g.plan_id
      )
      select s.municipality, s.status::text as status, count(*)::int as plans,
        coalesce(r.n, 0) = 1 as one_regisseur,
        coalesce(pr.n, 0) as professionals,
        coalesce(g.goals, 0) > 0 as has_goals,
        coalesce(g.reached, 0) > 0 as has_reached,
        coalesce(sum(g.goals), 0)::int as goals,
        coalesce(sum(g.reached), 0)::int as reached
      from state s
      left join regie r on r.plan_id = s.id and ${active}
      left join prof pr on pr.plan_id = s.id and ${active}
      left join goals g on g.plan_id = s.id and ${active}
      group by 1, 2, 4, 5, 6, 7`;
}

export type Perspective = 'gezin' | 'professional';

/** Families whose first and latest rating of a domain (by one perspective) moved one way. */
export interface DomainChangeGroup {
  municipality: string | null;
  domain: string;
  perspective: Perspective;
  /** -1 lower, 0 the same, 1 higher. */
  direction: -1 | 0 | 1;
  families: number;
  /** Sum of (latest − first) over the group. */
  change: number;
}

/**
 * Zelfredzaamheid per life domain: per plan, domain and perspective (the family and its network, or the
 * professionals — their views are kept apart), the first and the latest rating up to `at`, for plans rated at
 * least twice by that perspective. Grouped by municipality, domain, perspective and direction.
 */
export async function domainChangeGroups(db: Db, params: { regionId: string; at: Date }): Promise<DomainChangeGroup[]> {
  const rows = rowsOf<{ municipality: string | null; domain: string; perspective: Perspective; direction: number; families: number; change: number }>(
    await db.execute(domainChangeSql(params)),
  );
  return rows.map((r) => ({
    municipality: r.municipality,
    domain: r.domain,
    perspective: r.perspective,
    direction: Math.sign(Number(r.direction)) as -1 | 0 | 1,
    families: Number(r.families),
    change: Number(r.change),
  }));
}

/** The SQL of domainChangeGroups. */
export function domainChangeSql(params: { regionId: string; at: Date }): SQL {
  const at = ts(params.at);
  // One pass in the order of ratings_kind_domain_idx (kind, domain, plan, moment): each plan's ratings of a domain
  // arrive oldest first, so both perspectives' series are collected without a sort (first = [1], latest = [last]).
  // The region is filtered after the aggregate (a deployment holds one region, or a few).
  const family = sql`r.rater_role in ${FAMILY_ROLES_SQL}`;
  return sql`
      with series as (
        select r.plan_id, r.domain,
          array_agg(r.value order by r.created_at) filter (where ${family}) as gezin,
          array_agg(r.value order by r.created_at) filter (where not ${family}) as professional
        from ratings r
        where r.kind = 'zelfredzaamheid' and r.domain is not null and r.created_at <= ${at}
        group by r.domain, r.plan_id
      ),
      pairs as (
        select s.plan_id, s.domain, 'gezin' as perspective, s.gezin as v from series s where cardinality(s.gezin) >= 2
        union all
        select s.plan_id, s.domain, 'professional', s.professional from series s where cardinality(s.professional) >= 2
      )
      select h.municipality, x.domain, x.perspective,
        sign(x.v[cardinality(x.v)] - x.v[1])::int as direction,
        count(*)::int as families, sum(x.v[cardinality(x.v)] - x.v[1])::int as change
      from pairs x
      join plans p on p.id = x.plan_id
      join households h on h.id = p.household_id
      where h.region_id = ${params.regionId}
      group by 1, 2, 3, 4`;
}

export type FlowKind = 'waakvlam_in' | 'waakvlam_terug' | 'afspraak_verbroken';

/** Families with an event of a kind in one slice of a span, per municipality. */
export interface FlowGroup {
  municipality: string | null;
  kind: FlowKind;
  /** Index of the slice (boundaries[i] ≤ t < boundaries[i + 1]), or null for the whole span. */
  slice: number | null;
  families: number;
}

/**
 * Events in [boundaries[0], boundaries[last]) counted as distinct families, per municipality, per slice (e.g. the
 * months of a quarter) and for the whole span: plans that went to waakvlam, plans that came back from waakvlam
 * (to actief or afschalen), and plans where a broken safety agreement was recorded.
 */
export async function flowGroups(db: Db, params: { regionId: string; boundaries: Date[] }): Promise<FlowGroup[]> {
  const query = flowSql(params);
  if (!query) return [];
  const rows = rowsOf<{ municipality: string | null; kind: FlowKind; slice: number | null; families: number }>(await db.execute(query));
  return rows.map((r) => ({
    municipality: r.municipality,
    kind: r.kind,
    slice: r.slice === null || r.slice === undefined ? null : Number(r.slice),
    families: Number(r.families),
  }));
}

/** The SQL of flowGroups; null without a span. */
export function flowSql(params: { regionId: string; boundaries: Date[] }): SQL | null {
  const b = params.boundaries;
  const first = b[0];
  const last = b[b.length - 1];
  if (!first || !last || b.length < 2) return null;
  const sliceOf = (column: string) => {
    const cases = b.slice(1, -1).map((edge, i) => sql`when ${sql.raw(column)} < ${ts(edge)} then ${sql.raw(String(i))}`);
    return cases.length === 0 ? sql`0` : sql`case ${sql.join(cases, sql` `)} else ${sql.raw(String(b.length - 2))} end`;
  };
  return sql`
      with events as (
        select c.plan_id, 'waakvlam_in' as kind, ${sliceOf('c.created_at')} as slice
        from plan_status_changes c
        where c."to" = 'waakvlam' and c.created_at >= ${ts(first)} and c.created_at < ${ts(last)}
        union all
        select c.plan_id, 'waakvlam_terug', ${sliceOf('c.created_at')}
        from plan_status_changes c
        where c."from" = 'waakvlam' and c."to" in ('actief', 'afschalen') and c.created_at >= ${ts(first)} and c.created_at < ${ts(last)}
        union all
        select a.plan_id, 'afspraak_verbroken', ${sliceOf('a.at')}
        from audit_events a
        where a.action = 'safety.agreement_broken' and a.plan_id is not null and a.at >= ${ts(first)} and a.at < ${ts(last)}
      )
      select h.municipality, e.kind, e.slice, count(distinct e.plan_id)::int as families
      from events e
      join plans p on p.id = e.plan_id
      join households h on h.id = p.household_id
      where h.region_id = ${params.regionId}
      group by grouping sets ((h.municipality, e.kind, e.slice), (h.municipality, e.kind))`;
}
