import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { StatusChangeInput } from '@/lib/plan-record-input';
import { currentUser } from '@/server/auth/session';
import { invalidInput, readJson, viaOf } from '@/server/http/membership-responses';
import { planRefusalResponse } from '@/server/http/plan-refusal';
import { notSignedIn } from '@/server/http/responses';
import { refuseCrossSite } from '@/server/http/same-origin';
import { changeStatus } from '@/server/plans/lifecycle';
import { requireMemberView } from '@/server/plans/plan-member';

export const dynamic = 'force-dynamic';

/**
 * Changes the plan's status `{ to, reason? }` (casusregisseur only). Letting go (waakvlam, afgesloten) without every
 * Big Five domain stable and without a reason answers 409 with what to do.
 */
export async function POST(req: Request, ctx: { params: Promise<{ planId: string }> }) {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const user = await currentUser();
  if (!user) return notSignedIn();
  const { planId } = await ctx.params;
  try {
    // Membership first (404), so input errors never tell a stranger the plan exists.
    await requireMemberView(getDb(), { planId, userId: user.id });
    const parsed = StatusChangeInput.safeParse(await readJson(req));
    if (!parsed.success) return invalidInput(parsed.error);
    const result = await changeStatus(getDb(), { planId, actorId: user.id, to: parsed.data.to, reason: parsed.data.reason, via: viaOf(req) });
    return NextResponse.json(result, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return planRefusalResponse(err);
  }
}
