/** Projects the veiligheid doc into `projected_safety` (status, review date, counts) and `projected_agreements`. */
import { z } from 'zod';
import type { Db } from '../../db/client';
import { replaceProjectedSafety } from '../../db/queries/projection';

const ProjectableSafety = z.object({
  meta: z.object({ status: z.string(), reviewDate: z.string() }).partial().default({}),
  agreements: z
    .array(
      z.object({
        id: z.string(),
        what: z.string(),
        who: z.string(),
        status: z.string(),
        brokenAt: z.string().default(''),
        escalated: z.boolean().default(false),
      }),
    )
    .default([]),
});

export async function projectSafety(db: Db, planId: string, safety: unknown): Promise<{ agreements: number }> {
  const parsed = ProjectableSafety.parse(safety);
  const broken = parsed.agreements.filter((a) => a.status === 'verbroken').length;
  const seen = new Set<string>();
  const agreements = parsed.agreements
    .filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)))
    .map((a) => ({
      agreementId: a.id,
      what: a.what.slice(0, 300),
      who: a.who,
      status: a.status,
      brokenAt: a.status === 'verbroken' && a.brokenAt ? a.brokenAt : null,
      escalated: a.status === 'verbroken' && a.escalated,
    }));
  await replaceProjectedSafety(db, {
    planId,
    safety: {
      status: parsed.meta.status ?? 'concept',
      reviewDate: parsed.meta.reviewDate ? parsed.meta.reviewDate : null,
      agreements: parsed.agreements.length,
      brokenAgreements: broken,
    },
    agreements,
  });
  return { agreements: parsed.agreements.length };
}
