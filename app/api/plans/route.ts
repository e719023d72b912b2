import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { listPlansOfUser } from '@/db/queries/plans';
import { recordAudit } from '@/server/audit/record';
import { currentUser } from '@/server/auth/session';
import { notSignedIn } from '@/server/http/responses';

export const dynamic = 'force-dynamic';

/** The signed-in person's plans: id, household name, role (and whether they are casusregisseur). */
export async function GET(req: Request) {
  const user = await currentUser();
  if (!user) return notSignedIn();
  const plans = await listPlansOfUser(getDb(), { userId: user.id });
  await recordAudit(getDb(), {
    action: 'plan.list',
    actorUserId: user.id,
    client: req.headers.get('user-agent'),
    details: { count: plans.length },
  });
  return NextResponse.json(
    { plans: plans.map((p) => ({ id: p.id, householdName: p.householdName, role: p.role, status: p.status, kader: p.kader, isCasusregisseur: p.isCasusregisseur })) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
