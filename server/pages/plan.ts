import 'server-only';
/**
 * What the plan page (`/plannen/<id>`) loads: the plan as this member may see it, the section to open, the latest
 * version and the membership links. Opening the page is an audit event (`plan.read` with the section opened).
 * A professional whose membership waits for the family's consent gets only that, and nothing of the plan.
 */
import type { MembershipLinksData } from '@/lib/api/membership';
import { isSectionKey } from '@/lib/sections';
import { auditAs, type Via } from '../audit/record';
import type { ServiceContext } from '../context';
import { membershipLinks } from '../plans/membership/links';
import { waitingMembership } from '../plans/membership/members';
import { findPlanAccess, type PlanAccess, type VisibleSection } from '../plans/plan-access';
import { versionsOfPlan } from '../plans/versions';

export type PlanPage =
  | { kind: 'not_found' }
  | { kind: 'waiting'; householdName: string }
  | {
      kind: 'plan';
      access: PlanAccess;
      /** The section shown: the one asked for when the member may see it, else the first. */
      active: VisibleSection;
      latestVersion: Awaited<ReturnType<typeof versionsOfPlan>>[number] | null;
      links: MembershipLinksData;
    };

export async function planPage(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  params: { planId: string; userId: string; section?: string; via: Via },
): Promise<PlanPage> {
  const access = await findPlanAccess(ctx.db, params);
  if (!access) {
    const waiting = await waitingMembership(ctx, params);
    return waiting ? { kind: 'waiting', householdName: waiting.householdName } : { kind: 'not_found' };
  }
  // Only sections the member may see exist here; asking for another one falls back to the first.
  const active = access.sections.find((s) => isSectionKey(params.section ?? '') && s.key === params.section) ?? access.sections[0];
  if (!active) return { kind: 'not_found' };
  await auditAs(ctx.db, access.member, 'plan.read', params.via, { section: active.key });
  const [latestVersion] = await versionsOfPlan(ctx, { actor: access });
  return { kind: 'plan', access, active, latestVersion: latestVersion ?? null, links: await membershipLinks(ctx, { member: access.member }) };
}
