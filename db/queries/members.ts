/** Plan membership queries: who belongs to a plan, in which role, on which basis, and who holds regie. */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Level, PolicyMember } from '../../lib/policy';
import { isSectionKey, type SectionKey } from '../../lib/sections';
import type { Db } from '../client';
import { organisations, planMembers, planSectionOverrides, regieAssignments, users } from '../schema';

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
export async function loadOverrides(db: Db, params: { planId: string; role: MemberRow['role'] }): Promise<Partial<Record<SectionKey, Level>>> {
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

// --- membership management (invitations, consent, removal, regie) ---

/** Every membership of a plan (any status) with the person's name and email and the organisation's name. */
export async function listPlanMembers(db: Db, params: { planId: string }) {
  return db
    .select({
      id: planMembers.id,
      userId: planMembers.userId,
      name: users.name,
      email: users.email,
      organisationName: organisations.name,
      role: planMembers.role,
      basis: planMembers.basis,
      status: planMembers.status,
      gezag: planMembers.gezag,
      hoofdaanbieder: planMembers.hoofdaanbieder,
      createdAt: planMembers.createdAt,
      endedAt: planMembers.endedAt,
    })
    .from(planMembers)
    .innerJoin(users, eq(users.id, planMembers.userId))
    .leftJoin(organisations, eq(organisations.id, planMembers.organisationId))
    .where(eq(planMembers.planId, params.planId))
    .orderBy(asc(planMembers.createdAt));
}

/** One membership of a plan, locked for the rest of the transaction so two decisions about it do not interleave. */
export async function lockPlanMember(db: Db, params: { planId: string; memberId: string }): Promise<MemberRow | null> {
  const [row] = await db
    .select()
    .from(planMembers)
    .where(and(eq(planMembers.planId, params.planId), eq(planMembers.id, params.memberId)))
    .for('update')
    .limit(1);
  return row ?? null;
}

/** Sets a membership's status (and, when given, its basis); `beeindigd` also records when it ended. */
export async function setMemberStatus(db: Db, params: { memberId: string; status: MemberRow['status']; basis?: MemberRow['basis'] }): Promise<void> {
  await db
    .update(planMembers)
    .set({ status: params.status, endedAt: params.status === 'beeindigd' ? sql`now()` : null, ...(params.basis ? { basis: params.basis } : {}) })
    .where(eq(planMembers.id, params.memberId));
}

/**
 * Starts an ended membership again (a new invitation was accepted). `createdAt` becomes the start of the new
 * period, so consent decisions about the old period no longer count.
 */
export async function reopenMember(
  db: Db,
  params: Pick<MemberRow, 'id' | 'role' | 'basis' | 'status' | 'organisationId' | 'gezag' | 'hoofdaanbieder'>,
): Promise<MemberRow> {
  const { id, ...values } = params;
  const [row] = await db
    .update(planMembers)
    .set({ ...values, createdAt: sql`now()`, endedAt: null })
    .where(eq(planMembers.id, id))
    .returning();
  if (!row) throw new Error('reopen member: no such member');
  return row;
}

/** Current and past regisseur appointments of a plan, newest first, with names. */
export async function listRegieAssignments(db: Db, params: { planId: string }) {
  const appointer = alias(users, 'appointer');
  return db
    .select({
      id: regieAssignments.id,
      kind: regieAssignments.kind,
      userId: regieAssignments.userId,
      name: users.name,
      appointedByName: appointer.name,
      reason: regieAssignments.reason,
      startedAt: regieAssignments.startedAt,
      endedAt: regieAssignments.endedAt,
    })
    .from(regieAssignments)
    .innerJoin(users, eq(users.id, regieAssignments.userId))
    .leftJoin(appointer, eq(appointer.id, regieAssignments.appointedBy))
    .where(eq(regieAssignments.planId, params.planId))
    .orderBy(desc(regieAssignments.startedAt));
}

/** Ends a user's current appointment of a kind, if they hold one (a removed member stops directing). */
export async function endRegieOf(db: Db, params: { planId: string; userId: string; kind: 'casusregie' | 'procesregie' }): Promise<boolean> {
  const rows = await db
    .update(regieAssignments)
    .set({ endedAt: new Date() })
    .where(
      and(
        eq(regieAssignments.planId, params.planId),
        eq(regieAssignments.userId, params.userId),
        eq(regieAssignments.kind, params.kind),
        isNull(regieAssignments.endedAt),
      ),
    )
    .returning({ id: regieAssignments.id });
  return rows.length > 0;
}
