import { NextResponse } from 'next/server';
import { z } from 'zod';
import { ReplyInput } from '@/lib/comment-input';
import { jsonError } from '@/server/http/responses';
import { refuseCrossSite } from '@/server/http/same-origin';
import { replyToThread } from '@/server/plans/comments';
import { requireSectionAccess } from '@/server/plans/section-access';

type Ctx = { params: Promise<{ planId: string; section: string; threadId: string }> };

/** Adds a reply to an open thread. */
export async function POST(req: Request, ctx: Ctx) {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const { threadId, ...rest } = await ctx.params;
  const access = await requireSectionAccess({ ...rest, action: 'comment' });
  if (!access.ok) return access.response;
  if (!z.string().uuid().safeParse(threadId).success) return jsonError(404, 'Deze reactie bestaat niet.');
  const parsed = ReplyInput.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return jsonError(400, parsed.error.issues[0]?.message ?? 'Ongeldige reactie.');
  if (!(await replyToThread(access.member, access.section, threadId, parsed.data.body))) return jsonError(404, 'Deze reactie bestaat niet (meer).');
  return NextResponse.json({ ok: true }, { status: 201 });
}
