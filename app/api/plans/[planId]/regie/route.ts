import { NextResponse } from 'next/server';
import { RegieChangeInput } from '@/lib/membership-input';
import { currentUser } from '@/server/auth/session';
import { invalidInput, readJson, refusalResponse, viaOf } from '@/server/http/membership-responses';
import { notSignedIn } from '@/server/http/responses';
import { refuseCrossSite } from '@/server/http/same-origin';
import { assertManager, changeRegie, membershipContext } from '@/server/plans/membership';

export const dynamic = 'force-dynamic';

/** Appoints a casus- or procesregisseur with a reason (casusregisseur only): `{ kind, userId, reason }`. History is kept. */
export async function POST(req: Request, ctx: { params: Promise<{ planId: string }> }) {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const user = await currentUser();
  if (!user) return notSignedIn();
  const { planId } = await ctx.params;
  const context = membershipContext();
  try {
    await assertManager(context.db, { planId, userId: user.id });
    const parsed = RegieChangeInput.safeParse(await readJson(req));
    if (!parsed.success) return invalidInput(parsed.error);
    const result = await changeRegie(context, { planId, actorId: user.id, input: parsed.data, via: viaOf(req) });
    return NextResponse.json(result, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return refusalResponse(err);
  }
}
