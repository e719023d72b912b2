import { ConsentDecisionInput } from '@/lib/membership-input';
import { planRoute } from '@/server/http/route';
import { assertDecider, decideConsent, listConsentRequests } from '@/server/plans/membership/consent';

export const dynamic = 'force-dynamic';

/** The consent requests the signed-in parent (with gezag) or young person (12+) may decide about. */
export const GET = planRoute({ access: 'member', audit: 'service' }, ({ services, member, via }) => listConsentRequests(services, { member, via }));

/** Gives, refuses or withdraws consent: `{ memberId, decision: 'give' | 'refuse' | 'withdraw', reason? }`. */
export const POST = planRoute(
  {
    access: 'member',
    // Only deciders get as far as the body: someone who does not decide is told so (403) before bad input (400).
    guard: async ({ services, member }) => {
      await assertDecider(services, { member });
    },
    body: ConsentDecisionInput,
  },
  ({ services, member, via, body }) => decideConsent(services, { member, input: body, via }),
);
