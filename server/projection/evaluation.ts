/** Projects the evaluatie doc into `projected_evaluation`: the Big Five stability check and the latest review date. */
import { z } from 'zod';
import type { Db } from '../../db/client';
import { replaceProjectedEvaluation } from '../../db/queries/projection';

/** The part of the (already validated) evaluation reader output that the read model keeps. */
const ProjectableEvaluation = z.object({
  reviews: z.array(z.object({ date: z.string() })).default([]),
  stability: z.record(z.string(), z.object({ stable: z.boolean() })).default({}),
});

export async function projectEvaluation(db: Db, planId: string, evaluation: unknown): Promise<{ reviews: number }> {
  const parsed = ProjectableEvaluation.parse(evaluation);
  const dates = parsed.reviews
    .map((r) => r.date)
    .filter((d) => d !== '')
    .sort();
  const stability = Object.fromEntries(Object.entries(parsed.stability).map(([domain, entry]) => [domain, entry.stable]));
  await replaceProjectedEvaluation(db, {
    planId,
    evaluation: { stability, reviews: parsed.reviews.length, latestReviewDate: dates[dates.length - 1] ?? null },
  });
  return { reviews: parsed.reviews.length };
}
