/** Household people: the link between a person in the household and their account. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { householdPeople } from '../schema';

/** Links a household person to an account, only while the person has none; returns whether it linked. */
export async function linkHouseholdPerson(db: Db, params: { householdId: string; personId: string; userId: string }): Promise<boolean> {
  const rows = await db
    .update(householdPeople)
    .set({ userId: params.userId })
    .where(and(eq(householdPeople.householdId, params.householdId), eq(householdPeople.id, params.personId), isNull(householdPeople.userId)))
    .returning({ id: householdPeople.id });
  return rows.length > 0;
}
