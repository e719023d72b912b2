/** Response body of POST `…/status` (the casusregisseur changes the plan's status). */
import type { Stability } from '../lifecycle';
import type { PlanStatus } from '../roles';

/** The recorded change, with the Big Five stability of that moment. `At`: `Date` in the route, ISO string in the browser. */
export interface StatusChanged<At = string> {
  id: string;
  from: PlanStatus;
  to: PlanStatus;
  stability: Stability;
  reason: string | null;
  createdAt: At;
}
