import 'server-only';
/**
 * Safety plan services: the 0–10 safety scale (ratings of kind `veiligheid`) and the record of a broken
 * agreement. The agreement itself lives in the live doc (the client changes it); what must be trusted — who decided
 * that the concern was or was not discussed with the family, and why — is written here, with its audit event.
 */
import { getDb, type Db } from '@/db/client';
import type { LoadedMember } from '@/db/queries/members';
import { listBrokenAgreementDecisions, type BrokenAgreementDecision } from '@/db/queries/safety-decisions';
import { insertSafetyRating, listSafetyRatings, type SafetyRating } from '@/db/queries/safety-scale';
import { can } from '@/lib/policy';
import { isProfessionalRole } from '@/lib/roles';
import type { BrokenAgreementInput, SafetyRatingInput } from '@/lib/safety-input';
import { docNameFor } from '@/lib/sections';
import { recordAudit } from '@/server/audit/record';
import { getRuntime } from '@/server/runtime';

export interface RequestMeta {
  accessPoint: string;
  client: string | null;
}

/** Who may give the safety scale a number: everyone who may comment on the safety plan (each party gets a say). */
export function mayRateSafety(member: LoadedMember): boolean {
  return can(member, 'comment', 'veiligheid');
}

export async function safetyRatingsOf(member: LoadedMember): Promise<SafetyRating[]> {
  return listSafetyRatings(getDb(), { planId: member.planId });
}

/** Appends the member's score and its audit event in one transaction; tells open safety plans to refresh. */
export async function rateSafety(member: LoadedMember, input: SafetyRatingInput, meta: RequestMeta): Promise<{ id: string; createdAt: Date }> {
  const row = await getDb().transaction(async (tx) => {
    const t = tx as unknown as Db;
    const created = await insertSafetyRating(t, { planId: member.planId, value: input.value, raterId: member.userId, raterRole: member.role, note: input.note ?? null });
    await recordAudit(t, {
      action: 'safety.rate',
      actorUserId: member.userId,
      actorRole: member.role,
      planId: member.planId,
      section: 'veiligheid',
      basis: member.basis,
      ...meta,
      details: { ratingId: created.id, value: input.value },
    });
    return created;
  });
  getRuntime()?.notify?.(docNameFor(member.planId, 'veiligheid'), 'ratings');
  return row;
}

/**
 * Records that an agreement was broken and whether the concern was discussed with the family (with the reason when
 * not) as an append-only audit event. Returns where the case can be put to the table, when this member may see it.
 */
export async function recordBrokenAgreementDecision(
  member: LoadedMember,
  input: BrokenAgreementInput,
  meta: RequestMeta,
): Promise<{ tableHref: string | null }> {
  const tableVisible = can(member, 'see', 'tafel');
  await recordAudit(getDb(), {
    action: 'safety.agreement_broken',
    actorUserId: member.userId,
    actorRole: member.role,
    planId: member.planId,
    section: 'veiligheid',
    basis: member.basis,
    ...meta,
    details: {
      agreementId: input.agreementId,
      discussedWithFamily: input.discussedWithFamily,
      reason: input.discussedWithFamily ? null : input.reason,
      tableOffered: tableVisible,
    },
  });
  return { tableHref: tableVisible ? `/plannen/${member.planId}?sectie=tafel` : null };
}

/**
 * Who may read why a concern was not discussed with the family: professionals who may read the safety plan.
 * Never the family or its network — the reason may be exactly that telling them would endanger a child.
 */
export function mayReadBrokenDecisions(member: LoadedMember): boolean {
  return isProfessionalRole(member.role) && can(member, 'read', 'veiligheid');
}

/** The recorded decisions about broken agreements, for those who may read them; empty for everyone else. */
export async function brokenDecisionsFor(member: LoadedMember): Promise<BrokenAgreementDecision[]> {
  if (!mayReadBrokenDecisions(member)) return [];
  return listBrokenAgreementDecisions(getDb(), { planId: member.planId });
}
