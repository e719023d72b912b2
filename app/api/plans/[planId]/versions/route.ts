import type { VersionCreated, VersionsResponse } from '@/lib/api/versions';
import { VersionInput } from '@/lib/plan-record-input';
import { planRoute } from '@/server/http/route';
import { createVersion, ONLY_CASUSREGISSEUR_VERSION, versionsOfPlan } from '@/server/plans/versions';

export const dynamic = 'force-dynamic';

/** The plan's versions with who signed each (any member). */
export const GET = planRoute(
  { access: 'member', audit: { read: 'versions' } },
  async ({ member, plan, sections, services }): Promise<VersionsResponse<Date>> => ({
    versions: await versionsOfPlan(services, { actor: { member, plan, sections } }),
  }),
);

/** Snapshots every section as a named version `{ name }` (casusregisseur only). */
export const POST = planRoute(
  { access: { manage: true, forbidden: ONLY_CASUSREGISSEUR_VERSION }, body: VersionInput, status: 201 },
  async ({ member, plan, sections, body, via, services }): Promise<VersionCreated<Date>> =>
    createVersion(services, { actor: { member, plan, sections }, name: body.name, via }),
);
