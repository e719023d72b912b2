/**
 * Projects the doelen doc into `projected_goals` and `projected_actions`: the whole set of a plan is replaced in
 * one transaction, so the read model always equals one consistent state of the doc.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { projectedActions, projectedGoals } from '../../db/schema';

/** The part of the (already validated) goals reader output that the read model keeps. */
const ProjectableGoals = z.array(
  z.object({
    id: z.string(),
    domain: z.string(),
    words: z.string(),
    forWhom: z.string(),
    owner: z.string(),
    status: z.string(),
    reviewDate: z.string(),
    actions: z.array(z.object({ id: z.string(), what: z.string(), owner: z.string(), due: z.string(), done: z.boolean() })),
  }),
);

const dateOrNull = (d: string) => (d === '' ? null : d);
const title = (s: string) => (s.length > 300 ? `${s.slice(0, 299)}…` : s);

/** Replaces the plan's projected goals and actions by `goals`; throws when the reader output has another shape. */
export async function projectGoals(db: Db, planId: string, goals: unknown): Promise<{ goals: number; actions: number }> {
  const parsed = ProjectableGoals.parse(goals);
  const actionRows = parsed.flatMap((g) =>
    g.actions.map((a) => ({ planId, actionId: a.id, goalId: g.id, title: title(a.what), owner: a.owner, dueDate: dateOrNull(a.due), done: a.done })),
  );
  await db.transaction(async (tx) => {
    await tx.delete(projectedActions).where(eq(projectedActions.planId, planId));
    await tx.delete(projectedGoals).where(eq(projectedGoals.planId, planId));
    if (parsed.length > 0) {
      await tx.insert(projectedGoals).values(
        parsed.map((g, position) => ({
          planId,
          goalId: g.id,
          domain: g.domain,
          title: title(g.words),
          forWhom: g.forWhom,
          owner: g.owner,
          status: g.status,
          reviewDate: dateOrNull(g.reviewDate),
          position,
        })),
      );
    }
    // Two goals could (maliciously) share an action id; the first one wins rather than failing the batch.
    const seen = new Set<string>();
    const unique = actionRows.filter((a) => (seen.has(a.actionId) ? false : (seen.add(a.actionId), true)));
    if (unique.length > 0) await tx.insert(projectedActions).values(unique);
  });
  return { goals: parsed.length, actions: actionRows.length };
}
