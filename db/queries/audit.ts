/** The audit trail (NEN 7513): append-only events, and the family's view of who looked at their plan. */
import { and, desc, eq, gte } from 'drizzle-orm';
import type { Db } from '../client';
import { auditEvents, users } from '../schema';

export type AuditInsert = typeof auditEvents.$inferInsert;

/** Appends one event. The table refuses updates and deletes (migration 0001). */
export async function appendAuditEvent(db: Db, event: AuditInsert): Promise<void> {
  await db.insert(auditEvents).values(event);
}

/** Events of one plan since a moment, newest first, with the actor's name. */
export async function listPlanAudit(db: Db, params: { planId: string; since: Date; limit?: number }) {
  return db
    .select({
      at: auditEvents.at,
      action: auditEvents.action,
      section: auditEvents.section,
      actorRole: auditEvents.actorRole,
      actorName: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(eq(auditEvents.planId, params.planId), gte(auditEvents.at, params.since)))
    .orderBy(desc(auditEvents.at))
    .limit(params.limit ?? 500);
}
