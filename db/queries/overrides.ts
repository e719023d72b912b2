/** Per-plan overrides of the permission matrix, kept with history (who, when, why). */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Level } from '../../lib/policy';
import type { PlanRole } from '../../lib/roles';
import type { Db } from '../client';
import { planSectionOverrides, users } from '../schema';

/** Sets (or, with level null, clears) the override for a role and section; the previous one is ended, not deleted. */
export async function setOverride(
  db: Db,
  params: { planId: string; role: PlanRole; section: string; level: Level | null; setBy: string; reason: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(planSectionOverrides)
      .set({ endedAt: new Date() })
      .where(
        and(
          eq(planSectionOverrides.planId, params.planId),
          eq(planSectionOverrides.role, params.role),
          eq(planSectionOverrides.section, params.section),
          isNull(planSectionOverrides.endedAt),
        ),
      );
    if (params.level !== null) {
      await tx.insert(planSectionOverrides).values({
        planId: params.planId,
        role: params.role,
        section: params.section,
        level: params.level,
        setBy: params.setBy,
        reason: params.reason,
      });
    }
  });
}

/** All overrides of a plan, active and ended, oldest first, with the name of who set them. */
export async function listOverrides(db: Db, params: { planId: string }) {
  return db
    .select({
      id: planSectionOverrides.id,
      role: planSectionOverrides.role,
      section: planSectionOverrides.section,
      level: planSectionOverrides.level,
      reason: planSectionOverrides.reason,
      setByName: users.name,
      createdAt: planSectionOverrides.createdAt,
      endedAt: planSectionOverrides.endedAt,
    })
    .from(planSectionOverrides)
    .innerJoin(users, eq(users.id, planSectionOverrides.setBy))
    .where(eq(planSectionOverrides.planId, params.planId))
    .orderBy(asc(planSectionOverrides.createdAt));
}
