import 'server-only';
/**
 * What "Wie heeft ons plan bekeken?" (`/plannen/<id>/wie-keek`) loads: per day, who opened or changed which part
 * of the plan in the last days (NEN 7513 inzage), with parts the viewer may not see named only as "another part".
 * Looking is itself audited (`plan.audit_view`), after the list is read.
 */
import { listPlanAudit } from '@/db/queries/audit';
import { summariseAudit } from '@/lib/audit-summary';
import { can } from '@/lib/policy';
import { auditAs, type Via } from '../audit/record';
import type { ServiceContext } from '../context';
import { findPlanAccess } from '../plans/plan-access';

const DAY = 24 * 3600 * 1000;

export async function whoLookedPage(ctx: Pick<ServiceContext, 'db' | 'clock'>, params: { planId: string; userId: string; days: number; via: Via }) {
  const access = await findPlanAccess(ctx.db, params);
  if (!access) return null;
  const { member, plan } = access;
  const since = new Date(ctx.clock().getTime() - params.days * DAY);
  const events = await listPlanAudit(ctx.db, { planId: plan.id, since, limit: 2000 });
  await auditAs(ctx.db, member, 'plan.audit_view', params.via);
  return { householdName: plan.householdName, days: summariseAudit(events, (s) => can(member, 'see', s)) };
}
