import { NextResponse } from 'next/server';
import { SafetyRatingInput } from '@/lib/safety-input';
import { clientAddress } from '@/server/http/client-address';
import { refuseCrossSite } from '@/server/http/same-origin';
import { requireSectionAccess } from '@/server/plans/section-access';
import { mayRateSafety, rateSafety, safetyRatingsOf } from '@/server/plans/safety';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ planId: string }> };

/** The safety scale over time, for everyone who may read the safety plan; and whether this member may rate. */
export async function GET(_req: Request, ctx: Ctx) {
  const { planId } = await ctx.params;
  const access = await requireSectionAccess({ planId, section: 'veiligheid', action: 'read' });
  if (!access.ok) return access.response;
  const ratings = await safetyRatingsOf(access.member);
  return NextResponse.json(
    { ratings, mayRate: mayRateSafety(access.member), me: access.user.id },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

/** A party gives the safety scale a number (0–10); comment roles may, read-only roles may not. */
export async function POST(req: Request, ctx: Ctx) {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const { planId } = await ctx.params;
  const access = await requireSectionAccess({ planId, section: 'veiligheid', action: 'comment' });
  if (!access.ok) return access.response;
  const parsed = SafetyRatingInput.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: parsed.error.issues[0]?.message ?? 'Ongeldig cijfer.', issues: parsed.error.issues }, { status: 400 });
  const row = await rateSafety(access.member, parsed.data, { accessPoint: clientAddress(req), client: req.headers.get('user-agent') });
  return NextResponse.json(row, { status: 201 });
}
