/**
 * The member and the sections they may see, for services that take their database as a parameter (so tests pass
 * a real one). The same rule as server/plans/access.ts: an inactive or absent membership is "no such plan".
 */
import type { Db } from '@/db/client';
import { loadMember, type LoadedMember } from '@/db/queries/members';
import { getPlanOverview, type PlanOverview } from '@/db/queries/plans';
import { can, levelOf, type Level } from '@/lib/policy';
import { sectionsOfPlan } from '@/lib/section-rules';
import type { SectionKey } from '@/lib/sections';
import { NO_SUCH_PLAN, PlanRefusal } from './refusal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MemberView {
  member: LoadedMember;
  plan: PlanOverview;
  /** The sections this member may see now, in canonical order, with their level. */
  sections: { key: SectionKey; level: Exclude<Level, 'none'> }[];
}

/** The active member's view of the plan; throws a not_found refusal for anyone else (or a malformed id). */
export async function requireMemberView(db: Db, params: { planId: string; userId: string }): Promise<MemberView> {
  if (!UUID.test(params.planId)) throw new PlanRefusal('not_found', NO_SUCH_PLAN);
  const member = await loadMember(db, params);
  if (!member || member.status !== 'actief') throw new PlanRefusal('not_found', NO_SUCH_PLAN);
  const plan = await getPlanOverview(db, { planId: params.planId });
  if (!plan) throw new PlanRefusal('not_found', NO_SUCH_PLAN);
  const sections = sectionsOfPlan(plan.people, new Date())
    .filter((key) => can(member, 'see', key))
    .map((key) => ({ key, level: levelOf(member, key) as Exclude<Level, 'none'> }));
  return { member, plan, sections };
}

/** Every section the plan has (whoever looks): what a version snapshots. */
export function sectionsOfWholePlan(plan: PlanOverview): SectionKey[] {
  return sectionsOfPlan(plan.people, new Date());
}
