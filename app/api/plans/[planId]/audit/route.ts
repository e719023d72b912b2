import type { PlanAuditResponse } from '@/lib/api/audit';
import { planRoute } from '@/server/http/route';
import { whoLookedPage } from '@/server/pages/who-looked';
import { planNotFound } from '@/server/refusal';

export const dynamic = 'force-dynamic';

/** The window of "Wie heeft ons plan bekeken?" (app/plannen/[planId]/wie-keek/page.tsx). */
const DAYS = 30;

/**
 * "Wie heeft ons plan bekeken?" for any member: per day, who opened or changed which part of the plan, exactly as
 * the family's page shows it (the same loader: a section the reader may not see is never named). Audited by the
 * loader as 'plan.audit_view'.
 */
export const GET = planRoute({ access: 'member', audit: 'service' }, async ({ member, via, services }): Promise<PlanAuditResponse> => {
  const page = await whoLookedPage(services, { planId: member.planId, userId: member.userId, days: DAYS, via });
  if (!page) throw planNotFound();
  return {
    windowDays: DAYS,
    days: page.days.map((d) => ({ day: d.day, lines: d.lines.map((l) => ({ ...l, first: l.first.toISOString(), last: l.last.toISOString() })) })),
  };
});
