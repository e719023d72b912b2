import 'server-only';
/**
 * Consent: parents with gezag and young people from 12 decide who may look at and work on their plan. The rules
 * themselves are pure and live in lib/consent.ts; here they are applied to the stored facts, every decision is
 * written with its audit event in one transaction, and a refused or withdrawn membership loses its live
 * connections after the commit.
 */
import { insertConsent } from '@/db/queries/consents';
import { listPlanMembers, loadOverrides, lockPlanMember, setMemberStatus, type MemberRow } from '@/db/queries/members';
import { transaction } from '@/db/transaction';
import type { ConsentDecisionResponse } from '@/lib/api/membership';
import { allowedDecisions, deciderCapacity, type Decision, type DeciderCapacity } from '@/lib/consent';
import type { ConsentAction, ConsentDecisionInput } from '@/lib/membership-input';
import { can, levelOf, type Level } from '@/lib/policy';
import type { PlanRole } from '@/lib/roles';
import { sectionsOfPlan } from '@/lib/section-rules';
import type { SectionKey } from '@/lib/sections';
import { auditAs, type Via } from '../../audit/record';
import type { ServiceContext } from '../../context';
import { Refusal } from '../../refusal';
import { loadConsentState, nameOf, NO_VIA, NOT_A_DECIDER, requireMember, type Actor } from './shared';

const notADecider = () => new Refusal('forbidden', NOT_A_DECIDER, { code: 'not_a_decider' });

/**
 * Throws unless the actor is an active member (not found) who decides about consent in this plan (forbidden).
 * The consent route's guard: it answers 403 before the body is read.
 */
export async function assertDecider(ctx: Pick<ServiceContext, 'db' | 'clock'>, actor: Actor): Promise<DeciderCapacity> {
  const member = await requireMember(ctx.db, actor);
  const state = await loadConsentState(ctx.db, member.planId, ctx.clock());
  const capacity = deciderCapacity(state.facts, member.userId);
  if (!capacity) throw notADecider();
  return capacity;
}

export interface ConsentRequest {
  memberId: string;
  userId: string;
  name: string | null;
  organisationName: string | null;
  role: PlanRole;
  status: MemberRow['status'];
  myDecision: Decision['decision'] | null;
  allowed: ConsentAction[];
  waitingFor: { userId: string; name: string }[];
  /** What joining means: the sections this role would get that the decider can see too, with its right on each. */
  sections: { key: SectionKey; level: Exclude<Level, 'none'> }[];
  /** True when the role also gets parts the decider cannot see (named nowhere, so their titles stay hidden). */
  moreSections: boolean;
}

/**
 * The requests the signed-in person may decide about in this plan: pending ones (yes / not now), and memberships
 * that rest on their consent (withdraw). Only parents with gezag and young people from 12 decide.
 */
export async function listConsentRequests(ctx: Pick<ServiceContext, 'db' | 'clock'>, params: Actor & { via?: Via; audit?: boolean }) {
  const actor = await requireMember(ctx.db, params);
  const { planId, userId: actorId } = actor;
  const today = ctx.clock();
  const state = await loadConsentState(ctx.db, planId, today);
  const capacity = deciderCapacity(state.facts, actorId);
  if (!capacity) throw notADecider();
  const rows = await listPlanMembers(ctx.db, { planId });
  const planSections = sectionsOfPlan(state.people, today);
  const requests: ConsentRequest[] = [];
  for (const m of state.members) {
    if (m.status === 'beeindigd' || m.userId === actorId) continue;
    const outcome = state.evaluate(m);
    const decisions = state.decisionsOf(m.id);
    const allowed = allowedDecisions(outcome, actorId, decisions);
    if (allowed.length === 0) continue;
    const overrides = await loadOverrides(ctx.db, { planId, role: m.role });
    const asMember = { role: m.role, status: 'actief' as const, isCasusregisseur: false, overrides };
    const row = rows.find((r) => r.id === m.id);
    requests.push({
      memberId: m.id,
      userId: m.userId,
      name: row?.name ?? null,
      organisationName: row?.organisationName ?? null,
      role: m.role,
      status: m.status,
      myDecision: decisions.filter((d) => d.decidedBy === actorId).at(-1)?.decision ?? null,
      allowed,
      // Others still asked; another parent with gezag is an alternative to this parent, not someone who must also agree.
      waitingFor: outcome.waitingFor
        .filter((d) => d.userId !== actorId && !(capacity === 'ouder_met_gezag' && d.capacity === 'ouder_met_gezag'))
        .map((d) => ({ userId: d.userId, name: nameOf(rows, d.userId) })),
      sections: planSections
        .filter((key) => can(actor, 'see', key))
        .map((key) => ({ key, level: levelOf(asMember, key) }))
        .filter((s): s is { key: SectionKey; level: Exclude<Level, 'none'> } => s.level !== 'none'),
      moreSections: planSections.some((key) => !can(actor, 'see', key) && levelOf(asMember, key) !== 'none'),
    });
  }
  if (params.audit !== false) await auditAs(ctx.db, actor, 'consent.view', params.via ?? NO_VIA, { details: { capacity } });
  return {
    householdName: state.plan.householdName,
    capacity,
    pending: requests.filter((r) => r.allowed.includes('give')),
    granted: requests.filter((r) => !r.allowed.includes('give')),
  };
}

/** How many consent questions wait for this person (0 for anyone who does not decide); for the plan page's notice. */
export async function pendingConsentCount(ctx: Pick<ServiceContext, 'db' | 'clock'>, params: Actor): Promise<{ decides: boolean; pending: number }> {
  try {
    const list = await listConsentRequests(ctx, { ...params, audit: false });
    return { decides: true, pending: list.pending.length };
  } catch (err) {
    if (err instanceof Refusal) return { decides: false, pending: 0 };
    throw err;
  }
}

const DECISION: Record<ConsentAction, Decision['decision']> = { give: 'gegeven', refuse: 'geweigerd', withdraw: 'ingetrokken' };
const AUDIT_ACTION = { give: 'consent.give', refuse: 'consent.refuse', withdraw: 'consent.withdraw' } as const;

/**
 * Records a parent's or young person's decision about one membership and applies the rules: the membership becomes
 * active when every required consent is there, and ends (with its live connections closed) on any refusal or withdrawal.
 */
export async function decideConsent(ctx: ServiceContext, params: Actor & { input: ConsentDecisionInput; via?: Via }): Promise<ConsentDecisionResponse> {
  const actor = await requireMember(ctx.db, params);
  const { planId } = actor;
  const { memberId, decision, reason } = params.input;
  const result = await transaction(ctx.db, async (tx) => {
    const target = await lockPlanMember(tx, { planId, memberId });
    const state = await loadConsentState(tx, planId, ctx.clock());
    const capacity = deciderCapacity(state.facts, actor.userId);
    if (!capacity) throw notADecider();
    if (!target) throw new Refusal('not_found', 'Dit verzoek bestaat niet (meer).');
    if (target.status === 'beeindigd') throw new Refusal('conflict', 'Deze persoon doet al niet meer mee aan het plan.');
    const before = state.evaluate(target);
    if (!before.deciders.some((d) => d.userId === actor.userId)) {
      throw new Refusal('forbidden', 'Over deze persoon beslis jij niet: daar is geen toestemming van jou voor nodig.');
    }
    if (!allowedDecisions(before, actor.userId, state.decisionsOf(target.id)).includes(decision)) {
      throw new Refusal(
        'conflict',
        decision === 'withdraw'
          ? 'Je hebt hier nog geen toestemming voor gegeven; kies "Nee, nu niet".'
          : 'Je hebt al toestemming gegeven. Je kunt die wel intrekken.',
      );
    }
    await insertConsent(tx, {
      planId,
      memberId: target.id,
      decidedBy: actor.userId,
      decidedAs: actor.role,
      decision: DECISION[decision],
      reason: reason || null,
    });
    const after = (await loadConsentState(tx, planId, ctx.clock())).evaluate(target);
    const status: MemberRow['status'] = after.state === 'geweigerd' ? 'beeindigd' : after.state;
    if (status !== target.status) await setMemberStatus(tx, { memberId: target.id, status });
    await auditAs(tx, actor, AUDIT_ACTION[decision], params.via ?? NO_VIA, {
      details: {
        memberId: target.id,
        memberUserId: target.userId,
        memberRole: target.role,
        capacity,
        from: target.status,
        to: status,
        reason: reason || null,
      },
    });
    return { memberId: target.id, userId: target.userId, status, waitingFor: after.waitingFor.map((d) => d.userId) };
  });
  // After the commit: a refused or withdrawn membership loses its open live sections at once, on every node.
  if (result.status === 'beeindigd') ctx.realtime.revoke({ planId, userId: result.userId });
  return { memberId: result.memberId, status: result.status, waitingFor: result.waitingFor };
}
