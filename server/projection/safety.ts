/** Projects the veiligheid doc into `projected_safety` (status, review date, counts) and `projected_agreements`. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { projectedAgreements, projectedSafety } from '../../db/schema';

const ProjectableSafety = z.object({
  meta: z.object({ status: z.string(), reviewDate: z.string() }).partial().default({}),
  agreements: z.array(z.object({ id: z.string(), what: z.string(), who: z.string(), status: z.string() })).default([]),
});

export async function projectSafety(db: Db, planId: string, safety: unknown): Promise<{ agreements: number }> {
  const parsed = ProjectableSafety.parse(safety);
  const broken = parsed.agreements.filter((a) => a.status === 'verbroken').length;
  await db.transaction(async (tx) => {
    await tx.delete(projectedAgreements).where(eq(projectedAgreements.planId, planId));
    await tx.delete(projectedSafety).where(eq(projectedSafety.planId, planId));
    await tx.insert(projectedSafety).values({
      planId,
      status: parsed.meta.status ?? 'concept',
      reviewDate: parsed.meta.reviewDate ? parsed.meta.reviewDate : null,
      agreements: parsed.agreements.length,
      brokenAgreements: broken,
    });
    const seen = new Set<string>();
    const rows = parsed.agreements
      .filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)))
      .map((a) => ({ planId, agreementId: a.id, what: a.what.slice(0, 300), who: a.who, status: a.status }));
    if (rows.length > 0) await tx.insert(projectedAgreements).values(rows);
  });
  return { agreements: parsed.agreements.length };
}
