/**
 * One way to write an audit event (NEN 7513): who, in which role, on whose behalf, from which access point and
 * client, which plan and section, and on which basis.
 */
import { appendAuditEvent } from '../../db/queries/audit';
import type { Db } from '../../db/client';

export type AuditAction =
  | 'section.open'
  | 'section.write'
  | 'plan.read'
  | 'plan.create'
  | 'comment.create'
  | 'comment.reply'
  | 'comment.resolve'
  | 'plan.list'
  | 'plan.audit_view'
  | 'auth.sign_in'
  | 'auth.sign_in_refused'
  // membership and consent (server/plans/membership.ts)
  | 'membership.list'
  | 'membership.invite'
  | 'membership.accept'
  | 'membership.remove'
  | 'consent.view'
  | 'consent.give'
  | 'consent.refuse'
  | 'consent.withdraw'
  | 'regie.change'
  | 'override.set'
  // lifecycle, versions and export (server/plans/lifecycle.ts, versions.ts, server/export/)
  | 'plan.status_change'
  | 'plan.export'
  | 'version.create'
  | 'version.view'
  | 'version.sign'
  // ratings (server/plans/ratings.ts)
  | 'rating.create'
  // safety plan (app/api/plans/[planId]/safety*)
  | 'safety.rate'
  | 'safety.agreement_broken';

export interface AuditEvent {
  action: AuditAction;
  actorUserId: string | null;
  actorRole?: string | null;
  onBehalfOf?: string | null;
  planId?: string | null;
  section?: string | null;
  basis?: string | null;
  accessPoint?: string | null;
  client?: string | null;
  details?: Record<string, unknown>;
}

/** Appends the event; errors propagate so an unlogged access is never silently allowed. */
export async function recordAudit(db: Db, event: AuditEvent): Promise<void> {
  await appendAuditEvent(db, { ...event, details: event.details ?? {} });
}
