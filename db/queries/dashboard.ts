/**
 * The overzicht's queries: everything about the plans one person is an active member of, from SQL only (the read
 * model, ratings, memberships, the audit trail and the update log) — never a live document. One query per kind of
 * fact for all of the person's plans at once, so the cost does not grow with a query per plan. The indexes they
 * rely on are declared in db/schema.ts (plan_members_user_idx, audit_plan_actor_idx, audit_plan_movement_idx,
 * yjs_updates_plan_user_idx, ratings_plan_idx, placement_threats_plan_idx and the read model's primary keys).
 * Also the placement flag's records (a row per change).
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Level } from '../../lib/policy';
import { isProfessionalRole, type Kader, type PlanRole, type PlanStatus, type RegionRole } from '../../lib/roles';
import { isSectionKey, type SectionKey } from '../../lib/sections';
import { MOVEMENT_ACTIONS, signalThresholdsOf } from '../../lib/signals';
import type { Db } from '../client';
import {
  households,
  organisations,
  placementThreats,
  planMembers,
  planSectionOverrides,
  plans,
  projectedActions,
  projectedAgreements,
  projectedEvaluation,
  projectedGoals,
  projectedSafety,
  ratings,
  regieAssignments,
  regions,
  users,
} from '../schema';

function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

const asDate = (value: unknown): Date | null => (value === null || value === undefined ? null : value instanceof Date ? value : new Date(String(value)));
const idList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** Organisation kinds whose people work in plans as professionals. */
const PROFESSIONAL_KINDS = new Set(['lokaal_team', 'aanbieder', 'gi', 'verwijzer', 'tafel']);

export interface Standing {
  regionRole: RegionRole | null;
  /** Works for a care organisation (local team, provider, GI, referrer, table). */
  professionalOrganisation: boolean;
  /** Active memberships in a professional role, and in a family role (ouder, jeugdige, netwerk). */
  professionalPlans: number;
  familyPlans: number;
}

/** What kind of user someone is: decides their landing page and whether the overzicht exists for them. */
export async function standingOf(db: Db, params: { userId: string }): Promise<Standing | null> {
  const [user] = await db
    .select({ regionRole: users.regionRole, kind: organisations.kind })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, params.userId))
    .limit(1);
  if (!user) return null;
  const roles = await db
    .select({ role: planMembers.role })
    .from(planMembers)
    .where(and(eq(planMembers.userId, params.userId), eq(planMembers.status, 'actief')));
  const professionalPlans = roles.filter((r) => isProfessionalRole(r.role)).length;
  return {
    regionRole: user.regionRole,
    professionalOrganisation: user.kind !== null && PROFESSIONAL_KINDS.has(user.kind),
    professionalPlans,
    familyPlans: roles.length - professionalPlans,
  };
}

export interface DashboardPlan {
  planId: string;
  householdName: string;
  status: PlanStatus;
  kader: Kader;
  createdAt: Date;
  regionSettings: unknown;
  /** The viewer's membership. */
  role: PlanRole;
  isCasusregisseur: boolean;
  overrides: Partial<Record<SectionKey, Level>>;
  /** The active casusregisseur is an active member of the plan. */
  hasCasusregisseur: boolean;
}

export interface DashboardMember {
  planId: string;
  userId: string;
  name: string;
  role: PlanRole;
  memberSince: Date;
  /** Their latest audit event in the plan (any access), and their latest edit in the update log. */
  lastSeen: Date | null;
  lastEdit: Date | null;
}

export interface DashboardFacts {
  plans: DashboardPlan[];
  members: DashboardMember[];
  /** Plan → the latest audit event that changed something (MOVEMENT_ACTIONS). */
  lastWrite: Map<string, Date>;
  goals: (typeof projectedGoals.$inferSelect)[];
  actions: (typeof projectedActions.$inferSelect)[];
  ratings: {
    planId: string;
    kind: (typeof ratings.$inferSelect)['kind'];
    goalId: string | null;
    domain: string | null;
    value: number;
    raterId: string;
    raterName: string | null;
    createdAt: Date;
  }[];
  safety: (typeof projectedSafety.$inferSelect)[];
  brokenAgreements: { planId: string; brokenAt: string | null; escalated: boolean }[];
  evaluation: (typeof projectedEvaluation.$inferSelect)[];
  placements: Map<string, { threatened: boolean; reason: string; since: Date; by: string | null }>;
}

/**
 * Every fact the overzicht shows about the plans the user is an active member of. Of each series of ratings (one
 * plan, kind, goal or domain and rater) only the first and the latest `latestRatings` come back: that is all the
 * rules read (first against latest, the last few for "flat", the latest for contact and movement).
 */
export async function loadDashboardFacts(db: Db, params: { userId: string; latestRatings?: number }): Promise<DashboardFacts> {
  const mine = await db
    .select({
      planId: plans.id,
      householdName: households.name,
      status: plans.status,
      kader: plans.kader,
      createdAt: plans.createdAt,
      regionSettings: regions.settings,
      role: planMembers.role,
      regieId: regieAssignments.id,
    })
    .from(planMembers)
    .innerJoin(plans, eq(plans.id, planMembers.planId))
    .innerJoin(households, eq(households.id, plans.householdId))
    .innerJoin(regions, eq(regions.id, households.regionId))
    .leftJoin(
      regieAssignments,
      and(
        eq(regieAssignments.planId, plans.id),
        eq(regieAssignments.userId, planMembers.userId),
        eq(regieAssignments.kind, 'casusregie'),
        isNull(regieAssignments.endedAt),
      ),
    )
    .where(and(eq(planMembers.userId, params.userId), eq(planMembers.status, 'actief')));
  const ids = mine.map((p) => p.planId);
  const empty: DashboardFacts = {
    plans: [],
    members: [],
    lastWrite: new Map(),
    goals: [],
    actions: [],
    ratings: [],
    safety: [],
    brokenAgreements: [],
    evaluation: [],
    placements: new Map(),
  };
  if (ids.length === 0) return empty;
  const latestRatings = params.latestRatings ?? Math.max(...mine.map((p) => signalThresholdsOf(p.regionSettings).flatRatings));

  const [overrides, regie, members, writes, goals, actions, ratingRows, safety, broken, evaluation, placements] = await Promise.all([
    db
      .select({
        planId: planSectionOverrides.planId,
        role: planSectionOverrides.role,
        section: planSectionOverrides.section,
        level: planSectionOverrides.level,
      })
      .from(planSectionOverrides)
      .where(and(inArray(planSectionOverrides.planId, ids), isNull(planSectionOverrides.endedAt))),
    db
      .select({ planId: regieAssignments.planId })
      .from(regieAssignments)
      .innerJoin(
        planMembers,
        and(eq(planMembers.planId, regieAssignments.planId), eq(planMembers.userId, regieAssignments.userId), eq(planMembers.status, 'actief')),
      )
      .where(and(inArray(regieAssignments.planId, ids), eq(regieAssignments.kind, 'casusregie'), isNull(regieAssignments.endedAt))),
    db.execute(sql`
      select m.plan_id as "planId", m.user_id as "userId", coalesce(u.name, u.email) as "name", m.role, m.created_at as "memberSince",
        (select max(a.at) from audit_events a where a.plan_id = m.plan_id and a.actor_user_id = m.user_id) as "lastSeen",
        (select max(y.created_at) from yjs_updates y
          where substring(y.doc, 6, 36) = m.plan_id::text and y.user_id = m.user_id) as "lastEdit"
      from plan_members m join users u on u.id = m.user_id
      where m.plan_id in (${idList(ids)}) and m.status = 'actief'`),
    db.execute(sql`
      select p.id as "planId",
        (select max(a.at) from audit_events a where a.plan_id = p.id
          and ${sql.raw(`a.action in (${MOVEMENT_ACTIONS.map((x) => `'${x}'`).join(', ')})`)}) as "at"
      from plans p where p.id in (${idList(ids)})`),
    db.select().from(projectedGoals).where(inArray(projectedGoals.planId, ids)).orderBy(asc(projectedGoals.planId), asc(projectedGoals.position)),
    db.select().from(projectedActions).where(inArray(projectedActions.planId, ids)),
    db.execute(sql`
      select "planId", kind, "goalId", domain, value, "raterId", "raterName", "createdAt" from (
        select r.plan_id as "planId", r.kind, r.goal_id as "goalId", r.domain, r.value, r.rater_id as "raterId", u.name as "raterName",
          r.created_at as "createdAt", r.id,
          row_number() over (partition by r.plan_id, r.kind, r.goal_id, r.domain, r.rater_id order by r.created_at, r.id) as from_first,
          row_number() over (partition by r.plan_id, r.kind, r.goal_id, r.domain, r.rater_id order by r.created_at desc, r.id desc) as from_last
        from ${ratings} r join ${users} u on u.id = r.rater_id
        where r.plan_id in (${idList(ids)})
      ) s
      where from_first = 1 or from_last <= ${latestRatings}
      order by "createdAt", id`),
    db.select().from(projectedSafety).where(inArray(projectedSafety.planId, ids)),
    db
      .select({ planId: projectedAgreements.planId, brokenAt: projectedAgreements.brokenAt, escalated: projectedAgreements.escalated })
      .from(projectedAgreements)
      .where(and(inArray(projectedAgreements.planId, ids), eq(projectedAgreements.status, 'verbroken'))),
    db.select().from(projectedEvaluation).where(inArray(projectedEvaluation.planId, ids)),
    db
      .selectDistinctOn([placementThreats.planId], {
        planId: placementThreats.planId,
        threatened: placementThreats.threatened,
        reason: placementThreats.reason,
        since: placementThreats.createdAt,
        by: users.name,
      })
      .from(placementThreats)
      .leftJoin(users, eq(users.id, placementThreats.setBy))
      .where(inArray(placementThreats.planId, ids))
      .orderBy(asc(placementThreats.planId), desc(placementThreats.createdAt), desc(placementThreats.id)),
  ]);

  const withRegie = new Set(regie.map((r) => r.planId));
  return {
    plans: mine.map((p) => {
      const own: Partial<Record<SectionKey, Level>> = {};
      for (const o of overrides) if (o.planId === p.planId && o.role === p.role && isSectionKey(o.section)) own[o.section] = o.level;
      return {
        planId: p.planId,
        householdName: p.householdName,
        status: p.status,
        kader: p.kader,
        createdAt: p.createdAt,
        regionSettings: p.regionSettings,
        role: p.role,
        isCasusregisseur: p.regieId !== null,
        overrides: own,
        hasCasusregisseur: withRegie.has(p.planId),
      };
    }),
    members: rowsOf<Record<string, unknown>>(members).map((m) => ({
      planId: String(m.planId),
      userId: String(m.userId),
      name: String(m.name),
      role: m.role as PlanRole,
      memberSince: asDate(m.memberSince) as Date,
      lastSeen: asDate(m.lastSeen),
      lastEdit: asDate(m.lastEdit),
    })),
    lastWrite: new Map(
      rowsOf<{ planId: string; at: unknown }>(writes).flatMap((r) => {
        const at = asDate(r.at);
        return at ? [[String(r.planId), at] as const] : [];
      }),
    ),
    goals,
    actions,
    ratings: rowsOf<Record<string, unknown>>(ratingRows).map((r) => ({
      planId: String(r.planId),
      kind: r.kind as DashboardFacts['ratings'][number]['kind'],
      goalId: (r.goalId as string | null) ?? null,
      domain: (r.domain as string | null) ?? null,
      value: Number(r.value),
      raterId: String(r.raterId),
      raterName: (r.raterName as string | null) ?? null,
      createdAt: asDate(r.createdAt) as Date,
    })),
    safety,
    brokenAgreements: broken,
    evaluation,
    placements: new Map(placements.map((p) => [p.planId, { threatened: p.threatened, reason: p.reason, since: p.since, by: p.by }])),
  };
}

// --- the placement flag ---

export interface PlacementRecord {
  threatened: boolean;
  reason: string;
  at: Date;
  by: string | null;
}

/** The plan's placement flag changes, newest first. */
export async function listPlacementThreats(db: Db, params: { planId: string }): Promise<PlacementRecord[]> {
  return db
    .select({ threatened: placementThreats.threatened, reason: placementThreats.reason, at: placementThreats.createdAt, by: users.name })
    .from(placementThreats)
    .leftJoin(users, eq(users.id, placementThreats.setBy))
    .where(eq(placementThreats.planId, params.planId))
    .orderBy(desc(placementThreats.createdAt), desc(placementThreats.id));
}

/** Records a change of the flag (a new row; the table's history is never rewritten). */
export async function insertPlacementThreat(
  db: Db,
  params: { planId: string; threatened: boolean; reason: string; setBy: string; createdAt?: Date },
): Promise<{ id: string; createdAt: Date }> {
  const [row] = await db
    .insert(placementThreats)
    .values({
      planId: params.planId,
      threatened: params.threatened,
      reason: params.reason,
      setBy: params.setBy,
      ...(params.createdAt ? { createdAt: params.createdAt } : {}),
    })
    .returning({ id: placementThreats.id, createdAt: placementThreats.createdAt });
  if (!row) throw new Error('insert placement threat returned nothing');
  return row;
}
