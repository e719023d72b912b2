/** Ratings: dated scores by a named rater in a named role, appended and never changed (a trigger refuses it). */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PlanRole } from '../../lib/roles';
import type { Db } from '../client';
import { ratings, users } from '../schema';

export type RatingKind = (typeof ratings.$inferSelect)['kind'];

export interface RatingView {
  id: string;
  kind: RatingKind;
  goalId: string | null;
  domain: string | null;
  value: number;
  raterId: string;
  raterName: string | null;
  raterRole: PlanRole;
  note: string | null;
  createdAt: Date;
}

/** Appends one rating; `createdAt` only for seed data (the database clock otherwise). */
export async function insertRating(
  db: Db,
  params: {
    planId: string;
    kind: RatingKind;
    goalId?: string | null;
    domain?: string | null;
    value: number;
    raterId: string;
    raterRole: PlanRole;
    note?: string | null;
    createdAt?: Date;
  },
): Promise<{ id: string; createdAt: Date }> {
  const [row] = await db
    .insert(ratings)
    .values({
      planId: params.planId,
      kind: params.kind,
      goalId: params.goalId ?? null,
      domain: params.domain ?? null,
      value: params.value,
      raterId: params.raterId,
      raterRole: params.raterRole,
      note: params.note || null,
      ...(params.createdAt ? { createdAt: params.createdAt } : {}),
    })
    .returning({ id: ratings.id, createdAt: ratings.createdAt });
  if (!row) throw new Error('insert rating returned nothing');
  return row;
}

/** The plan's ratings of the given kinds, oldest first, with the rater's name. */
export async function listRatings(db: Db, params: { planId: string; kinds: readonly RatingKind[] }): Promise<RatingView[]> {
  if (params.kinds.length === 0) return [];
  return db
    .select({
      id: ratings.id,
      kind: ratings.kind,
      goalId: ratings.goalId,
      domain: ratings.domain,
      value: ratings.value,
      raterId: ratings.raterId,
      raterName: users.name,
      raterRole: ratings.raterRole,
      note: ratings.note,
      createdAt: ratings.createdAt,
    })
    .from(ratings)
    .innerJoin(users, eq(users.id, ratings.raterId))
    .where(and(eq(ratings.planId, params.planId), inArray(ratings.kind, [...params.kinds])))
    .orderBy(asc(ratings.createdAt), asc(ratings.id));
}
