/**
 * Who acts in a plan service. A route hands over the plan access it already loaded (planRoute loads the member
 * once, from the database), so the member is not loaded twice; a test or a script names the plan and the user, and
 * the service loads the access itself. Either way the service checks the rights it needs on that access.
 */
import type { Db } from '@/db/client';
import { requirePlanAccess, type PlanAccess } from './plan-access';

export type Actor = PlanAccess | { planId: string; userId: string };

/** The actor's access to the plan; a user who is not an active member gets the not-found refusal. */
export async function accessOf(db: Db, actor: Actor): Promise<PlanAccess> {
  return 'member' in actor ? actor : requirePlanAccess(db, actor);
}

/** Whether the plan has this section for the member (visible to them now). */
export function seesSection(access: PlanAccess, section: string): boolean {
  return access.sections.some((s) => s.key === section);
}
