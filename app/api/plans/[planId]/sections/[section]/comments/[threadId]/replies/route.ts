import type { CommentDone } from '@/lib/api/comments';
import { ReplyInput } from '@/lib/comment-input';
import { planRoute } from '@/server/http/route';
import { commentSection, replyToThread, requireThreadId } from '@/server/plans/comments';

export const dynamic = 'force-dynamic';

/** Adds a reply to an open thread. A malformed thread id answers 404 before the body is read. */
export const POST = planRoute(
  { access: { section: 'param', action: 'comment' }, guard: requireThreadId, body: ReplyInput, status: 201 },
  async ({ member, plan, sections, section, params, body, via, services }): Promise<CommentDone> => {
    await replyToThread(services, {
      actor: { member, plan, sections },
      section: commentSection(section),
      threadId: params.threadId ?? '',
      body: body.body,
      via,
    });
    return { ok: true } as const;
  },
);
