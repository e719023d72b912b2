/** What a plan export needs beyond the live docs: every comment thread (open and resolved) of the visible sections. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PlanRole } from '../../lib/roles';
import type { Db } from '../client';
import { comments, commentThreads, users } from '../schema';

export interface ExportThread {
  section: string;
  quote: string;
  createdAt: Date;
  resolvedAt: Date | null;
  comments: { authorName: string | null; authorRole: PlanRole; body: string; createdAt: Date }[];
}

/** All threads of these sections of the plan, oldest first, with their comments; other sections never appear. */
export async function listThreadsForExport(db: Db, params: { planId: string; sections: readonly string[] }): Promise<ExportThread[]> {
  if (params.sections.length === 0) return [];
  const threads = await db
    .select()
    .from(commentThreads)
    .where(and(eq(commentThreads.planId, params.planId), inArray(commentThreads.section, [...params.sections])))
    .orderBy(asc(commentThreads.createdAt));
  if (threads.length === 0) return [];
  const rows = await db
    .select({ threadId: comments.threadId, authorName: users.name, authorRole: comments.authorRole, body: comments.body, createdAt: comments.createdAt })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(
      inArray(
        comments.threadId,
        threads.map((t) => t.id),
      ),
    )
    .orderBy(asc(comments.createdAt));
  return threads.map((t) => ({
    section: t.section,
    quote: t.quote,
    createdAt: t.createdAt,
    resolvedAt: t.resolvedAt,
    comments: rows.filter((r) => r.threadId === t.id).map(({ threadId: _t, ...c }) => c),
  }));
}
