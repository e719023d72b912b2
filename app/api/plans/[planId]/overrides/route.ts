import { OverrideInput } from '@/lib/override-input';
import { planRoute } from '@/server/http/route';
import { ONLY_CASUSREGISSEUR, overridesOf, setSectionOverride } from '@/server/plans/overrides';

export const dynamic = 'force-dynamic';

const manager = { manage: true, forbidden: ONLY_CASUSREGISSEUR } as const;

/** The plan's overrides of the permission matrix, with history; for the casusregisseur. */
export const GET = planRoute({ access: manager, audit: { read: 'overrides' } }, async ({ member, plan, sections, services }) => ({
  overrides: await overridesOf(services, { actor: { member, plan, sections } }),
}));

/** Changes what one role may do in one section of this plan (or restores the default), with a reason. */
export const POST = planRoute({ access: manager, body: OverrideInput }, async ({ member, plan, sections, body, via, services }) => {
  await setSectionOverride(services, { actor: { member, plan, sections }, input: body, via });
  return { ok: true };
});
