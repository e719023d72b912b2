import 'server-only';
/**
 * What the membership pages (`/plannen/<id>/leden`, `/plannen/<id>/toestemming`, `/uitnodiging/<token>`) load:
 * the plan through server/plans/plan-access.ts, then the service. The services audit what was shown, with the
 * page's access point (server/pages/via.ts).
 */
import { canManage } from '@/lib/policy';
import type { Via } from '../audit/record';
import type { ServiceContext } from '../context';
import { listConsentRequests } from '../plans/membership/consent';
import { invitationForVisitor } from '../plans/membership/invitations';
import { listMembers, type MembersPanel } from '../plans/membership/members';
import { findPlanAccess } from '../plans/plan-access';
import { Refusal } from '../refusal';

type PageContext = Pick<ServiceContext, 'db' | 'clock'>;

/**
 * The members page: null when the plan is not there for this user (not found); the panel for the casusregisseur;
 * `panel: null` for any other member (they are told that only the casusregisseur manages members).
 */
export async function membersPage(
  ctx: PageContext,
  params: { planId: string; userId: string; via: Via },
): Promise<{ householdName: string; panel: MembersPanel | null } | null> {
  const access = await findPlanAccess(ctx.db, params);
  if (!access) return null;
  const { householdName } = access.plan;
  if (!canManage(access.member)) return { householdName, panel: null };
  return { householdName, panel: await listMembers(ctx, { member: access.member, via: params.via }) };
}

export type ConsentPanel = Awaited<ReturnType<typeof listConsentRequests>>;

/** The consent page: null when not found; `requests: null` for a member who does not decide about consent. */
export async function consentPage(
  ctx: PageContext,
  params: { planId: string; userId: string; via: Via },
): Promise<{ householdName: string; requests: ConsentPanel | null } | null> {
  const access = await findPlanAccess(ctx.db, params);
  if (!access) return null;
  const { householdName } = access.plan;
  try {
    return { householdName, requests: await listConsentRequests(ctx, { member: access.member, via: params.via }) };
  } catch (err) {
    if (err instanceof Refusal && err.kind === 'forbidden') return { householdName, requests: null };
    if (err instanceof Refusal) return null;
    throw err;
  }
}

/** The invitation page: the invitation (null for an unknown token) and the signed-in visitor's address, if any. */
export async function invitationPage(ctx: PageContext, params: { token: string; userId: string | null }) {
  return invitationForVisitor(ctx, params);
}
