/**
 * Response bodies of `…/ratings` (goal progress, GAS and Zelfredzaamheid), shared by the route and the browser.
 * `At` is the type of a moment: a `Date` where the route returns it, the ISO string JSON makes of it in the browser.
 */
import type { GoalRatingKind } from '../rating-input';
import type { PlanRole } from '../roles';

/** One rating, dated and in the rater's role; a rating is never overwritten, a new one stands beside it. */
export interface GoalRating<At = string> {
  id: string;
  kind: GoalRatingKind | 'veiligheid';
  goalId: string | null;
  domain: string | null;
  value: number;
  raterId: string;
  raterName: string | null;
  raterRole: PlanRole;
  note: string | null;
  createdAt: At;
}

/** GET …/ratings: every goal and domain rating of the plan, oldest first. */
export interface RatingsResponse<At = string> {
  ratings: GoalRating<At>[];
}

/** POST …/ratings (201): the stored rating. */
export interface RatingCreated<At = string> {
  id: string;
  createdAt: At;
}
