/**
 * Projects the doelen doc into `projected_goals` and `projected_actions`: the whole set of a plan is replaced in
 * one transaction, so the read model always equals one consistent state of the doc.
 */
import { z } from 'zod';
import type { Db } from '../../db/client';
import { replaceProjectedGoals } from '../../db/queries/projection';

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
    g.actions.map((a) => ({ actionId: a.id, goalId: g.id, title: title(a.what), owner: a.owner, dueDate: dateOrNull(a.due), done: a.done })),
  );
  // Two goals could (maliciously) share an action id; the first one wins rather than failing the batch.
  const seen = new Set<string>();
  const actions = actionRows.filter((a) => (seen.has(a.actionId) ? false : (seen.add(a.actionId), true)));
  await replaceProjectedGoals(db, {
    planId,
    goals: parsed.map((g, position) => ({
      goalId: g.id,
      domain: g.domain,
      title: title(g.words),
      forWhom: g.forWhom,
      owner: g.owner,
      status: g.status,
      reviewDate: dateOrNull(g.reviewDate),
      position,
    })),
    actions,
  });
  return { goals: parsed.length, actions: actionRows.length };
}
