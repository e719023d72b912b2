import type { AcceptInvitationResponse } from '@/lib/api/membership';
import { userRoute } from '@/server/http/route';
import { acceptInvitationAs } from '@/server/plans/membership/invitations';

export const dynamic = 'force-dynamic';

/** Accepts an invitation for the signed-in person; their address (from the database, not the token) must be the invited one. */
export const POST = userRoute<{ token: string }>({}, ({ services, user, via, params }): Promise<AcceptInvitationResponse> =>
  acceptInvitationAs(services, { token: params.token, userId: user.id, via }),
);
