import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { SignInput } from '@/lib/plan-record-input';
import { currentUser } from '@/server/auth/session';
import { invalidInput, readJson, viaOf } from '@/server/http/membership-responses';
import { planRefusalResponse } from '@/server/http/plan-refusal';
import { notSignedIn } from '@/server/http/responses';
import { refuseCrossSite } from '@/server/http/same-origin';
import { requireMemberView } from '@/server/plans/plan-member';
import { signVersion } from '@/server/plans/versions';

export const dynamic = 'force-dynamic';

/** Signs a version `{ hash }` with the hash the signer saw; a different hash or a second signature answers 409. */
export async function POST(req: Request, ctx: { params: Promise<{ planId: string; versionId: string }> }) {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const user = await currentUser();
  if (!user) return notSignedIn();
  const { planId, versionId } = await ctx.params;
  try {
    await requireMemberView(getDb(), { planId, userId: user.id });
    const parsed = SignInput.safeParse(await readJson(req));
    if (!parsed.success) return invalidInput(parsed.error);
    const signature = await signVersion(getDb(), { planId, versionId, userId: user.id, hash: parsed.data.hash, via: viaOf(req) });
    return NextResponse.json(signature, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return planRefusalResponse(err);
  }
}
