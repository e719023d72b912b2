import 'server-only';
/**
 * Regie: the casusregisseur appoints a new casus- or procesregisseur among the active professionals, always with a
 * reason. The previous appointment ends and stays as history; handing over casusregie moves the right to manage.
 */
import { appointRegisseur, listRegieAssignments, loadMember } from '@/db/queries/members';
import { transaction } from '@/db/transaction';
import type { RegieChangeResponse } from '@/lib/api/membership';
import type { RegieChangeInput } from '@/lib/membership-input';
import { isProfessionalRole } from '@/lib/roles';
import { auditAs, type Via } from '../../audit/record';
import type { ServiceContext } from '../../context';
import { Refusal } from '../../refusal';
import { NO_VIA, requireManager, type Actor } from './shared';

/** Appoints a new casus- or procesregisseur (casusregisseur only), with a reason; the previous appointment is kept as history. */
export async function changeRegie(ctx: Pick<ServiceContext, 'db'>, params: Actor & { input: RegieChangeInput; via?: Via }): Promise<RegieChangeResponse> {
  const actor = await requireManager(ctx.db, params);
  const { planId } = actor;
  const { kind, userId, reason } = params.input;
  await transaction(ctx.db, async (tx) => {
    const target = await loadMember(tx, { planId, userId });
    if (!target || target.status !== 'actief' || !isProfessionalRole(target.role)) {
      throw new Refusal('invalid', 'Kies een professional die actief meedoet aan dit plan.');
    }
    const history = await listRegieAssignments(tx, { planId });
    const previous = history.find((r) => r.kind === kind && r.endedAt === null) ?? null;
    if (previous?.userId === userId) throw new Refusal('conflict', `${previous.name ?? 'Deze persoon'} heeft de ${kind} al.`);
    await appointRegisseur(tx, { planId, kind, userId, appointedBy: actor.userId, reason });
    await auditAs(tx, actor, 'regie.change', params.via ?? NO_VIA, { details: { kind, from: previous?.userId ?? null, to: userId, reason } });
  });
  return { kind, userId };
}
