/**
 * Begin and end ratings for the evaluation, for anyone who may read `evaluatie`. Ratings belong to the goals (the
 * ratings API gives them to whoever may read `doelen`), so a member who may not read the goals gets none here either.
 */
import type { Db } from '@/db/client';
import { listRatings, type RatingKind } from '@/db/queries/ratings';
import { summariseOutcomes, type Outcomes } from '@/lib/outcomes';
import { can } from '@/lib/policy';
import { readGoals } from '@/lib/shapes/goals';
import { requireMemberView, type MemberView } from './plan-member';
import { NO_SUCH_PLAN, PlanRefusal } from './refusal';
import { loadSectionDoc } from './section-state';

/**
 * Goal id → the goal in the family's words, read from the stored doelen doc through its reader (so invalid goals
 * are never shown). Read from the doc rather than the SQL read model, which may lag behind or not exist yet.
 */
export async function goalTitles(db: Db, params: { planId: string }): Promise<Map<string, string>> {
  const doc = await loadSectionDoc(db, { planId: params.planId, section: 'doelen' });
  try {
    return new Map(readGoals(doc).value.map((g) => [g.id, g.words]));
  } finally {
    doc.destroy();
  }
}

/** The outcomes this member may see (the member's view is loaded by the caller or here). */
export async function outcomesFor(db: Db, params: { planId: string; userId: string }, view?: MemberView): Promise<Outcomes> {
  const { member, sections } = view ?? (await requireMemberView(db, params));
  if (!sections.some((s) => s.key === 'evaluatie') || !can(member, 'read', 'evaluatie')) throw new PlanRefusal('not_found', NO_SUCH_PLAN);
  if (!sections.some((s) => s.key === 'doelen') || !can(member, 'read', 'doelen')) return { goals: [], domains: [] };
  const kinds: RatingKind[] = ['zelfredzaamheid', 'voortgang', 'gas'];
  const ratings = await listRatings(db, { planId: params.planId, kinds });
  return summariseOutcomes(ratings, await goalTitles(db, { planId: params.planId }));
}
