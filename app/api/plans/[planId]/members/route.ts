import { NextResponse } from 'next/server';
import { InviteInput } from '@/lib/membership-input';
import { currentUser } from '@/server/auth/session';
import { invalidInput, readJson, refusalResponse, viaOf } from '@/server/http/membership-responses';
import { notSignedIn } from '@/server/http/responses';
import { refuseCrossSite } from '@/server/http/same-origin';
import { assertManager, invite, listMembers, membershipContext } from '@/server/plans/membership';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ planId: string }> };

/** The plan's members (role, basis, status, who they wait for), open invitations and regie — for the casusregisseur. */
export async function GET(req: Request, ctx: Ctx) {
  const user = await currentUser();
  if (!user) return notSignedIn();
  const { planId } = await ctx.params;
  try {
    const list = await listMembers(membershipContext(), { planId, actorId: user.id, via: viaOf(req) });
    return NextResponse.json(list, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return refusalResponse(err);
  }
}

/** Invites someone into the plan in a role; the link goes by mail to the invited address only. */
export async function POST(req: Request, ctx: Ctx) {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const user = await currentUser();
  if (!user) return notSignedIn();
  const { planId } = await ctx.params;
  const context = membershipContext();
  try {
    await assertManager(context.db, { planId, userId: user.id });
    const parsed = InviteInput.safeParse(await readJson(req));
    if (!parsed.success) return invalidInput(parsed.error);
    const invitation = await invite(context, { planId, actorId: user.id, input: parsed.data, via: viaOf(req) });
    return NextResponse.json({ invitation }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return refusalResponse(err);
  }
}
