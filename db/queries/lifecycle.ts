/** The plan's status and its history of changes (with the Big Five check at each change). */
import { desc, eq } from 'drizzle-orm';
import type { PlanStatus } from '../../lib/roles';
import type { Db } from '../client';
import { plans, planStatusChanges, users } from '../schema';

/** The plan's status, locking the row for the rest of the transaction so two changes do not interleave. */
export async function lockPlanStatus(db: Db, params: { planId: string }): Promise<PlanStatus | null> {
  const [row] = await db.select({ status: plans.status }).from(plans).where(eq(plans.id, params.planId)).for('update').limit(1);
  return row?.status ?? null;
}

/** Sets the status and records the change with the stability snapshot and reason. */
export async function recordStatusChange(
  db: Db,
  params: { planId: string; from: PlanStatus; to: PlanStatus; stability: Record<string, unknown>; reason: string | null; changedBy: string },
): Promise<{ id: string; createdAt: Date }> {
  await db.update(plans).set({ status: params.to, updatedAt: new Date() }).where(eq(plans.id, params.planId));
  const [row] = await db
    .insert(planStatusChanges)
    .values({ planId: params.planId, from: params.from, to: params.to, stability: params.stability, reason: params.reason, changedBy: params.changedBy })
    .returning({ id: planStatusChanges.id, createdAt: planStatusChanges.createdAt });
  if (!row) throw new Error('status change insert returned nothing');
  return row;
}

/** The plan's status changes, newest first, with who made them. */
export async function listStatusChanges(db: Db, params: { planId: string }) {
  return db
    .select({
      id: planStatusChanges.id,
      from: planStatusChanges.from,
      to: planStatusChanges.to,
      stability: planStatusChanges.stability,
      reason: planStatusChanges.reason,
      changedByName: users.name,
      createdAt: planStatusChanges.createdAt,
    })
    .from(planStatusChanges)
    .innerJoin(users, eq(users.id, planStatusChanges.changedBy))
    .where(eq(planStatusChanges.planId, params.planId))
    .orderBy(desc(planStatusChanges.createdAt));
}
