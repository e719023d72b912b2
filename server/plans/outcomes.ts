/**
 * Begin and end ratings for the evaluation, for anyone who may read `evaluatie`. Ratings belong to the goals (the
 * ratings API gives them to whoever may read `doelen`), so a member who may not read the goals gets none here either.
 */
import type { Db } from '@/db/client';
import { listRatings, type RatingKind } from '@/db/queries/ratings';
import { summariseOutcomes, type Outcomes } from '@/lib/outcomes';
import { can } from '@/lib/policy';
import { readGoals } from '@/lib/shapes/goals';
import type { ServiceContext } from '../context';
import { planNotFound } from '../refusal';
import { accessOf, seesSection, type Actor } from './actor';
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

/** The outcomes this member may see. */
export async function outcomesFor(ctx: Pick<ServiceContext, 'db'>, params: { actor: Actor }): Promise<Outcomes> {
  const access = await accessOf(ctx.db, params.actor);
  const { member } = access;
  const mayRead = (section: 'evaluatie' | 'doelen') => seesSection(access, section) && can(member, 'read', section);
  if (!mayRead('evaluatie')) throw planNotFound();
  if (!mayRead('doelen')) return { goals: [], domains: [] };
  const kinds: RatingKind[] = ['zelfredzaamheid', 'voortgang', 'gas'];
  const ratings = await listRatings(ctx.db, { planId: access.plan.id, kinds });
  return summariseOutcomes(ratings, await goalTitles(ctx.db, { planId: access.plan.id }));
}
