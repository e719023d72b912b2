import 'server-only';
/** What "Mijn plannen" (`/plannen`) and "Plan starten" (`/plannen/nieuw`) load. */
import { listPlansOfUser } from '@/db/queries/plans';
import type { MyPlan } from '@/lib/api/plans';
import { recordAudit, type Via } from '../audit/record';
import type { ServiceContext } from '../context';
import { canStartPlans } from '../plans/start';

/** The signed-in person's plans and whether they may start one; listing them is audited (`plan.list`). */
export async function myPlansPage(ctx: Pick<ServiceContext, 'db'>, params: { userId: string; via: Via }): Promise<{ plans: MyPlan[]; mayStart: boolean }> {
  const plans = await listPlansOfUser(ctx.db, { userId: params.userId });
  const mayStart = await canStartPlans(ctx.db, { userId: params.userId });
  await recordAudit(ctx.db, {
    action: 'plan.list',
    actorUserId: params.userId,
    accessPoint: params.via.accessPoint,
    client: params.via.client,
    details: { count: plans.length },
  });
  return { plans, mayStart };
}

/** Whether this person may start plans (local-team professionals); for anyone else "Plan starten" does not exist. */
export async function mayStartPlans(ctx: Pick<ServiceContext, 'db'>, params: { userId: string }): Promise<boolean> {
  return canStartPlans(ctx.db, params);
}
