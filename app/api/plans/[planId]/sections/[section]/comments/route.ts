import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { listOpenThreads } from '@/db/queries/comments';
import { NewThreadInput } from '@/lib/comment-input';
import { jsonError } from '@/server/http/responses';
import { refuseCrossSite } from '@/server/http/same-origin';
import { isRelativePosition, startThread } from '@/server/plans/comments';
import { requireSectionAccess } from '@/server/plans/section-access';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ planId: string; section: string }> };

/** Open comment threads of a section, for anyone who may read it. */
export async function GET(_req: Request, ctx: Ctx) {
  const access = await requireSectionAccess({ ...(await ctx.params), action: 'read' });
  if (!access.ok) return access.response;
  const threads = await listOpenThreads(getDb(), { planId: access.member.planId, section: access.section });
  return NextResponse.json({ threads }, { headers: { 'Cache-Control': 'no-store' } });
}

/** Starts a thread on a text range; for roles that may comment (or edit). */
export async function POST(req: Request, ctx: Ctx) {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const access = await requireSectionAccess({ ...(await ctx.params), action: 'comment' });
  if (!access.ok) return access.response;
  const parsed = NewThreadInput.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return jsonError(400, parsed.error.issues[0]?.message ?? 'Ongeldige reactie.');
  if (!isRelativePosition(parsed.data.anchorStart) || !isRelativePosition(parsed.data.anchorEnd)) return jsonError(400, 'Ongeldig anker.');
  const id = await startThread(access.member, access.section, parsed.data);
  return NextResponse.json({ id }, { status: 201 });
}
