import type { OutcomesResponse } from '@/lib/api/outcomes';
import { planRoute } from '@/server/http/route';
import { outcomesFor } from '@/server/plans/outcomes';

export const dynamic = 'force-dynamic';

/**
 * Begin and latest rating per rater role, per goal and per Zelfredzaamheid domain, for members who may read the
 * evaluatie section (goals only for those who may read the goals too). Audited as a read of the evaluatie section.
 */
export const GET = planRoute(
  { access: { section: 'evaluatie', action: 'read' }, audit: { read: 'outcomes' } },
  async ({ member, plan, sections, services }): Promise<OutcomesResponse> => outcomesFor(services, { actor: { member, plan, sections } }),
);
