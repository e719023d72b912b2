import 'server-only';
/**
 * Comment services: who may read and write comments on a section, valid anchors, the write and its audit event in
 * one transaction, and — after the commit — telling open editors of the section to refresh their comments.
 */
import * as Y from 'yjs';
import { addReply, createThread, findThread, listOpenThreads, resolveThread, type ThreadView } from '@/db/queries/comments';
import { transaction } from '@/db/transaction';
import { isUuid } from '@/lib/ids';
import { can } from '@/lib/policy';
import { docNameFor, type SectionKey } from '@/lib/sections';
import { auditAs, type Via } from '../audit/record';
import type { ServiceContext } from '../context';
import { Refusal, sectionNotFound } from '../refusal';
import { accessOf, seesSection, type Actor } from './actor';
import type { PlanAccess } from './plan-access';

export interface NewThread {
  anchorStart: string;
  anchorEnd: string;
  quote: string;
  body: string;
}

/** A thread that is not in this plan's section (or no longer open) and a malformed id look alike. */
export const threadNotFound = () => new Refusal('not_found', 'Deze reactie bestaat niet (meer).', { code: 'thread_not_found' });

/** The section a comment route acts on (the route shape has checked it); a route without one has no comments. */
export function commentSection(section: SectionKey | null): SectionKey {
  if (!section) throw sectionNotFound();
  return section;
}

/** Route guard: a malformed thread id answers as a missing thread, before the body is read. */
export async function requireThreadId({ params }: { params: Record<string, string | undefined> }): Promise<void> {
  if (!isUuid(params.threadId)) throw threadNotFound();
}

/** True when the string is a base64-encoded Yjs relative position. */
export function isRelativePosition(encoded: string): boolean {
  try {
    Y.decodeRelativePosition(new Uint8Array(Buffer.from(encoded, 'base64')));
    return true;
  } catch {
    return false;
  }
}

/** The member, when they may do `action` in the section; a section they may not see answers as missing. */
function requireRight(access: PlanAccess, section: SectionKey, action: 'read' | 'comment') {
  if (!seesSection(access, section)) throw sectionNotFound();
  if (!can(access.member, action, section)) {
    throw new Refusal('forbidden', action === 'comment' ? 'Je mag in dit onderdeel niet reageren.' : 'Je mag dit onderdeel niet lezen.', {
      code: 'not_allowed',
    });
  }
  return access.member;
}

/** Open threads of a section (resolved ones are kept, not listed), for anyone who may read it. */
export async function openThreads(ctx: Pick<ServiceContext, 'db'>, params: { actor: Actor; section: SectionKey }): Promise<ThreadView[]> {
  const access = await accessOf(ctx.db, params.actor);
  requireRight(access, params.section, 'read');
  return listOpenThreads(ctx.db, { planId: access.plan.id, section: params.section });
}

/** Starts a thread on a text range, for roles that may comment (or edit); returns its id. */
export async function startThread(
  ctx: Pick<ServiceContext, 'db' | 'realtime'>,
  params: { actor: Actor; section: SectionKey; input: NewThread; via: Via },
): Promise<string> {
  const access = await accessOf(ctx.db, params.actor);
  const member = requireRight(access, params.section, 'comment');
  const { input, section } = params;
  if (!isRelativePosition(input.anchorStart) || !isRelativePosition(input.anchorEnd)) {
    throw new Refusal('invalid', 'Ongeldig anker.', { code: 'invalid_anchor' });
  }
  const threadId = await transaction(ctx.db, async (tx) => {
    const id = await createThread(tx, { planId: member.planId, section, ...input, authorId: member.userId, authorRole: member.role });
    await auditAs(tx, member, 'comment.create', params.via, { section, details: { threadId: id } });
    return id;
  });
  ctx.realtime.notify(docNameFor(member.planId, section), 'comments');
  return threadId;
}

/** Replies to an open thread of this plan and section. */
export async function replyToThread(
  ctx: Pick<ServiceContext, 'db' | 'realtime'>,
  params: { actor: Actor; section: SectionKey; threadId: string; body: string; via: Via },
): Promise<void> {
  const access = await accessOf(ctx.db, params.actor);
  const member = requireRight(access, params.section, 'comment');
  const { section, threadId } = params;
  if (!isUuid(threadId)) throw threadNotFound();
  await transaction(ctx.db, async (tx) => {
    const thread = await findThread(tx, { planId: member.planId, section, threadId });
    if (!thread || thread.resolvedAt) throw threadNotFound();
    await addReply(tx, { threadId, authorId: member.userId, authorRole: member.role, body: params.body });
    await auditAs(tx, member, 'comment.reply', params.via, { section, details: { threadId } });
  });
  ctx.realtime.notify(docNameFor(member.planId, section), 'comments');
}

/** Marks an open thread as resolved (kept, no longer listed). */
export async function closeThread(
  ctx: Pick<ServiceContext, 'db' | 'realtime'>,
  params: { actor: Actor; section: SectionKey; threadId: string; via: Via },
): Promise<void> {
  const access = await accessOf(ctx.db, params.actor);
  const member = requireRight(access, params.section, 'comment');
  const { section, threadId } = params;
  if (!isUuid(threadId)) throw threadNotFound();
  await transaction(ctx.db, async (tx) => {
    const thread = await findThread(tx, { planId: member.planId, section, threadId });
    if (!thread || thread.resolvedAt) throw threadNotFound();
    await resolveThread(tx, { threadId, userId: member.userId });
    await auditAs(tx, member, 'comment.resolve', params.via, { section, details: { threadId } });
  });
  ctx.realtime.notify(docNameFor(member.planId, section), 'comments');
}
