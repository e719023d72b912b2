/** Plan queries, always scoped by the member asking. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { PlanRole } from '../../lib/roles';
import type { Db } from '../client';
import { householdPeople, households, planMembers, plans, regieAssignments, users } from '../schema';

export interface MyPlan {
  id: string;
  householdName: string;
  role: PlanRole;
  status: (typeof plans.$inferSelect)['status'];
  kader: (typeof plans.$inferSelect)['kader'];
  isCasusregisseur: boolean;
}

/** The plans a user is an active member of, with their role in each. */
export async function listPlansOfUser(db: Db, params: { userId: string }): Promise<MyPlan[]> {
  const rows = await db
    .select({
      id: plans.id,
      householdName: households.name,
      role: planMembers.role,
      status: plans.status,
      kader: plans.kader,
      regieId: regieAssignments.id,
    })
    .from(planMembers)
    .innerJoin(plans, eq(plans.id, planMembers.planId))
    .innerJoin(households, eq(households.id, plans.householdId))
    .leftJoin(
      regieAssignments,
      and(
        eq(regieAssignments.planId, plans.id),
        eq(regieAssignments.userId, planMembers.userId),
        eq(regieAssignments.kind, 'casusregie'),
        isNull(regieAssignments.endedAt),
      ),
    )
    .where(and(eq(planMembers.userId, params.userId), eq(planMembers.status, 'actief')))
    .orderBy(asc(households.name));
  return rows.map(({ regieId, ...r }) => ({ ...r, isCasusregisseur: regieId !== null }));
}

export interface PlanOverview {
  id: string;
  householdId: string;
  householdName: string;
  status: (typeof plans.$inferSelect)['status'];
  kader: (typeof plans.$inferSelect)['kader'];
  summary: string;
  people: { id: string; name: string; relation: (typeof householdPeople.$inferSelect)['relation']; birthDate: string | null; gezag: boolean }[];
  casusregisseur: { userId: string; name: string | null } | null;
}

/** The plan header: household, people, frame and casusregisseur. Callers check membership first. */
export async function getPlanOverview(db: Db, params: { planId: string }): Promise<PlanOverview | null> {
  const [plan] = await db
    .select({ id: plans.id, householdId: plans.householdId, householdName: households.name, status: plans.status, kader: plans.kader, summary: plans.summary })
    .from(plans)
    .innerJoin(households, eq(households.id, plans.householdId))
    .where(eq(plans.id, params.planId))
    .limit(1);
  if (!plan) return null;
  const people = (await listHouseholdPeople(db, plan.householdId)).map(({ userId: _u, ...p }) => p);
  const [regie] = await db
    .select({ userId: regieAssignments.userId, name: users.name })
    .from(regieAssignments)
    .innerJoin(users, eq(users.id, regieAssignments.userId))
    .where(and(eq(regieAssignments.planId, params.planId), eq(regieAssignments.kind, 'casusregie'), isNull(regieAssignments.endedAt)))
    .limit(1);
  return { ...plan, people, casusregisseur: regie ?? null };
}

export interface NewPlanRecords {
  regionId: string;
  householdName: string;
  people: { name: string; relation: (typeof householdPeople.$inferInsert)['relation']; birthDate: string | null; gezag: boolean }[];
  kader: (typeof plans.$inferInsert)['kader'];
  summary: string;
  createdBy: string;
}

/**
 * Writes a new household with its people and its plan (status concept); returns the plan id. Run it inside the
 * transaction that also adds the first member, so a plan never exists without the one who started it.
 */
export async function insertPlanWithHousehold(db: Db, params: NewPlanRecords): Promise<string> {
  const [household] = await db.insert(households).values({ regionId: params.regionId, name: params.householdName }).returning({ id: households.id });
  if (!household) throw new Error('household insert returned nothing');
  if (params.people.length > 0) {
    await db.insert(householdPeople).values(params.people.map((p) => ({ householdId: household.id, ...p })));
  }
  const [plan] = await db
    .insert(plans)
    .values({ householdId: household.id, status: 'concept', kader: params.kader, summary: params.summary, createdBy: params.createdBy })
    .returning({ id: plans.id });
  if (!plan) throw new Error('plan insert returned nothing');
  return plan.id;
}

/** The people of a household in the order they were added, with their account when they have one. */
export async function listHouseholdPeople(db: Db, householdId: string) {
  return db
    .select({
      id: householdPeople.id,
      name: householdPeople.name,
      relation: householdPeople.relation,
      userId: householdPeople.userId,
      birthDate: householdPeople.birthDate,
      gezag: householdPeople.gezag,
    })
    .from(householdPeople)
    .where(eq(householdPeople.householdId, householdId))
    .orderBy(asc(householdPeople.createdAt), asc(householdPeople.name));
}
