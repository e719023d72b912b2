import { NextResponse } from 'next/server';
import { z } from 'zod';
import { jsonError } from '@/server/http/responses';
import { refuseCrossSite } from '@/server/http/same-origin';
import { closeThread } from '@/server/plans/comments';
import { requireSectionAccess } from '@/server/plans/section-access';

type Ctx = { params: Promise<{ planId: string; section: string; threadId: string }> };

/** Marks a thread as resolved (kept, no longer listed). */
export async function POST(req: Request, ctx: Ctx) {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const { threadId, ...rest } = await ctx.params;
  const access = await requireSectionAccess({ ...rest, action: 'comment' });
  if (!access.ok) return access.response;
  if (!z.string().uuid().safeParse(threadId).success) return jsonError(404, 'Deze reactie bestaat niet.');
  if (!(await closeThread(access.member, access.section, threadId))) return jsonError(404, 'Deze reactie bestaat niet (meer).');
  return NextResponse.json({ ok: true });
}
