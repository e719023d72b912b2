/** Demo people and their roles, for the demo sign-in page and scripted checks (demo mode only). */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { households, planMembers, plans, users } from '../schema';

export interface DemoPerson {
  name: string;
  email: string;
  plans: { planId: string; householdName: string; role: string }[];
}

export async function listDemoPeople(db: Db): Promise<DemoPerson[]> {
  const people = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.isDemo, true))
    .orderBy(asc(users.createdAt));
  const memberships = await db
    .select({ userId: planMembers.userId, planId: plans.id, householdName: households.name, role: planMembers.role })
    .from(planMembers)
    .innerJoin(plans, eq(plans.id, planMembers.planId))
    .innerJoin(households, eq(households.id, plans.householdId))
    .innerJoin(users, eq(users.id, planMembers.userId))
    .where(eq(users.isDemo, true));
  return people.map((p) => ({
    name: p.name ?? p.email,
    email: p.email,
    plans: memberships.filter((m) => m.userId === p.id).map(({ planId, householdName, role }) => ({ planId, householdName, role })),
  }));
}
