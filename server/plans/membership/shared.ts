import 'server-only';
/**
 * What the membership services share: who acts (the member a route already loaded, or loaded here for pages and
 * tests), the casusregisseur check, and the plan's consent state (everything lib/consent.ts needs, read in one go).
 */
import type { Db } from '@/db/client';
import { listPlanDecisions, loadPlanConsentFacts } from '@/db/queries/consents';
import { inviterRolesOfPlan } from '@/db/queries/invitations';
import { loadMember, type LoadedMember, type MemberRow } from '@/db/queries/members';
import { evaluateMembership, type ConsentFacts, type ConsentOutcome, type Decision } from '@/lib/consent';
import { isUuid } from '@/lib/ids';
import { canManage } from '@/lib/policy';
import type { Via } from '../../audit/record';
import { planNotFound, Refusal } from '../../refusal';

/**
 * Who acts: the member the route shape loaded (fresh from the database, once per request), or a plan and a user
 * to load the member of (pages, tests). Either way the service checks the member's right itself.
 */
export type Actor = { member: LoadedMember } | { planId: string; actorId: string };

/** For calls without a request (tests, jobs): the audit trail records no access point. */
export const NO_VIA: Via = { accessPoint: null, client: null };

export const ONLY_THE_CASUSREGISSEUR = 'Alleen de casusregisseur beheert wie er meedoet en wie de regie heeft.';
export const NOT_A_DECIDER = 'Over toestemming beslissen alleen ouders met gezag en jongeren vanaf 12 jaar.';

/** The acting member, active in the plan; anyone else gets the plan-not-found refusal (no id probing). */
export async function requireMember(db: Db, actor: Actor): Promise<LoadedMember> {
  if ('member' in actor) {
    if (actor.member.status !== 'actief') throw planNotFound();
    return actor.member;
  }
  if (!isUuid(actor.planId)) throw planNotFound();
  const member = await loadMember(db, { planId: actor.planId, userId: actor.actorId });
  if (!member || member.status !== 'actief') throw planNotFound();
  return member;
}

/** The acting member, who must hold casusregie (forbidden otherwise). */
export async function requireManager(db: Db, actor: Actor): Promise<LoadedMember> {
  const member = await requireMember(db, actor);
  if (!canManage(member)) throw new Refusal('forbidden', ONLY_THE_CASUSREGISSEUR, { code: 'not_casusregisseur' });
  return member;
}

type ConsentFactsRow = NonNullable<Awaited<ReturnType<typeof loadPlanConsentFacts>>>;

export interface PlanConsentState {
  plan: ConsentFactsRow['plan'];
  people: ConsentFactsRow['people'];
  members: MemberRow[];
  facts: ConsentFacts;
  decisionsOf: (memberId: string) => Decision[];
  evaluate: (member: MemberRow) => ConsentOutcome;
}

/** Everything the consent rules need about one plan, read in one go (inside the caller's transaction, if any). */
export async function loadConsentState(db: Db, planId: string, today: Date): Promise<PlanConsentState> {
  const loaded = await loadPlanConsentFacts(db, { planId });
  if (!loaded) throw planNotFound();
  const [decisions, inviterRoles] = [await listPlanDecisions(db, { planId }), await inviterRolesOfPlan(db, { planId })];
  const facts: ConsentFacts = {
    kader: loaded.plan.kader,
    planCreatedBy: loaded.plan.createdBy,
    people: loaded.people,
    members: loaded.members,
    today,
  };
  const decisionsOf = (memberId: string) => decisions.filter((d) => d.memberId === memberId);
  return {
    plan: loaded.plan,
    people: loaded.people,
    members: loaded.members,
    facts,
    decisionsOf,
    evaluate: (m) =>
      evaluateMembership(
        facts,
        { userId: m.userId, role: m.role, basis: m.basis, status: m.status, invitedByRole: inviterRoles.get(m.userId) ?? null },
        decisionsOf(m.id),
      ),
  };
}

export function nameOf(members: { userId: string; name: string | null }[], userId: string): string {
  return members.find((m) => m.userId === userId)?.name ?? '';
}
