import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { listPlansOfUser } from '@/db/queries/plans';
import { recordAudit } from '@/server/audit/record';
import { currentUser } from '@/server/auth/session';
import { clientAddress } from '@/server/http/client-address';
import { jsonError, notSignedIn } from '@/server/http/responses';
import { refuseCrossSite } from '@/server/http/same-origin';
import { StartPlanInput } from '@/lib/plan-input';
import { NotAllowedToStartPlan, startPlan } from '@/server/plans/start';

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

/** Starts a plan for a household; the local-team professional who starts it becomes casusregisseur. */
export async function POST(req: Request) {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const user = await currentUser();
  if (!user) return notSignedIn();
  const body: unknown = await req.json().catch(() => null);
  const parsed = StartPlanInput.safeParse(body);
  if (!parsed.success) {
    return NextResponse.json(
      { error: 'Niet alles is goed ingevuld.', issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
      { status: 400 },
    );
  }
  try {
    const planId = await startPlan(getDb(), { userId: user.id, input: parsed.data, accessPoint: clientAddress(req) });
    return NextResponse.json({ id: planId }, { status: 201 });
  } catch (err) {
    if (err instanceof NotAllowedToStartPlan) return jsonError(403, err.message);
    throw err;
  }
}
