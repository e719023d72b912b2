/**
 * Response bodies of the plan routes, shared by the route handlers and the browser's API client; and the plan data
 * the pages hand their components (components never read the database themselves).
 */
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

/** One plan in the signed-in person's list (GET /api/plans and the "Mijn plannen" page). */
export interface MyPlan {
  id: string;
  householdName: string;
  role: PlanRole;
  status: PlanStatus;
  kader: Kader;
  isCasusregisseur: boolean;
}

/** GET /api/plans. */
export interface PlanListResponse {
  plans: MyPlan[];
}

/** POST /api/plans (201): the new plan. */
export interface PlanStarted {
  id: string;
}

/** The plan as its page header shows it: household, people, frame, status and who directs. */
export interface PlanHeaderData {
  id: string;
  householdName: string;
  status: PlanStatus;
  kader: Kader;
  summary: string;
  people: { id: string; name: string; birthDate: string | null; gezag: boolean }[];
  casusregisseur: { name: string | null } | null;
}
