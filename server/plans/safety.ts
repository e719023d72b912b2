import 'server-only';
/**
 * Safety plan services: the 0–10 safety scale (ratings of kind `veiligheid`) and the record of a broken
 * agreement. The agreement itself lives in the live doc (the client changes it); what must be trusted — who decided
 * that the concern was or was not discussed with the family, and why — is written here, with its audit event.
 */
import type { LoadedMember } from '@/db/queries/members';
import { listBrokenAgreementDecisions, type BrokenAgreementDecision } from '@/db/queries/safety-decisions';
import { insertSafetyRating, listSafetyRatings, type SafetyRating } from '@/db/queries/safety-scale';
import { transaction } from '@/db/transaction';
import { can, type PolicyMember } from '@/lib/policy';
import { isProfessionalRole } from '@/lib/roles';
import type { BrokenAgreementInput, SafetyRatingInput } from '@/lib/safety-input';
import { docNameFor } from '@/lib/sections';
import { auditAs, type Via } from '../audit/record';
import type { ServiceContext } from '../context';
import { Refusal, sectionNotFound } from '../refusal';
import { accessOf, seesSection, type Actor } from './actor';
import type { PlanAccess } from './plan-access';

const SECTION = 'veiligheid' as const;

/** Who may give the safety scale a number: everyone who may comment on the safety plan (each party gets a say). */
export function mayRateSafety(member: PolicyMember): boolean {
  return can(member, 'comment', SECTION);
}

/**
 * Who may read why a concern was not discussed with the family: professionals who may read the safety plan.
 * Never the family or its network — the reason may be exactly that telling them would endanger a child.
 */
export function mayReadBrokenDecisions(member: PolicyMember): boolean {
  return isProfessionalRole(member.role) && can(member, 'read', SECTION);
}

/** The member, when the safety plan is visible to them; otherwise it answers as a section that does not exist. */
function requireReader(access: PlanAccess): LoadedMember {
  if (!seesSection(access, SECTION) || !can(access.member, 'read', SECTION)) throw sectionNotFound();
  return access.member;
}

/** The safety scale over time, and whether this member may rate, for everyone who may read the safety plan. */
export async function safetyScale(ctx: Pick<ServiceContext, 'db'>, params: { actor: Actor }): Promise<{ ratings: SafetyRating[]; mayRate: boolean }> {
  const access = await accessOf(ctx.db, params.actor);
  const member = requireReader(access);
  return { ratings: await listSafetyRatings(ctx.db, { planId: member.planId }), mayRate: mayRateSafety(member) };
}

/** Appends the member's score and its audit event in one transaction; then tells open safety plans to refresh. */
export async function rateSafety(
  ctx: Pick<ServiceContext, 'db' | 'realtime'>,
  params: { actor: Actor; input: SafetyRatingInput; via: Via },
): Promise<{ id: string; createdAt: Date }> {
  const member = requireReader(await accessOf(ctx.db, params.actor));
  if (!mayRateSafety(member)) {
    throw new Refusal('forbidden', 'Je kunt het veiligheidsplan lezen, maar geen cijfer geven.', { code: 'not_allowed' });
  }
  const { input } = params;
  const row = await transaction(ctx.db, async (tx) => {
    const created = await insertSafetyRating(tx, {
      planId: member.planId,
      value: input.value,
      raterId: member.userId,
      raterRole: member.role,
      note: input.note ?? null,
    });
    await auditAs(tx, member, 'safety.rate', params.via, { section: SECTION, details: { ratingId: created.id, value: input.value } });
    return created;
  });
  ctx.realtime.notify(docNameFor(member.planId, SECTION), 'ratings');
  return row;
}

/**
 * Records that an agreement was broken and whether the concern was discussed with the family (with the reason when
 * not) as an append-only audit event, for those who may edit the safety plan. Returns where the case can be put to
 * the table, when this member may see it.
 */
export async function recordBrokenAgreementDecision(
  ctx: Pick<ServiceContext, 'db'>,
  params: { actor: Actor; input: BrokenAgreementInput; via: Via },
): Promise<{ tableHref: string | null }> {
  const access = await accessOf(ctx.db, params.actor);
  const member = requireReader(access);
  if (!can(member, 'edit', SECTION)) {
    throw new Refusal('forbidden', 'Alleen wie het veiligheidsplan mag aanpassen, legt een verbroken afspraak vast.', { code: 'not_allowed' });
  }
  const { input } = params;
  const tableVisible = seesSection(access, 'tafel');
  await auditAs(ctx.db, member, 'safety.agreement_broken', params.via, {
    section: SECTION,
    details: {
      agreementId: input.agreementId,
      discussedWithFamily: input.discussedWithFamily,
      reason: input.discussedWithFamily ? null : input.reason,
      tableOffered: tableVisible,
    },
  });
  return { tableHref: tableVisible ? `/plannen/${member.planId}?sectie=tafel` : null };
}

/** The recorded decisions about broken agreements for those who may read them; for everyone else an empty list. */
export async function brokenDecisions(
  ctx: Pick<ServiceContext, 'db'>,
  params: { actor: Actor },
): Promise<{ visible: boolean; decisions: BrokenAgreementDecision[] }> {
  const member = requireReader(await accessOf(ctx.db, params.actor));
  if (!mayReadBrokenDecisions(member)) return { visible: false, decisions: [] };
  return { visible: true, decisions: await listBrokenAgreementDecisions(ctx.db, { planId: member.planId }) };
}
