/** Response body of GET `…/household`: who belongs to the household, and the signed-in member's role and side. */
import type { PlanRole } from '../roles';
import type { AuthorSide } from '../shapes/family';

export type HouseholdRelation = 'ouder' | 'kind' | 'overig';

export interface HouseholdPerson {
  id: string;
  name: string;
  relation: HouseholdRelation;
  /** YYYY-MM-DD, or null when not known. */
  birthDate: string | null;
  gezag: boolean;
}

export interface HouseholdResponse {
  householdName: string;
  people: HouseholdPerson[];
  viewer: { role: PlanRole; side: AuthorSide };
}
