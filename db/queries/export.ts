/** What a plan export needs beyond the live docs: every comment thread (open and resolved) of the visible sections. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PlanRole } from '../../lib/roles';
import type { Db } from '../client';
import { commentThreads } from '../schema';
import { commentsOfThreads } from './comments';

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
  const rows = await commentsOfThreads(
    db,
    threads.map((t) => t.id),
  );
  return threads.map((t) => ({
    section: t.section,
    quote: t.quote,
    createdAt: t.createdAt,
    resolvedAt: t.resolvedAt,
    comments: rows
      .filter((r) => r.threadId === t.id)
      .map((c) => ({ authorName: c.authorName, authorRole: c.authorRole, body: c.body, createdAt: c.createdAt })),
  }));
}
