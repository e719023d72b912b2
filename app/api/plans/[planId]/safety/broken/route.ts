import { NextResponse } from 'next/server';
import { BrokenAgreementInput } from '@/lib/safety-input';
import { clientAddress } from '@/server/http/client-address';
import { refuseCrossSite } from '@/server/http/same-origin';
import { requireSectionAccess } from '@/server/plans/section-access';
import { brokenDecisionsFor, mayReadBrokenDecisions, recordBrokenAgreementDecision } from '@/server/plans/safety';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ planId: string }> };

/**
 * The decisions about broken agreements (discussed with the family or not, and why not) for professionals who may
 * read the safety plan; the family and its network get an empty list and `visible: false`.
 */
export async function GET(_req: Request, ctx: Ctx) {
  const { planId } = await ctx.params;
  const access = await requireSectionAccess({ planId, section: 'veiligheid', action: 'read' });
  if (!access.ok) return access.response;
  return NextResponse.json(
    { visible: mayReadBrokenDecisions(access.member), decisions: await brokenDecisionsFor(access.member) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

/**
 * Records a broken safety agreement: whether the concern was discussed with the family and, if not, why — for
 * those who may edit the safety plan. Answers where the case can be put to the table (null when hidden).
 */
export async function POST(req: Request, ctx: Ctx) {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const { planId } = await ctx.params;
  const access = await requireSectionAccess({ planId, section: 'veiligheid', action: 'edit' });
  if (!access.ok) return access.response;
  const parsed = BrokenAgreementInput.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: parsed.error.issues[0]?.message ?? 'Ongeldige invoer.', issues: parsed.error.issues }, { status: 400 });
  const result = await recordBrokenAgreementDecision(access.member, parsed.data, { accessPoint: clientAddress(req), client: req.headers.get('user-agent') });
  return NextResponse.json(result, { status: 201 });
}
