import type { RatingCreated, RatingsResponse } from '@/lib/api/ratings';
import { RatingInput } from '@/lib/rating-input';
import { planRoute } from '@/server/http/route';
import { addGoalRating, listGoalRatings } from '@/server/plans/ratings';

export const dynamic = 'force-dynamic';

const doelen = { section: 'doelen', action: 'read' } as const;

/** Every rating of the plan's goals and life domains, with rater name and role; for anyone who may read the goals. */
export const GET = planRoute({ access: doelen, audit: { read: 'ratings' } }, async ({ member, plan, sections, services }): Promise<RatingsResponse<Date>> => ({
  ratings: await listGoalRatings(services, { actor: { member, plan, sections } }),
}));

/** Adds the signed-in member's own rating of a goal in the plan or a life domain; never overwritten, a new one stands beside it. */
export const POST = planRoute(
  { access: doelen, body: RatingInput, status: 201 },
  async ({ member, plan, sections, body, via, services }): Promise<RatingCreated<Date>> =>
    addGoalRating(services, { actor: { member, plan, sections }, input: body, via }),
);
