import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { currentUser } from '@/server/auth/session';
import { planRefusalResponse } from '@/server/http/plan-refusal';
import { notSignedIn } from '@/server/http/responses';
import { outcomesFor } from '@/server/plans/outcomes';

export const dynamic = 'force-dynamic';

/**
 * Begin and latest rating per rater role, per goal and per Zelfredzaamheid domain, for members who may read the
 * evaluatie section (goals only for those who may read the goals too). It is fetched by the evaluatie section on
 * the plan page, whose opening is already audited there (`plan.read` with the section), so it logs nothing itself.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ planId: string }> }) {
  const user = await currentUser();
  if (!user) return notSignedIn();
  const { planId } = await ctx.params;
  try {
    return NextResponse.json(await outcomesFor(getDb(), { planId, userId: user.id }), { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return planRefusalResponse(err);
  }
}
