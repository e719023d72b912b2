import type { CommentDone } from '@/lib/api/comments';
import { planRoute } from '@/server/http/route';
import { closeThread, commentSection, requireThreadId } from '@/server/plans/comments';

export const dynamic = 'force-dynamic';

/** Marks a thread as resolved (kept, no longer listed). */
export const POST = planRoute(
  { access: { section: 'param', action: 'comment' }, guard: requireThreadId },
  async ({ member, plan, sections, section, params, via, services }): Promise<CommentDone> => {
    await closeThread(services, { actor: { member, plan, sections }, section: commentSection(section), threadId: params.threadId ?? '', via });
    return { ok: true } as const;
  },
);
