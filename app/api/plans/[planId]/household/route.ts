import type { HouseholdResponse } from '@/lib/api/household';
import { authorSideOf } from '@/lib/shapes/family';
import { planRoute } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * Who belongs to the household (from SQL, the source of rights) for the gezin and netwerk sections, and the
 * signed-in member's role, from which the family's and the professionals' statements are told apart.
 * Any active member may ask: the plan page shows the same people in its header.
 */
export const GET = planRoute({ access: 'member', audit: { read: 'household' } }, async ({ plan, member }): Promise<HouseholdResponse> => ({
  householdName: plan.householdName,
  people: plan.people.map((p) => ({ id: p.id, name: p.name, relation: p.relation, birthDate: p.birthDate, gezag: p.gezag })),
  viewer: { role: member.role, side: authorSideOf(member.role) },
}));
