/** Comment threads anchored to text ranges of a section; server-side records with author and time. */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { PlanRole } from '../../lib/roles';
import type { Db } from '../client';
import { comments, commentThreads, users } from '../schema';

export interface CommentView {
  id: string;
  authorId: string;
  authorName: string | null;
  authorRole: PlanRole;
  body: string;
  createdAt: Date;
}

export interface ThreadView {
  id: string;
  section: string;
  anchorStart: string;
  anchorEnd: string;
  quote: string;
  createdBy: string;
  createdAt: Date;
  resolvedAt: Date | null;
  comments: CommentView[];
}

/** Open threads of one section (resolved ones are kept but not listed), oldest first, with their comments. */
export async function listOpenThreads(db: Db, params: { planId: string; section: string }): Promise<ThreadView[]> {
  const threads = await db
    .select()
    .from(commentThreads)
    .where(and(eq(commentThreads.planId, params.planId), eq(commentThreads.section, params.section), isNull(commentThreads.resolvedAt)))
    .orderBy(asc(commentThreads.createdAt));
  if (threads.length === 0) return [];
  const rows = await commentsOfThreads(
    db,
    threads.map((t) => t.id),
  );
  return threads.map((t) => ({
    id: t.id,
    section: t.section,
    anchorStart: t.anchorStart,
    anchorEnd: t.anchorEnd,
    quote: t.quote,
    createdBy: t.createdBy,
    createdAt: t.createdAt,
    resolvedAt: t.resolvedAt,
    comments: rows.filter((r) => r.threadId === t.id).map(({ threadId: _t, ...c }) => c),
  }));
}

/** The comments of these threads, oldest first, each with its thread and its author's name. */
export async function commentsOfThreads(db: Db, threadIds: string[]): Promise<(CommentView & { threadId: string })[]> {
  if (threadIds.length === 0) return [];
  return db
    .select({
      id: comments.id,
      threadId: comments.threadId,
      authorId: comments.authorId,
      authorName: users.name,
      authorRole: comments.authorRole,
      body: comments.body,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(inArray(comments.threadId, threadIds))
    .orderBy(asc(comments.createdAt));
}

/** Starts a thread with its first comment, in one transaction; returns the thread id. */
export async function createThread(
  db: Db,
  params: { planId: string; section: string; anchorStart: string; anchorEnd: string; quote: string; authorId: string; authorRole: PlanRole; body: string },
): Promise<string> {
  return db.transaction(async (tx) => {
    const [thread] = await tx
      .insert(commentThreads)
      .values({
        planId: params.planId,
        section: params.section,
        anchorStart: params.anchorStart,
        anchorEnd: params.anchorEnd,
        quote: params.quote,
        createdBy: params.authorId,
      })
      .returning({ id: commentThreads.id });
    if (!thread) throw new Error('thread insert returned nothing');
    await tx.insert(comments).values({ threadId: thread.id, authorId: params.authorId, authorRole: params.authorRole, body: params.body });
    return thread.id;
  });
}

/** The thread if it belongs to this plan and section (no cross-plan access by guessing a thread id). */
export async function findThread(db: Db, params: { planId: string; section: string; threadId: string }) {
  const [row] = await db
    .select()
    .from(commentThreads)
    .where(and(eq(commentThreads.id, params.threadId), eq(commentThreads.planId, params.planId), eq(commentThreads.section, params.section)))
    .limit(1);
  return row ?? null;
}

export async function addReply(db: Db, params: { threadId: string; authorId: string; authorRole: PlanRole; body: string }): Promise<void> {
  await db.insert(comments).values(params);
}

export async function resolveThread(db: Db, params: { threadId: string; userId: string }): Promise<void> {
  await db
    .update(commentThreads)
    .set({ resolvedAt: new Date(), resolvedBy: params.userId })
    .where(and(eq(commentThreads.id, params.threadId), isNull(commentThreads.resolvedAt)));
}
