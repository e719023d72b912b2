/**
 * Changing the plan's status (casusregisseur only). Letting go — waakvlam or afgesloten — needs every Big Five
 * domain marked stable in the evaluatie doc as storage holds it, or a reason; the change is stored with the
 * stability snapshot of that moment and audited, in one transaction holding the plan row.
 */
import type { Db } from '@/db/client';
import { lockPlanStatus, recordStatusChange } from '@/db/queries/lifecycle';
import { transaction } from '@/db/transaction';
import { checkStatusChange } from '@/lib/lifecycle';
import { canManage } from '@/lib/policy';
import type { PlanStatus } from '@/lib/roles';
import { bigFiveStability, readEvaluation } from '@/lib/shapes/evaluation';
import { auditAs, type Via } from '../audit/record';
import type { ServiceContext } from '../context';
import { planNotFound, Refusal } from '../refusal';
import { accessOf, type Actor } from './actor';
import { loadSectionDoc } from './section-state';

export const ONLY_CASUSREGISSEUR_STATUS = 'Alleen de casusregisseur kan de status van het plan veranderen.';

/** The Big Five check as the stored evaluatie doc says it; content that fails validation counts as not stable. */
export async function storedStability(db: Db, params: { planId: string }) {
  const doc = await loadSectionDoc(db, { planId: params.planId, section: 'evaluatie' });
  try {
    return bigFiveStability(readEvaluation(doc).value);
  } finally {
    doc.destroy();
  }
}

export async function changeStatus(ctx: Pick<ServiceContext, 'db'>, params: { actor: Actor; to: PlanStatus; reason?: string | null; via: Via }) {
  const { member, plan } = await accessOf(ctx.db, params.actor);
  if (!canManage(member)) {
    throw new Refusal('forbidden', ONLY_CASUSREGISSEUR_STATUS, { code: 'not_casusregisseur' });
  }
  const planId = plan.id;
  const reason = params.reason?.trim() ? params.reason.trim() : null;
  const stability = await storedStability(ctx.db, { planId });
  return transaction(ctx.db, async (tx) => {
    const from = await lockPlanStatus(tx, { planId });
    if (!from) throw planNotFound();
    if (from === params.to) throw new Refusal('conflict', `Het plan heeft de status '${from}' al.`, { code: 'same_status' });
    const check = checkStatusChange({ from, to: params.to, stability, reason });
    if (!check.ok) throw new Refusal('conflict', check.message, { code: check.kind === 'unstable' ? 'not_stable' : 'not_allowed_transition' });
    const change = await recordStatusChange(tx, { planId, from, to: params.to, stability, reason, changedBy: member.userId });
    await auditAs(tx, member, 'plan.status_change', params.via, { details: { from, to: params.to, reason, stability } });
    return { id: change.id, from, to: params.to, stability, reason, createdAt: change.createdAt };
  });
}
