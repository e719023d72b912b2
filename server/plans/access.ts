import 'server-only';
/**
 * Loading a plan for a member: the one place pages and routes get a plan, so membership and the policy are
 * always checked. A plan that does not exist and a plan you are not in look the same (no id probing).
 */
import { z } from 'zod';
import { getDb } from '@/db/client';
import { loadMember, type LoadedMember } from '@/db/queries/members';
import { getPlanOverview, type PlanOverview } from '@/db/queries/plans';
import { can, levelOf, type Level } from '@/lib/policy';
import { sectionsOfPlan } from '@/lib/section-rules';
import type { SectionKey } from '@/lib/sections';

export const PlanId = z.string().uuid();

export interface VisibleSection {
  key: SectionKey;
  level: Exclude<Level, 'none'>;
}

export interface PlanForMember {
  member: LoadedMember;
  plan: PlanOverview;
  sections: VisibleSection[];
}

/** The plan as this user may see it, or null when the id is invalid, unknown or not theirs. */
export async function loadPlanForMember(params: { planId: string; userId: string }): Promise<PlanForMember | null> {
  if (!PlanId.safeParse(params.planId).success) return null;
  const db = getDb();
  const member = await loadMember(db, params);
  if (!member || member.status !== 'actief') return null;
  const plan = await getPlanOverview(db, { planId: params.planId });
  if (!plan) return null;
  const sections = sectionsOfPlan(plan.people, new Date())
    .filter((key) => can(member, 'see', key))
    .map((key) => ({ key, level: levelOf(member, key) as Exclude<Level, 'none'> }));
  return { member, plan, sections };
}
