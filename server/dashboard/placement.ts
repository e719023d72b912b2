import 'server-only';
/**
 * The threatened out-of-home placement (dreigende uithuisplaatsing): an early trigger for the doorbraaktafel
 * (DOMAIN.md "Escalation"). The casusregisseur sets or lifts it with a reason; every change is a row (history) and
 * an audit event, in one transaction. Professionals who may read the professional section see it; the overzicht
 * shows it as a signal.
 */
import { insertPlacementThreat, listPlacementThreats } from '@/db/queries/dashboard';
import { transaction } from '@/db/transaction';
import type { PlacementState } from '@/lib/api/overzicht';
import type { PlacementInput } from '@/lib/placement-input';
import { can, canManage } from '@/lib/policy';
import { auditAs, type Via } from '../audit/record';
import type { ServiceContext } from '../context';
import { accessOf, type Actor } from '../plans/actor';
import { Refusal, sectionNotFound } from '../refusal';

/** The flag now and its history, for professionals who may read the professional section (or manage the plan). */
export async function placementState(ctx: Pick<ServiceContext, 'db'>, params: { actor: Actor }): Promise<PlacementState> {
  const { member, plan } = await accessOf(ctx.db, params.actor);
  if (!canManage(member) && !can(member, 'read', 'professioneel')) throw sectionNotFound();
  const history = await listPlacementThreats(ctx.db, { planId: plan.id });
  const current = history[0];
  return {
    threatened: current?.threatened ?? false,
    reason: current?.reason ?? null,
    since: current ? current.at.toISOString() : null,
    by: current?.by ?? null,
    history: history.map((h) => ({ threatened: h.threatened, reason: h.reason, at: h.at.toISOString(), by: h.by })),
  };
}

/** Sets or lifts the flag (casusregisseur only); lifting a flag that is not set is refused. */
export async function setPlacement(ctx: Pick<ServiceContext, 'db'>, params: { actor: Actor; input: PlacementInput; via: Via }): Promise<PlacementState> {
  const access = await accessOf(ctx.db, params.actor);
  const { member, plan } = access;
  if (!canManage(member)) {
    throw new Refusal('forbidden', 'Alleen de casusregisseur kan een dreigende uithuisplaatsing melden of opheffen.', { code: 'not_casusregisseur' });
  }
  await transaction(ctx.db, async (tx) => {
    const [current] = await listPlacementThreats(tx, { planId: plan.id });
    if (!params.input.threatened && !current?.threatened) {
      throw new Refusal('conflict', 'Er is geen dreigende uithuisplaatsing gemeld, dus er is niets op te heffen.', { code: 'not_threatened' });
    }
    await insertPlacementThreat(tx, { planId: plan.id, threatened: params.input.threatened, reason: params.input.reason, setBy: member.userId });
    await auditAs(tx, member, 'placement.set', params.via, { section: 'professioneel', details: { threatened: params.input.threatened } });
  });
  return placementState(ctx, { actor: access });
}
