/**
 * The one answer to "may this member do this to this section of this plan?".
 * The page renderer, every API route and the realtime server call `can`; nothing re-implements it.
 * The member must always be loaded from the database at the moment of the check, never from a token.
 */
import type { PlanRole } from './roles';
import type { SectionKey } from './sections';

/** What a member may do to one section. */
export const ACTIONS = ['see', 'read', 'comment', 'edit'] as const;
export type Action = (typeof ACTIONS)[number];

/** Access level of one role on one section: E edit, C comment, R read, – none (not even the title). */
export type Level = 'none' | 'read' | 'comment' | 'edit';

/** The facts about a member the policy needs; loaded fresh from the database. */
export interface PolicyMember {
  role: PlanRole;
  /** Only an active membership grants anything (pending consent or ended grants nothing). */
  status: 'actief' | 'wacht_op_toestemming' | 'beeindigd';
  isCasusregisseur: boolean;
  /** Per-plan overrides of the default matrix, recorded with who and why. */
  overrides?: Partial<Record<SectionKey, Level>>;
}

const E: Level = 'edit';
const C: Level = 'comment';
const R: Level = 'read';
const N: Level = 'none';

/** The default matrix of DOMAIN.md "Permissions". */
export const DEFAULT_MATRIX: Record<SectionKey, Record<PlanRole, Level>> = {
  gezin: { ouder: E, jeugdige: E, netwerk: R, lokaal_team: E, aanbieder: E, gi: E, verwijzer: R, tafel: R },
  netwerk: { ouder: E, jeugdige: E, netwerk: R, lokaal_team: E, aanbieder: E, gi: E, verwijzer: N, tafel: R },
  doelen: { ouder: E, jeugdige: E, netwerk: C, lokaal_team: E, aanbieder: E, gi: E, verwijzer: R, tafel: R },
  veiligheid: { ouder: C, jeugdige: C, netwerk: C, lokaal_team: E, aanbieder: R, gi: E, verwijzer: N, tafel: R },
  professioneel: { ouder: N, jeugdige: N, netwerk: N, lokaal_team: E, aanbieder: E, gi: E, verwijzer: N, tafel: R },
  tafel: { ouder: R, jeugdige: R, netwerk: N, lokaal_team: E, aanbieder: R, gi: E, verwijzer: N, tafel: E },
  evaluatie: { ouder: E, jeugdige: E, netwerk: R, lokaal_team: E, aanbieder: E, gi: E, verwijzer: R, tafel: R },
  overgang18: { ouder: E, jeugdige: E, netwerk: R, lokaal_team: E, aanbieder: E, gi: E, verwijzer: N, tafel: R },
};

const RANK: Record<Level, number> = { none: 0, read: 1, comment: 2, edit: 3 };

/** The member's effective level on a section: override, else matrix, raised to edit for the casusregisseur. */
export function levelOf(member: PolicyMember, section: SectionKey): Level {
  if (member.status !== 'actief') return N;
  const base = member.overrides?.[section] ?? DEFAULT_MATRIX[section][member.role];
  // The casusregisseur may edit every section it can see (DOMAIN.md), never one it cannot.
  if (member.isCasusregisseur && base !== N) return E;
  return base;
}

const NEEDED: Record<Action, number> = { see: 1, read: 1, comment: 2, edit: 3 };

/** May this member do `action` on `section`? */
export function can(member: PolicyMember | null | undefined, action: Action, section: SectionKey): boolean {
  if (!member || member.status !== 'actief') return false;
  return RANK[levelOf(member, section)] >= NEEDED[action];
}

/**
 * May this member manage the plan as a whole — membership, regie, rights, status and versions? That belongs to the
 * active casusregisseur (DOMAIN.md: one director); it is not a right on a section.
 */
export function canManage(member: PolicyMember | null | undefined): boolean {
  return Boolean(member && member.status === 'actief' && member.isCasusregisseur);
}

/**
 * Whether others may see this member's presence (name and caret) in a section. Presence is shown for
 * anyone who may comment or edit; read-only roles (verwijzer, tafel, netwerk on read sections) watch silently.
 */
export function canShowPresence(member: PolicyMember | null | undefined, section: SectionKey): boolean {
  return can(member, 'comment', section);
}
