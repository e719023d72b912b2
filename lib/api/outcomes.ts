/** Response body of GET `…/outcomes`: begin and latest rating per goal and life domain, per rater role. */
import type { Outcomes } from '../outcomes';

export type { Measurement, OutcomeLine } from '../outcomes';

/** Moments are ISO strings already (lib/outcomes.ts), so the route and the browser see the same type. */
export type OutcomesResponse = Outcomes;
