/**
 * Decisions about broken safety agreements, as recorded in the append-only audit trail: whether the concern was
 * discussed with the family and, if not, why. Scoped by plan; the caller decides who may read them.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { auditEvents, users } from '../schema';

export interface BrokenAgreementDecision {
  agreementId: string;
  discussedWithFamily: boolean;
  reason: string | null;
  at: Date;
  actorName: string | null;
}

/** Every recorded decision of the plan, oldest first (the latest per agreement is the one in force). */
export async function listBrokenAgreementDecisions(db: Db, params: { planId: string }): Promise<BrokenAgreementDecision[]> {
  const rows = await db
    .select({ at: auditEvents.at, details: auditEvents.details, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(eq(auditEvents.planId, params.planId), eq(auditEvents.action, 'safety.agreement_broken')))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));
  return rows.flatMap((r) => {
    const d = r.details as { agreementId?: unknown; discussedWithFamily?: unknown; reason?: unknown };
    if (typeof d.agreementId !== 'string' || typeof d.discussedWithFamily !== 'boolean') return [];
    return [
      {
        agreementId: d.agreementId,
        discussedWithFamily: d.discussedWithFamily,
        reason: typeof d.reason === 'string' ? d.reason : null,
        at: r.at,
        actorName: r.actorName,
      },
    ];
  });
}
