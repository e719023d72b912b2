/** Plan membership queries: who belongs to a plan, in which role, on which basis, and who holds regie. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Level, PolicyMember } from '../../lib/policy';
import { isSectionKey, type SectionKey } from '../../lib/sections';
import type { Db } from '../client';
import { planMembers, planSectionOverrides, regieAssignments } from '../schema';

export type MemberRow = typeof planMembers.$inferSelect;

export interface LoadedMember extends PolicyMember {
  id: string;
  planId: string;
  userId: string;
  basis: MemberRow['basis'];
  gezag: boolean;
  hoofdaanbieder: boolean;
}

/** Loads the member as the policy needs it, fresh from the database; null when the user is not in the plan. */
export async function loadMember(db: Db, params: { planId: string; userId: string }): Promise<LoadedMember | null> {
  const rows = await db
    .select({ member: planMembers, regieId: regieAssignments.id })
    .from(planMembers)
    .leftJoin(
      regieAssignments,
      and(
        eq(regieAssignments.planId, planMembers.planId),
        eq(regieAssignments.userId, planMembers.userId),
        eq(regieAssignments.kind, 'casusregie'),
        isNull(regieAssignments.endedAt),
      ),
    )
    .where(and(eq(planMembers.planId, params.planId), eq(planMembers.userId, params.userId)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const m = row.member;
  const overrides = await loadOverrides(db, { planId: m.planId, role: m.role });
  return {
    id: m.id,
    planId: m.planId,
    userId: m.userId,
    role: m.role,
    status: m.status,
    basis: m.basis,
    gezag: m.gezag,
    hoofdaanbieder: m.hoofdaanbieder,
    isCasusregisseur: row.regieId !== null,
    overrides,
  };
}

/** The plan's active overrides of the default matrix for one role. */
export async function loadOverrides(
  db: Db,
  params: { planId: string; role: MemberRow['role'] },
): Promise<Partial<Record<SectionKey, Level>>> {
  const rows = await db
    .select({ section: planSectionOverrides.section, level: planSectionOverrides.level })
    .from(planSectionOverrides)
    .where(and(eq(planSectionOverrides.planId, params.planId), eq(planSectionOverrides.role, params.role), isNull(planSectionOverrides.endedAt)));
  const out: Partial<Record<SectionKey, Level>> = {};
  for (const r of rows) if (isSectionKey(r.section)) out[r.section] = r.level;
  return out;
}

/** Adds a member to a plan. */
export async function addMember(
  db: Db,
  params: Pick<typeof planMembers.$inferInsert, 'planId' | 'userId' | 'role' | 'basis'> &
    Partial<Pick<typeof planMembers.$inferInsert, 'organisationId' | 'gezag' | 'hoofdaanbieder' | 'status'>>,
): Promise<MemberRow> {
  const [row] = await db.insert(planMembers).values(params).returning();
  if (!row) throw new Error('insert plan member returned nothing');
  return row;
}

/** Appoints a regisseur of the given kind, ending the previous appointment (history is kept). */
export async function appointRegisseur(
  db: Db,
  params: { planId: string; kind: 'casusregie' | 'procesregie'; userId: string; appointedBy: string | null; reason: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(regieAssignments)
      .set({ endedAt: new Date() })
      .where(and(eq(regieAssignments.planId, params.planId), eq(regieAssignments.kind, params.kind), isNull(regieAssignments.endedAt)));
    await tx.insert(regieAssignments).values(params);
  });
}
