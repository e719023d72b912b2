/**
 * The 0–10 safety scale: rows of `ratings` with kind `veiligheid`, one per party per moment, never overwritten
 * (a trigger refuses updates and deletes). Always scoped by plan.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { PlanRole } from '../../lib/roles';
import type { Db } from '../client';
import { ratings, users } from '../schema';

export interface SafetyRating {
  id: string;
  value: number;
  raterId: string;
  raterName: string | null;
  raterRole: PlanRole;
  note: string | null;
  createdAt: Date;
}

/** Appends a safety-scale rating; `createdAt` only for seed data (the database clock otherwise). */
export async function insertSafetyRating(
  db: Db,
  params: { planId: string; value: number; raterId: string; raterRole: PlanRole; note?: string | null; createdAt?: Date },
): Promise<{ id: string; createdAt: Date }> {
  const [row] = await db
    .insert(ratings)
    .values({
      planId: params.planId,
      kind: 'veiligheid',
      value: params.value,
      raterId: params.raterId,
      raterRole: params.raterRole,
      note: params.note || null,
      ...(params.createdAt ? { createdAt: params.createdAt } : {}),
    })
    .returning({ id: ratings.id, createdAt: ratings.createdAt });
  if (!row) throw new Error('insert safety rating returned nothing');
  return row;
}

/** The plan's safety-scale ratings, oldest first, with the rater's name. */
export async function listSafetyRatings(db: Db, params: { planId: string }): Promise<SafetyRating[]> {
  return db
    .select({
      id: ratings.id,
      value: ratings.value,
      raterId: ratings.raterId,
      raterName: users.name,
      raterRole: ratings.raterRole,
      note: ratings.note,
      createdAt: ratings.createdAt,
    })
    .from(ratings)
    .innerJoin(users, eq(users.id, ratings.raterId))
    .where(and(eq(ratings.planId, params.planId), eq(ratings.kind, 'veiligheid')))
    .orderBy(asc(ratings.createdAt), asc(ratings.id));
}
