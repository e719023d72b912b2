/**
 * Response bodies of the safety plan's routes (`…/safety-scale`, `…/safety/broken`), shared by the routes and the
 * browser. `At` is the type of a moment: a `Date` in the route, the ISO string JSON makes of it in the browser.
 */
import type { PlanRole } from '../roles';

/** One number on the 0–10 safety scale, by one party, never overwritten. */
export interface SafetyRating<At = string> {
  id: string;
  value: number;
  raterId: string;
  raterName: string | null;
  raterRole: PlanRole;
  note: string | null;
  createdAt: At;
}

/** GET …/safety-scale: the scale over time, whether this member may rate, and who they are. */
export interface SafetyScaleResponse<At = string> {
  ratings: SafetyRating<At>[];
  mayRate: boolean;
  me: string;
}

/** POST …/safety-scale (201): the stored number. */
export interface SafetyRatingCreated<At = string> {
  id: string;
  createdAt: At;
}

/** A recorded decision about a broken agreement: discussed with the family or not, and why not. */
export interface BrokenAgreementDecision<At = string> {
  agreementId: string;
  discussedWithFamily: boolean;
  reason: string | null;
  at: At;
  actorName: string | null;
}

/** GET …/safety/broken: the decisions, for professionals who may read the safety plan (others: none, not visible). */
export interface BrokenDecisionsResponse<At = string> {
  visible: boolean;
  decisions: BrokenAgreementDecision<At>[];
}

/** POST …/safety/broken (201): where the case can be put to the table, or null when the table is hidden. */
export interface BrokenAgreementRecorded {
  tableHref: string | null;
}
