/** Invitations to join a plan: single use, expiring, only the token's hash stored. Always scoped by plan or token. */
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { households, invitations, organisations, planMembers, plans, users } from '../schema';

export type InvitationRow = typeof invitations.$inferSelect;

/** Stores a new invitation. */
export async function insertInvitation(db: Db, values: typeof invitations.$inferInsert): Promise<InvitationRow> {
  const [row] = await db.insert(invitations).values(values).returning();
  if (!row) throw new Error('insert invitation returned nothing');
  return row;
}

/** Revokes every open invitation of this address to this plan (a new invitation replaces the old one). */
export async function revokeOpenInvitations(db: Db, params: { planId: string; email: string; now: Date }): Promise<void> {
  await db
    .update(invitations)
    .set({ revokedAt: params.now })
    .where(
      and(
        eq(invitations.planId, params.planId),
        sql`lower(${invitations.email}) = lower(${params.email})`,
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
      ),
    );
}

/** Revokes one invitation (e.g. when its mail could not be sent). */
export async function revokeInvitation(db: Db, params: { id: string; now: Date }): Promise<void> {
  await db
    .update(invitations)
    .set({ revokedAt: params.now })
    .where(and(eq(invitations.id, params.id), isNull(invitations.usedAt)));
}

export interface InvitationView {
  invitation: InvitationRow;
  householdName: string;
  kader: (typeof plans.$inferSelect)['kader'];
  inviterName: string | null;
  inviterOrganisation: string | null;
  /** The inviter's role in the plan (null if they no longer have a membership row). */
  inviterRole: (typeof planMembers.$inferSelect)['role'] | null;
  organisationName: string | null;
}

const inviter = alias(users, 'inviter');
const inviterOrg = alias(organisations, 'inviter_org');

/** The invitation with a token hash, with what the invitee needs to see: family, inviter, organisation. */
export async function findInvitationByTokenHash(db: Db, params: { tokenHash: string }): Promise<InvitationView | null> {
  const [row] = await db
    .select({
      invitation: invitations,
      householdName: households.name,
      kader: plans.kader,
      inviterName: inviter.name,
      inviterOrganisation: inviterOrg.name,
      inviterRole: planMembers.role,
      organisationName: organisations.name,
    })
    .from(invitations)
    .innerJoin(plans, eq(plans.id, invitations.planId))
    .innerJoin(households, eq(households.id, plans.householdId))
    .innerJoin(inviter, eq(inviter.id, invitations.invitedBy))
    .leftJoin(inviterOrg, eq(inviterOrg.id, inviter.organisationId))
    .leftJoin(planMembers, and(eq(planMembers.planId, invitations.planId), eq(planMembers.userId, invitations.invitedBy)))
    .leftJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(eq(invitations.tokenHash, params.tokenHash))
    .limit(1);
  return row ?? null;
}

/**
 * Marks the invitation used, but only if it is still open (not used, not revoked, not expired): the one statement
 * that makes an invitation single use, also when two requests race. Returns null when it was not open.
 */
export async function claimInvitation(db: Db, params: { id: string; userId: string; now: Date }): Promise<InvitationRow | null> {
  const [row] = await db
    .update(invitations)
    .set({ usedAt: params.now, usedBy: params.userId })
    .where(and(eq(invitations.id, params.id), isNull(invitations.usedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, params.now)))
    .returning();
  return row ?? null;
}

/** Open invitations of a plan, newest first. */
export async function listOpenInvitations(db: Db, params: { planId: string; now: Date }) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      organisationName: organisations.name,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .leftJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(and(eq(invitations.planId, params.planId), isNull(invitations.usedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, params.now)))
    .orderBy(desc(invitations.createdAt));
}

/** Per member of the plan who joined by invitation: the inviter's role in the plan (latest used invitation wins). */
export async function inviterRolesOfPlan(db: Db, params: { planId: string }): Promise<Map<string, (typeof planMembers.$inferSelect)['role']>> {
  const rows = await db
    .select({ userId: invitations.usedBy, role: planMembers.role, usedAt: invitations.usedAt })
    .from(invitations)
    .innerJoin(planMembers, and(eq(planMembers.planId, invitations.planId), eq(planMembers.userId, invitations.invitedBy)))
    .where(and(eq(invitations.planId, params.planId), sql`${invitations.usedBy} is not null`))
    .orderBy(invitations.usedAt);
  const out = new Map<string, (typeof planMembers.$inferSelect)['role']>();
  for (const r of rows) if (r.userId) out.set(r.userId, r.role);
  return out;
}
