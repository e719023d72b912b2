import 'server-only';
/**
 * Per-plan changes to the permission matrix, by the casusregisseur: what one role may do in one section (or the
 * default again), always with a reason and kept with history. The change and its audit event commit in one
 * transaction — an override never changes without its event. After the commit, the open connections of that role
 * carry old rights, so they are made to reconnect.
 */
import { listOverrides, setOverride } from '@/db/queries/overrides';
import { transaction } from '@/db/transaction';
import type { OverrideInput } from '@/lib/override-input';
import { canManage } from '@/lib/policy';
import { auditAs, type Via } from '../audit/record';
import type { ServiceContext } from '../context';
import { Refusal } from '../refusal';
import { accessOf, type Actor } from './actor';
import type { PlanAccess } from './plan-access';

export const ONLY_CASUSREGISSEUR = 'Alleen de casusregisseur kan de rechten in dit plan aanpassen.';

function requireManager(access: PlanAccess) {
  if (!canManage(access.member)) throw new Refusal('forbidden', ONLY_CASUSREGISSEUR, { code: 'not_casusregisseur' });
  return access.member;
}

/** The plan's overrides, active and ended, oldest first, with who set them; for the casusregisseur. */
export async function overridesOf(ctx: Pick<ServiceContext, 'db'>, params: { actor: Actor }) {
  const access = await accessOf(ctx.db, params.actor);
  requireManager(access);
  return listOverrides(ctx.db, { planId: access.plan.id });
}

/** Sets what a role may do in a section of this plan (`level: null` restores the default), with a reason. */
export async function setSectionOverride(
  ctx: Pick<ServiceContext, 'db' | 'realtime'>,
  params: { actor: Actor; input: OverrideInput; via: Via },
): Promise<void> {
  const member = requireManager(await accessOf(ctx.db, params.actor));
  const { input } = params;
  await transaction(ctx.db, async (tx) => {
    await setOverride(tx, { planId: member.planId, role: input.role, section: input.section, level: input.level, setBy: member.userId, reason: input.reason });
    await auditAs(tx, member, 'override.set', params.via, {
      section: input.section,
      details: { role: input.role, level: input.level, reason: input.reason },
    });
  });
  ctx.realtime.refreshRights({ planId: member.planId, role: input.role });
}
