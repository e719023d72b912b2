import type { ThreadsResponse, ThreadStarted } from '@/lib/api/comments';
import { NewThreadInput } from '@/lib/comment-input';
import { planRoute } from '@/server/http/route';
import { commentSection, openThreads, startThread } from '@/server/plans/comments';

export const dynamic = 'force-dynamic';
type Params = { planId: string; section: string };

/** Open comment threads of a section, for anyone who may read it. Audited as a read of that section. */
export const GET = planRoute<Params>(
  { access: { section: 'param', action: 'read' }, audit: { read: 'comments' } },
  async ({ member, plan, sections, section, services }): Promise<ThreadsResponse<Date>> => ({
    threads: await openThreads(services, { actor: { member, plan, sections }, section: commentSection(section) }),
  }),
);

/** Starts a thread on a text range; for roles that may comment (or edit). */
export const POST = planRoute(
  { access: { section: 'param', action: 'comment' }, body: NewThreadInput, status: 201 },
  async ({ member, plan, sections, section, body, via, services }): Promise<ThreadStarted> => ({
    id: await startThread(services, { actor: { member, plan, sections }, section: commentSection(section), input: body, via }),
  }),
);
