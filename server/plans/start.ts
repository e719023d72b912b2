/**
 * Starting a plan: a local-team professional records the household (people, birth dates, gezag), the legal
 * frame and a first summary, and becomes the plan's casusregisseur. The family joins by invitation.
 */
import type { Db } from '../../db/client';
import { addMember, appointRegisseur } from '../../db/queries/members';
import { findOrganisationOfUser } from '../../db/queries/organisations';
import { insertPlanWithHousehold } from '../../db/queries/plans';
import { transaction } from '../../db/transaction';
import type { StartPlanInput } from '../../lib/plan-input';
import { auditAs, type Via } from '../audit/record';
import type { ServiceContext } from '../context';
import { Refusal } from '../refusal';

/**
 * Creates household, people, plan, membership and casusregie with its audit event in one transaction; returns the
 * plan id. Only local-team professionals may start plans.
 */
export async function startPlan(ctx: Pick<ServiceContext, 'db'>, params: { userId: string; input: StartPlanInput; via: Via }): Promise<string> {
  const who = await findOrganisationOfUser(ctx.db, { userId: params.userId });
  if (!who || who.kind !== 'lokaal_team') {
    throw new Refusal('forbidden', 'Alleen een professional van het lokale team kan een plan starten.', { code: 'not_local_team' });
  }
  const { input } = params;
  const basis = input.kader === 'dwang' ? 'wettelijke_taak' : 'toestemming';
  return transaction(ctx.db, async (tx) => {
    const planId = await insertPlanWithHousehold(tx, {
      regionId: who.regionId,
      householdName: input.householdName,
      people: input.people.map((p) => ({ name: p.name, relation: p.relation, birthDate: p.birthDate ?? null, gezag: p.relation === 'kind' ? false : p.gezag })),
      kader: input.kader,
      summary: input.summary,
      createdBy: params.userId,
    });
    await addMember(tx, { planId, userId: params.userId, role: 'lokaal_team', organisationId: who.id, basis, status: 'actief' });
    await appointRegisseur(tx, { planId, kind: 'casusregie', userId: params.userId, appointedBy: params.userId, reason: 'Plan gestart na de intake.' });
    await auditAs(tx, { userId: params.userId, planId, role: 'lokaal_team', basis }, 'plan.create', params.via, {
      details: { kader: input.kader, people: input.people.length },
    });
    return planId;
  });
}

/** Whether this user may start plans (shown as a button on "Mijn plannen"). */
export async function canStartPlans(db: Db, params: { userId: string }): Promise<boolean> {
  return (await findOrganisationOfUser(db, { userId: params.userId }))?.kind === 'lokaal_team';
}
