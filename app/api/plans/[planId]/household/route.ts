import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { authorSideOf } from '@/lib/shapes/family';
import { recordAudit } from '@/server/audit/record';
import { currentUser } from '@/server/auth/session';
import { clientAddress } from '@/server/http/client-address';
import { notSignedIn, planNotFound } from '@/server/http/responses';
import { loadPlanForMember } from '@/server/plans/access';

export const dynamic = 'force-dynamic';

/**
 * Who belongs to the household (from SQL, the source of rights) for the gezin and netwerk sections, and the
 * signed-in member's role, from which the family's and the professionals' statements are told apart.
 * Any active member may ask: the plan page shows the same people in its header.
 */
export async function GET(req: Request, ctx: { params: Promise<{ planId: string }> }) {
  const user = await currentUser();
  if (!user) return notSignedIn();
  const { planId } = await ctx.params;
  const loaded = await loadPlanForMember({ planId, userId: user.id });
  if (!loaded) return planNotFound();
  const { member, plan } = loaded;
  await recordAudit(getDb(), {
    action: 'plan.read',
    actorUserId: user.id,
    actorRole: member.role,
    planId,
    basis: member.basis,
    accessPoint: clientAddress(req),
    client: req.headers.get('user-agent'),
    details: { via: 'household' },
  });
  return NextResponse.json(
    {
      householdName: plan.householdName,
      people: plan.people.map((p) => ({ id: p.id, name: p.name, relation: p.relation, birthDate: p.birthDate, gezag: p.gezag })),
      viewer: { role: member.role, side: authorSideOf(member.role) },
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
