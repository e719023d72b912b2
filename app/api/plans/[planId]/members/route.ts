import type { InviteResponse } from '@/lib/api/membership';
import { InviteInput } from '@/lib/membership-input';
import { planRoute } from '@/server/http/route';
import { invite } from '@/server/plans/membership/invitations';
import { listMembers } from '@/server/plans/membership/members';
import { ONLY_THE_CASUSREGISSEUR } from '@/server/plans/membership/shared';

export const dynamic = 'force-dynamic';

const manager = { manage: true, forbidden: ONLY_THE_CASUSREGISSEUR } as const;

/** The plan's members (role, basis, status, who they wait for), open invitations and regie — for the casusregisseur. */
export const GET = planRoute({ access: manager, audit: 'service' }, ({ services, member, via }) => listMembers(services, { member, via }));

/** Invites someone into the plan in a role; the link goes by mail to the invited address only. */
export const POST = planRoute({ access: manager, body: InviteInput, status: 201 }, async ({ services, member, via, body }): Promise<InviteResponse> => {
  const invitation = await invite(services, { member, input: body, via });
  return { invitation: { ...invitation, expiresAt: invitation.expiresAt.toISOString() } };
});
