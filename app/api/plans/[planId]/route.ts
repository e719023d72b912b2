import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { recordAudit } from '@/server/audit/record';
import { currentUser } from '@/server/auth/session';
import { clientAddress } from '@/server/http/client-address';
import { notSignedIn, planNotFound } from '@/server/http/responses';
import { loadPlanForMember } from '@/server/plans/access';

export const dynamic = 'force-dynamic';

/**
 * The plan as the signed-in member may see it: their role, whether they are casusregisseur, and the sections
 * they may see with their right on each. Sections they may not see are absent, not marked.
 */
export async function GET(req: Request, ctx: { params: Promise<{ planId: string }> }) {
  const user = await currentUser();
  if (!user) return notSignedIn();
  const { planId } = await ctx.params;
  const loaded = await loadPlanForMember({ planId, userId: user.id });
  if (!loaded) return planNotFound();
  const { member, plan, sections } = loaded;
  await recordAudit(getDb(), {
    action: 'plan.read',
    actorUserId: user.id,
    actorRole: member.role,
    planId,
    basis: member.basis,
    accessPoint: clientAddress(req),
    client: req.headers.get('user-agent'),
    details: { via: 'api' },
  });
  return NextResponse.json(
    {
      id: plan.id,
      householdName: plan.householdName,
      status: plan.status,
      kader: plan.kader,
      role: member.role,
      isCasusregisseur: member.isCasusregisseur,
      sections: sections.map((s) => ({ key: s.key, right: s.level })),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
