/**
 * The 0–10 safety scale: rows of `ratings` with kind `veiligheid`, one per party per moment, never overwritten
 * (a trigger refuses updates and deletes). Always scoped by plan. The queries are db/queries/ratings.ts, with
 * the kind fixed.
 */
import type { PlanRole } from '../../lib/roles';
import type { Db } from '../client';
import { insertRating, listRatings, type RatingView } from './ratings';

export type SafetyRating = Omit<RatingView, 'kind' | 'goalId' | 'domain'>;

/** Appends a safety-scale rating; `createdAt` only for seed data (the database clock otherwise). */
export function insertSafetyRating(
  db: Db,
  params: { planId: string; value: number; raterId: string; raterRole: PlanRole; note?: string | null; createdAt?: Date },
): Promise<{ id: string; createdAt: Date }> {
  return insertRating(db, { ...params, kind: 'veiligheid' });
}

/** The plan's safety-scale ratings, oldest first, with the rater's name. */
export async function listSafetyRatings(db: Db, params: { planId: string }): Promise<SafetyRating[]> {
  const rows = await listRatings(db, { planId: params.planId, kinds: ['veiligheid'] });
  return rows.map(({ id, value, raterId, raterName, raterRole, note, createdAt }) => ({ id, value, raterId, raterName, raterRole, note, createdAt }));
}
