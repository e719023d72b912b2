/**
 * The read model's rows (server/projection): each write replaces a plan's whole set in one transaction, so the
 * rows always equal one consistent state of the section's doc.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { projectedActions, projectedAgreements, projectedEvaluation, projectedGoals, projectedSafety } from '../schema';

export type ProjectedGoal = Omit<typeof projectedGoals.$inferInsert, 'planId' | 'projectedAt'>;
export type ProjectedAction = Omit<typeof projectedActions.$inferInsert, 'planId' | 'projectedAt'>;
export type ProjectedSafety = Omit<typeof projectedSafety.$inferInsert, 'planId' | 'projectedAt'>;
export type ProjectedAgreement = Omit<typeof projectedAgreements.$inferInsert, 'planId' | 'projectedAt'>;
export type ProjectedEvaluation = Omit<typeof projectedEvaluation.$inferInsert, 'planId' | 'projectedAt'>;

/**
 * Replaces the plan's projected goals and actions (action ids unique per plan: the caller dedupes). An action that
 * was already done keeps the moment it was first seen done (`done_at`); a newly done one gets now, unless the
 * caller gives its moment (the demo seed).
 */
export async function replaceProjectedGoals(db: Db, params: { planId: string; goals: ProjectedGoal[]; actions: ProjectedAction[] }): Promise<void> {
  const { planId } = params;
  await db.transaction(async (tx) => {
    const wasDone = await tx
      .select({ actionId: projectedActions.actionId, doneAt: projectedActions.doneAt })
      .from(projectedActions)
      .where(and(eq(projectedActions.planId, planId), eq(projectedActions.done, true)));
    const doneSince = new Map(wasDone.map((a) => [a.actionId, a.doneAt]));
    const now = new Date();
    await tx.delete(projectedActions).where(eq(projectedActions.planId, planId));
    await tx.delete(projectedGoals).where(eq(projectedGoals.planId, planId));
    if (params.goals.length > 0) await tx.insert(projectedGoals).values(params.goals.map((g) => ({ ...g, planId })));
    const actions = params.actions.map((a) => ({ ...a, planId, doneAt: a.done ? (a.doneAt ?? doneSince.get(a.actionId) ?? now) : null }));
    if (actions.length > 0) await tx.insert(projectedActions).values(actions);
  });
}

/** Replaces the plan's projected safety summary and agreements (agreement ids unique per plan: the caller dedupes). */
export async function replaceProjectedSafety(db: Db, params: { planId: string; safety: ProjectedSafety; agreements: ProjectedAgreement[] }): Promise<void> {
  const { planId } = params;
  await db.transaction(async (tx) => {
    await tx.delete(projectedAgreements).where(eq(projectedAgreements.planId, planId));
    await tx.delete(projectedSafety).where(eq(projectedSafety.planId, planId));
    await tx.insert(projectedSafety).values({ ...params.safety, planId });
    if (params.agreements.length > 0) await tx.insert(projectedAgreements).values(params.agreements.map((a) => ({ ...a, planId })));
  });
}

/** Replaces the plan's projected evaluation (the Big Five stability check and the latest review). */
export async function replaceProjectedEvaluation(db: Db, params: { planId: string; evaluation: ProjectedEvaluation }): Promise<void> {
  const row = { ...params.evaluation, planId: params.planId, projectedAt: new Date() };
  await db.insert(projectedEvaluation).values(row).onConflictDoUpdate({ target: projectedEvaluation.planId, set: row });
}
