import { planRoute } from '@/server/http/route';
import type { PlanSummaryResponse } from '@/lib/api/plans';

export const dynamic = 'force-dynamic';

/**
 * The plan as the signed-in member may see it: their role, whether they are casusregisseur, and the sections
 * they may see with their right on each. Sections they may not see are absent, not marked.
 */
export const GET = planRoute({ access: 'member', audit: { read: 'api' } }, async ({ plan, member, sections }): Promise<PlanSummaryResponse> => ({
  id: plan.id,
  householdName: plan.householdName,
  status: plan.status,
  kader: plan.kader,
  role: member.role,
  isCasusregisseur: member.isCasusregisseur,
  sections: sections.map((s) => ({ key: s.key, right: s.level })),
}));
