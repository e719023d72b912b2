/**
 * Changing the plan's status (casusregisseur only). Letting go — waakvlam or afgesloten — needs every Big Five
 * domain marked stable in the evaluatie doc as storage holds it, or a reason; the change is stored with the
 * stability snapshot of that moment and audited, in one transaction holding the plan row.
 */
import type { Db } from '@/db/client';
import { lockPlanStatus, recordStatusChange } from '@/db/queries/lifecycle';
import { checkStatusChange } from '@/lib/lifecycle';
import { canManage } from '@/lib/policy';
import type { PlanStatus } from '@/lib/roles';
import { bigFiveStability, readEvaluation } from '@/lib/shapes/evaluation';
import { recordAudit } from '../audit/record';
import { requireMemberView } from './plan-member';
import { NO_SUCH_PLAN, PlanRefusal } from './refusal';
import { loadSectionDoc } from './section-state';
import type { Via } from './versions';

/** The Big Five check as the stored evaluatie doc says it; content that fails validation counts as not stable. */
export async function storedStability(db: Db, params: { planId: string }) {
  const doc = await loadSectionDoc(db, { planId: params.planId, section: 'evaluatie' });
  try {
    return bigFiveStability(readEvaluation(doc).value);
  } finally {
    doc.destroy();
  }
}

export async function changeStatus(db: Db, params: { planId: string; actorId: string; to: PlanStatus; reason?: string | null; via?: Via }) {
  const { member } = await requireMemberView(db, { planId: params.planId, userId: params.actorId });
  if (!canManage(member)) throw new PlanRefusal('forbidden', 'Alleen de casusregisseur kan de status van het plan veranderen.');
  const reason = params.reason?.trim() ? params.reason.trim() : null;
  const stability = await storedStability(db, { planId: params.planId });
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const from = await lockPlanStatus(t, { planId: params.planId });
    if (!from) throw new PlanRefusal('not_found', NO_SUCH_PLAN);
    if (from === params.to) throw new PlanRefusal('conflict', `Het plan heeft de status '${from}' al.`);
    const check = checkStatusChange({ from, to: params.to, stability, reason });
    if (!check.ok) throw new PlanRefusal('conflict', check.message);
    const change = await recordStatusChange(t, { planId: params.planId, from, to: params.to, stability, reason, changedBy: params.actorId });
    await recordAudit(t, {
      action: 'plan.status_change',
      actorUserId: params.actorId,
      actorRole: member.role,
      planId: params.planId,
      basis: member.basis,
      accessPoint: params.via?.accessPoint,
      client: params.via?.client,
      details: { from, to: params.to, reason, stability },
    });
    return { id: change.id, from, to: params.to, stability, reason, createdAt: change.createdAt };
  });
}
