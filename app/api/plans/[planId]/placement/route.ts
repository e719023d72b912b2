import type { PlacementState } from '@/lib/api/overzicht';
import { PlacementInput } from '@/lib/placement-input';
import { placementState, setPlacement } from '@/server/dashboard/placement';
import { planRoute } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/** The threatened out-of-home placement flag and its history (professionals who may read the professional section). */
export const GET = planRoute({ access: 'member', audit: { read: 'placement' } }, async ({ member, plan, sections, services }): Promise<PlacementState> =>
  placementState(services, { actor: { member, plan, sections } }),
);

/** Sets or lifts the flag `{ threatened, reason }` (casusregisseur only); answers the new state. */
export const POST = planRoute(
  { access: { manage: true, forbidden: 'Alleen de casusregisseur kan een dreigende uithuisplaatsing melden of opheffen.' }, body: PlacementInput, status: 201 },
  async ({ member, plan, sections, body, via, services }): Promise<PlacementState> =>
    setPlacement(services, { actor: { member, plan, sections }, input: body, via }),
);
