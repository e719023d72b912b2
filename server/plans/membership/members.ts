import 'server-only';
/**
 * The members of a plan as the casusregisseur manages them: the members panel (members, open invitations, regie,
 * organisations to invite from) and ending a membership. Also what the plan page shows someone who still waits.
 */
import { loadPlanConsentFacts } from '@/db/queries/consents';
import { listOpenInvitations } from '@/db/queries/invitations';
import { endRegieOf, listPlanMembers, listRegieAssignments, loadMember, lockPlanMember, setMemberStatus, type MemberRow } from '@/db/queries/members';
import { listRegionOrganisations } from '@/db/queries/organisations';
import { transaction } from '@/db/transaction';
import type { RemoveMemberResponse } from '@/lib/api/membership';
import type { DeciderCapacity } from '@/lib/consent';
import { isUuid } from '@/lib/ids';
import type { PlanRole } from '@/lib/roles';
import { auditAs, type Via } from '../../audit/record';
import type { ServiceContext } from '../../context';
import { Refusal } from '../../refusal';
import { loadConsentState, nameOf, NO_VIA, requireManager, type Actor } from './shared';

/** One row of the members panel. */
export interface MemberListing {
  id: string;
  userId: string;
  name: string | null;
  email: string;
  organisationName: string | null;
  role: PlanRole;
  basis: MemberRow['basis'];
  status: MemberRow['status'];
  gezag: boolean;
  hoofdaanbieder: boolean;
  isCasusregisseur: boolean;
  isProcesregisseur: boolean;
  /** For a membership waiting for consent: who still has to decide (names), and whether nobody can yet. */
  waitingFor: { userId: string; name: string; capacity: DeciderCapacity }[];
  missingDecider: boolean;
  createdAt: Date;
  endedAt: Date | null;
}

/** The members panel of the casusregisseur: members, open invitations, regie with history, organisations to invite from. */
export async function listMembers(ctx: Pick<ServiceContext, 'db' | 'clock'>, params: Actor & { via?: Via }) {
  const actor = await requireManager(ctx.db, params);
  const { planId } = actor;
  const state = await loadConsentState(ctx.db, planId, ctx.clock());
  const rows = await listPlanMembers(ctx.db, { planId });
  const regie = await listRegieAssignments(ctx.db, { planId });
  const current = (kind: 'casusregie' | 'procesregie') => regie.find((r) => r.kind === kind && r.endedAt === null) ?? null;
  const members: MemberListing[] = rows.map((r) => {
    const row = state.members.find((m) => m.id === r.id);
    const outcome = row && r.status === 'wacht_op_toestemming' ? state.evaluate(row) : null;
    return {
      ...r,
      isCasusregisseur: current('casusregie')?.userId === r.userId,
      isProcesregisseur: current('procesregie')?.userId === r.userId,
      waitingFor: (outcome?.waitingFor ?? []).map((d) => ({ userId: d.userId, name: nameOf(rows, d.userId), capacity: d.capacity })),
      missingDecider: outcome?.missingDecider ?? false,
    };
  });
  const invitations = await listOpenInvitations(ctx.db, { planId, now: ctx.clock() });
  const organisations = await listRegionOrganisations(ctx.db, { regionId: state.plan.regionId });
  await auditAs(ctx.db, actor, 'membership.list', params.via ?? NO_VIA);
  return {
    householdName: state.plan.householdName,
    members,
    invitations,
    regie: { casusregie: current('casusregie'), procesregie: current('procesregie'), history: regie },
    organisations,
    /** Household people an ouder or jeugdige invitation can be for (no account yet). */
    invitablePeople: state.people.filter((p) => p.userId === null && p.relation !== 'overig').map((p) => ({ id: p.id, name: p.name, relation: p.relation })),
  };
}

export type MembersPanel = Awaited<ReturnType<typeof listMembers>>;

/** Ends a membership (casusregisseur only) and closes the person's live connections. */
export async function removeMember(ctx: ServiceContext, params: Actor & { memberId: string; reason?: string; via?: Via }): Promise<RemoveMemberResponse> {
  const actor = await requireManager(ctx.db, params);
  const { planId } = actor;
  const removed = await transaction(ctx.db, async (tx) => {
    const target = isUuid(params.memberId) ? await lockPlanMember(tx, { planId, memberId: params.memberId }) : null;
    if (!target) throw new Refusal('not_found', 'Deze persoon doet niet mee aan dit plan.');
    if (target.status === 'beeindigd') throw new Refusal('conflict', 'Deze persoon doet al niet meer mee aan het plan.');
    if (target.userId === actor.userId) {
      throw new Refusal('conflict', 'Je kunt jezelf niet uit het plan halen. Draag eerst de casusregie over aan een ander.');
    }
    await setMemberStatus(tx, { memberId: target.id, status: 'beeindigd' });
    const endedProcesregie = await endRegieOf(tx, { planId, userId: target.userId, kind: 'procesregie' });
    await auditAs(tx, actor, 'membership.remove', params.via ?? NO_VIA, {
      details: {
        memberId: target.id,
        memberUserId: target.userId,
        memberRole: target.role,
        from: target.status,
        reason: params.reason || null,
        endedProcesregie,
      },
    });
    return target;
  });
  ctx.realtime.revoke({ planId, userId: removed.userId });
  return { memberId: removed.id, status: 'beeindigd' };
}

/**
 * For the plan page: the family's name when this user's membership waits for consent (so they see that they
 * wait, and nothing of the plan itself); null otherwise.
 */
export async function waitingMembership(
  ctx: Pick<ServiceContext, 'db'>,
  params: { planId: string; userId: string },
): Promise<{ householdName: string } | null> {
  if (!isUuid(params.planId)) return null;
  const member = await loadMember(ctx.db, params);
  if (member?.status !== 'wacht_op_toestemming') return null;
  const facts = await loadPlanConsentFacts(ctx.db, { planId: params.planId });
  return facts ? { householdName: facts.plan.householdName } : null;
}
