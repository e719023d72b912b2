import type { PlanListResponse, PlanStarted } from '@/lib/api/plans';
import { StartPlanInput } from '@/lib/plan-input';
import { userRoute } from '@/server/http/route';
import { myPlansPage } from '@/server/pages/plans';
import { startPlan } from '@/server/plans/start';

export const dynamic = 'force-dynamic';

/**
 * The signed-in person's plans: id, household name, role (and whether they are casusregisseur), as "Mijn plannen"
 * lists them. Audited as 'plan.list' with access point and client.
 */
export const GET = userRoute({}, async ({ user, via, services }): Promise<PlanListResponse> => {
  const { plans } = await myPlansPage(services, { userId: user.id, via });
  return {
    plans: plans.map((p) => ({
      id: p.id,
      householdName: p.householdName,
      role: p.role,
      status: p.status,
      kader: p.kader,
      isCasusregisseur: p.isCasusregisseur,
    })),
  };
});

/** Starts a plan for a household; the local-team professional who starts it becomes casusregisseur. */
export const POST = userRoute({ body: StartPlanInput, status: 201 }, async ({ user, via, body, services }): Promise<PlanStarted> => ({
  id: await startPlan(services, { userId: user.id, input: body, via }),
}));
