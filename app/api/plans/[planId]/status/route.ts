import type { StatusChanged } from '@/lib/api/lifecycle';
import { StatusChangeInput } from '@/lib/plan-record-input';
import { planRoute } from '@/server/http/route';
import { changeStatus, ONLY_CASUSREGISSEUR_STATUS } from '@/server/plans/lifecycle';

export const dynamic = 'force-dynamic';

/**
 * Changes the plan's status `{ to, reason? }` (casusregisseur only). Letting go (waakvlam, afgesloten) without every
 * Big Five domain stable and without a reason answers 409 with what to do. Membership and the right are checked
 * before the body is read (404, then 403), so input errors never tell a stranger the plan exists.
 */
export const POST = planRoute(
  { access: { manage: true, forbidden: ONLY_CASUSREGISSEUR_STATUS }, body: StatusChangeInput },
  async ({ member, plan, sections, body, via, services }): Promise<StatusChanged<Date>> =>
    changeStatus(services, { actor: { member, plan, sections }, to: body.to, reason: body.reason, via }),
);
