import { RemoveMemberInput } from '@/lib/membership-input';
import { planRoute } from '@/server/http/route';
import { removeMember } from '@/server/plans/membership/members';
import { ONLY_THE_CASUSREGISSEUR } from '@/server/plans/membership/shared';

export const dynamic = 'force-dynamic';

/** Ends a membership (casusregisseur only); the person's open live sections close at once. Optional body: `{ reason }`. */
export const DELETE = planRoute(
  { access: { manage: true, forbidden: ONLY_THE_CASUSREGISSEUR }, body: RemoveMemberInput.nullish() },
  ({ services, member, via, params, body }) => removeMember(services, { member, memberId: params.memberId ?? '', reason: body?.reason, via }),
);
