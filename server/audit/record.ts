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
  // membership and consent (server/plans/membership/)
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
  | 'safety.agreement_broken'
  // the region's anonymous figures (server/region/report.ts)
  | 'region.view'
  | 'region.export'
  // the regisseur's overzicht and the placement flag (server/dashboard/)
  | 'dashboard.view'
  | 'placement.set';

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

/** Where a request came from: the client's address (server/http/client-address.ts) and its user agent. */
export interface Via {
  accessPoint: string | null;
  client: string | null;
}

/** Who acts in a plan, as the audit trail records them. */
export interface AuditActor {
  userId: string;
  planId: string;
  role: string;
  basis: string | null;
}

/**
 * The event of a member acting in their plan: actor, role, basis, plan, access point and client always come from
 * the member and the request, so no event can leave one out. Pass the transaction that wrote the change, so the
 * change and its event commit together.
 */
export async function auditAs(
  db: Db,
  member: AuditActor,
  action: AuditAction,
  via: Via,
  extra: { section?: string | null; details?: Record<string, unknown>; onBehalfOf?: string | null } = {},
): Promise<void> {
  await recordAudit(db, {
    action,
    actorUserId: member.userId,
    actorRole: member.role,
    planId: member.planId,
    basis: member.basis,
    accessPoint: via.accessPoint,
    client: via.client,
    section: extra.section ?? null,
    onBehalfOf: extra.onBehalfOf ?? null,
    details: extra.details,
  });
}
