/** Response bodies of the plan routes, shared by the route handlers and the browser's API client. */
import type { Level } from '../policy';
import type { Kader, PlanRole, PlanStatus } from '../roles';
import type { SectionKey } from '../sections';

export interface PlanSummaryResponse {
  id: string;
  householdName: string;
  status: PlanStatus;
  kader: Kader;
  role: PlanRole;
  isCasusregisseur: boolean;
  sections: { key: SectionKey; right: Exclude<Level, 'none'> }[];
}
