import 'server-only';
/**
 * What the version pages load. The list (`/plannen/<id>/versies`) is a read of the plan, audited as `plan.read`
 * (`via: versions_page`); one version (`…/versies/<versionId>`) is audited by the service as `version.view`. Each
 * version's sections are described from its snapshot as the paper export describes them, and only the sections
 * the viewer may see now.
 */
import type { VersionBlock } from '@/lib/api/versions';
import { canManage } from '@/lib/policy';
import type { SectionKey } from '@/lib/sections';
import { auditAs, type Via } from '../audit/record';
import type { ServiceContext } from '../context';
import { readSectionForExport } from '../export/model';
import { sectionBlocks } from '../export/printable';
import { findPlanAccess } from '../plans/plan-access';
import { docFromUpdates } from '../plans/section-state';
import { versionsOfPlan, viewVersion, type VersionForMember } from '../plans/versions';
import { Refusal } from '../refusal';

export async function versionsPage(ctx: Pick<ServiceContext, 'db'>, params: { planId: string; userId: string; via: Via }) {
  const access = await findPlanAccess(ctx.db, params);
  if (!access) return null;
  const versions = await versionsOfPlan(ctx, { actor: access });
  await auditAs(ctx.db, access.member, 'plan.read', params.via, { details: { via: 'versions_page' } });
  return { householdName: access.plan.householdName, manages: canManage(access.member), versions };
}

export interface VersionPage extends Omit<VersionForMember, 'sections'> {
  householdName: string;
  sections: { key: SectionKey; blocks: VersionBlock[] }[];
}

/** One version, or null when the plan or the version is not there for this member. */
export async function versionPage(
  ctx: Pick<ServiceContext, 'db'>,
  params: { planId: string; userId: string; versionId: string; via: Via },
): Promise<VersionPage | null> {
  const access = await findPlanAccess(ctx.db, params);
  if (!access) return null;
  let version: VersionForMember;
  try {
    version = await viewVersion(ctx, { actor: access, versionId: params.versionId, via: params.via });
  } catch (err) {
    if (err instanceof Refusal && err.kind === 'not_found') return null;
    throw err;
  }
  const sections = version.sections.map(({ key, state }) => {
    const doc = docFromUpdates([state]);
    try {
      return { key, blocks: sectionBlocks({ key, title: '', right: 'read', comments: [], ...readSectionForExport(key, doc) }) };
    } finally {
      doc.destroy();
    }
  });
  return { ...version, householdName: access.plan.householdName, sections };
}
