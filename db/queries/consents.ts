/**
 * Consent decisions (history: the latest decision per person counts) and the facts the consent rules of
 * lib/consent.ts need, always scoped by plan.
 */
import { and, asc, eq, gte } from 'drizzle-orm';
import type { Db } from '../client';
import { consents, households, planMembers, plans } from '../schema';
import { listHouseholdPeople } from './plans';

export type ConsentRow = typeof consents.$inferSelect;

/** Appends one decision. */
export async function insertConsent(db: Db, values: typeof consents.$inferInsert): Promise<ConsentRow> {
  const [row] = await db.insert(consents).values(values).returning();
  if (!row) throw new Error('insert consent returned nothing');
  return row;
}

/**
 * The decisions about the plan's memberships since each membership (re)started, oldest first. A membership that
 * ended and was reopened by a new invitation starts afresh: old refusals do not count against the new request.
 */
export async function listPlanDecisions(db: Db, params: { planId: string }) {
  return db
    .select({ memberId: consents.memberId, decidedBy: consents.decidedBy, decision: consents.decision, at: consents.createdAt })
    .from(consents)
    .innerJoin(planMembers, eq(planMembers.id, consents.memberId))
    .where(and(eq(consents.planId, params.planId), gte(consents.createdAt, planMembers.createdAt)))
    .orderBy(asc(consents.createdAt), asc(consents.id));
}

/** The plan's frame, starter and household (name, region), its household people, and all its memberships (any status). */
export async function loadPlanConsentFacts(db: Db, params: { planId: string }) {
  const [plan] = await db
    .select({
      id: plans.id,
      kader: plans.kader,
      createdBy: plans.createdBy,
      householdId: plans.householdId,
      householdName: households.name,
      regionId: households.regionId,
    })
    .from(plans)
    .innerJoin(households, eq(households.id, plans.householdId))
    .where(eq(plans.id, params.planId))
    .limit(1);
  if (!plan) return null;
  const people = await listHouseholdPeople(db, plan.householdId);
  const members = await db.select().from(planMembers).where(eq(planMembers.planId, params.planId)).orderBy(asc(planMembers.createdAt));
  return { plan, people, members };
}
