/**
 * The plan as one member may see it: the one place pages, routes and services get a plan, so membership and the
 * policy are always checked. The member is loaded fresh from the database at every call (never from a token). A
 * plan that does not exist, a malformed id and a plan you are not (or no longer) in look the same: no id probing.
 */
import type { Db } from '@/db/client';
import { loadMember, type LoadedMember } from '@/db/queries/members';
import { getPlanOverview, type PlanOverview } from '@/db/queries/plans';
import { isUuid } from '@/lib/ids';
import { can, levelOf, type Level } from '@/lib/policy';
import { sectionsOfPlan } from '@/lib/section-rules';
import type { SectionKey } from '@/lib/sections';
import { planNotFound } from '../refusal';

export interface VisibleSection {
  key: SectionKey;
  level: Exclude<Level, 'none'>;
}

export interface PlanAccess {
  member: LoadedMember;
  plan: PlanOverview;
  /** The sections this member may see now, in canonical order, with their level. */
  sections: VisibleSection[];
}

/** The active member's view of the plan, or null for anyone else (or a malformed id). */
export async function findPlanAccess(db: Db, params: { planId: string; userId: string }): Promise<PlanAccess | null> {
  if (!isUuid(params.planId)) return null;
  const member = await loadMember(db, params);
  if (!member || member.status !== 'actief') return null;
  const plan = await getPlanOverview(db, { planId: params.planId });
  if (!plan) return null;
  const sections = sectionsOfPlan(plan.people, new Date())
    .filter((key) => can(member, 'see', key))
    .map((key) => ({ key, level: levelOf(member, key) as Exclude<Level, 'none'> }));
  return { member, plan, sections };
}

/** The same, throwing the not-found refusal for anyone who is not an active member. */
export async function requirePlanAccess(db: Db, params: { planId: string; userId: string }): Promise<PlanAccess> {
  const access = await findPlanAccess(db, params);
  if (!access) throw planNotFound();
  return access;
}

/** Every section the plan has (whoever looks): what a version snapshots. */
export function sectionsOfWholePlan(plan: PlanOverview): SectionKey[] {
  return sectionsOfPlan(plan.people, new Date());
}
