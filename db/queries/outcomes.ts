/** What the evaluation shows beside the ratings: goal titles from the read model (projected from the doelen doc). */
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { projectedGoals } from '../schema';

/** Goal id → title as last projected; goals not (yet) projected are absent. */
export async function goalTitles(db: Db, params: { planId: string }): Promise<Map<string, string>> {
  const rows = await db.select({ goalId: projectedGoals.goalId, title: projectedGoals.title }).from(projectedGoals).where(eq(projectedGoals.planId, params.planId));
  return new Map(rows.map((r) => [r.goalId, r.title]));
}
