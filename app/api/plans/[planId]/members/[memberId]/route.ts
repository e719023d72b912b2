import { NextResponse } from 'next/server';
import { RemoveMemberInput } from '@/lib/membership-input';
import { currentUser } from '@/server/auth/session';
import { invalidInput, readJson, refusalResponse, viaOf } from '@/server/http/membership-responses';
import { notSignedIn } from '@/server/http/responses';
import { refuseCrossSite } from '@/server/http/same-origin';
import { assertManager, membershipContext, removeMember } from '@/server/plans/membership';

export const dynamic = 'force-dynamic';

/** Ends a membership (casusregisseur only); the person's open live sections close at once. Optional body: `{ reason }`. */
export async function DELETE(req: Request, ctx: { params: Promise<{ planId: string; memberId: string }> }) {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const user = await currentUser();
  if (!user) return notSignedIn();
  const { planId, memberId } = await ctx.params;
  const context = membershipContext();
  try {
    await assertManager(context.db, { planId, userId: user.id });
    const parsed = RemoveMemberInput.safeParse((await readJson(req)) ?? {});
    if (!parsed.success) return invalidInput(parsed.error);
    const removed = await removeMember(context, { planId, actorId: user.id, memberId, reason: parsed.data.reason, via: viaOf(req) });
    return NextResponse.json(removed, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return refusalResponse(err);
  }
}
