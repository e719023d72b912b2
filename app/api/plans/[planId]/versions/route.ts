import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { VersionInput } from '@/lib/plan-record-input';
import { currentUser } from '@/server/auth/session';
import { invalidInput, readJson, viaOf } from '@/server/http/membership-responses';
import { planRefusalResponse } from '@/server/http/plan-refusal';
import { notSignedIn } from '@/server/http/responses';
import { refuseCrossSite } from '@/server/http/same-origin';
import { requireMemberView } from '@/server/plans/plan-member';
import { createVersion, versionsOfPlan } from '@/server/plans/versions';

export const dynamic = 'force-dynamic';

/** The plan's versions with who signed each (any member). */
export async function GET(_req: Request, ctx: { params: Promise<{ planId: string }> }) {
  const user = await currentUser();
  if (!user) return notSignedIn();
  const { planId } = await ctx.params;
  try {
    const versions = await versionsOfPlan(getDb(), { planId, userId: user.id });
    return NextResponse.json({ versions }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return planRefusalResponse(err);
  }
}

/** Snapshots every section as a named version `{ name }` (casusregisseur only). */
export async function POST(req: Request, ctx: { params: Promise<{ planId: string }> }) {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const user = await currentUser();
  if (!user) return notSignedIn();
  const { planId } = await ctx.params;
  try {
    await requireMemberView(getDb(), { planId, userId: user.id });
    const parsed = VersionInput.safeParse(await readJson(req));
    if (!parsed.success) return invalidInput(parsed.error);
    const version = await createVersion(getDb(), { planId, actorId: user.id, name: parsed.data.name, via: viaOf(req) });
    return NextResponse.json(version, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return planRefusalResponse(err);
  }
}
