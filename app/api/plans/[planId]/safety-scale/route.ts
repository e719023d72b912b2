import type { SafetyRatingCreated, SafetyScaleResponse } from '@/lib/api/safety';
import { SafetyRatingInput } from '@/lib/safety-input';
import { planRoute } from '@/server/http/route';
import { rateSafety, safetyScale } from '@/server/plans/safety';

export const dynamic = 'force-dynamic';

/** The safety scale over time, for everyone who may read the safety plan; and whether this member may rate. */
export const GET = planRoute(
  { access: { section: 'veiligheid', action: 'read' }, audit: { read: 'safety-scale' } },
  async ({ member, plan, sections, user, services }): Promise<SafetyScaleResponse<Date>> => ({
    ...(await safetyScale(services, { actor: { member, plan, sections } })),
    me: user.id,
  }),
);

/** A party gives the safety scale a number (0–10); comment roles may, read-only roles may not. */
export const POST = planRoute(
  { access: { section: 'veiligheid', action: 'comment' }, body: SafetyRatingInput, status: 201 },
  async ({ member, plan, sections, body, via, services }): Promise<SafetyRatingCreated<Date>> =>
    rateSafety(services, { actor: { member, plan, sections }, input: body, via }),
);
