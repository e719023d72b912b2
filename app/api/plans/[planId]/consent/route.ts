import { NextResponse } from 'next/server';
import { ConsentDecisionInput } from '@/lib/membership-input';
import { currentUser } from '@/server/auth/session';
import { invalidInput, readJson, refusalResponse, viaOf } from '@/server/http/membership-responses';
import { notSignedIn } from '@/server/http/responses';
import { refuseCrossSite } from '@/server/http/same-origin';
import { assertDecider, decideConsent, listConsentRequests, membershipContext } from '@/server/plans/membership';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ planId: string }> };

/** The consent requests the signed-in parent (with gezag) or young person (12+) may decide about. */
export async function GET(req: Request, ctx: Ctx) {
  const user = await currentUser();
  if (!user) return notSignedIn();
  const { planId } = await ctx.params;
  try {
    const requests = await listConsentRequests(membershipContext(), { planId, actorId: user.id, via: viaOf(req) });
    return NextResponse.json(requests, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return refusalResponse(err);
  }
}

/** Gives, refuses or withdraws consent: `{ memberId, decision: 'give' | 'refuse' | 'withdraw', reason? }`. */
export async function POST(req: Request, ctx: Ctx) {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const user = await currentUser();
  if (!user) return notSignedIn();
  const { planId } = await ctx.params;
  const context = membershipContext();
  try {
    await assertDecider(context.db, { planId, userId: user.id });
    const parsed = ConsentDecisionInput.safeParse(await readJson(req));
    if (!parsed.success) return invalidInput(parsed.error);
    const result = await decideConsent(context, { planId, actorId: user.id, input: parsed.data, via: viaOf(req) });
    return NextResponse.json(result, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return refusalResponse(err);
  }
}
