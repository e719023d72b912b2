/**
 * Roles a person can hold in one plan (DOMAIN.md "Who uses it"). A person has a role per plan:
 * the same professional is regisseur in one family and provider in another.
 */
export const PLAN_ROLES = ['ouder', 'jeugdige', 'netwerk', 'lokaal_team', 'aanbieder', 'gi', 'verwijzer', 'tafel'] as const;
export type PlanRole = (typeof PLAN_ROLES)[number];

/** Roles that exist in the region but never have plan access (they see aggregates or manage the region). */
export const REGION_ROLES = ['gemeente', 'beheerder'] as const;
export type RegionRole = (typeof REGION_ROLES)[number];

/** Roles held by the family and its own network; everyone else is a professional. */
export const FAMILY_ROLES: readonly PlanRole[] = ['ouder', 'jeugdige', 'netwerk'];

/** True when the role is held by a professional (someone acting for an organisation). */
export function isProfessionalRole(role: PlanRole): boolean {
  return !FAMILY_ROLES.includes(role);
}

/** The legal ground a membership rests on (DOMAIN.md "Consent and access"). */
export const ACCESS_BASES = ['toestemming', 'wettelijke_taak', 'eigen_gezin'] as const;
export type AccessBasis = (typeof ACCESS_BASES)[number];

/** Plan lifecycle (DOMAIN.md "The plan"). */
export const PLAN_STATUSES = ['concept', 'actief', 'afschalen', 'waakvlam', 'afgesloten'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Legal frame; it changes who must consent and who leads. */
export const KADERS = ['vrijwillig', 'drang', 'dwang'] as const;
export type Kader = (typeof KADERS)[number];

/** The kinds of regie a plan records, each with history. */
export const REGIE_KINDS = ['casusregie', 'procesregie'] as const;
