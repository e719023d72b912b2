/**
 * Response bodies of the membership, consent, regie and invitation routes, shared by the route handlers and the
 * browser's API client; and the data of the plan page's membership links (computed on the server, passed as props).
 */
import type { MemberStatus } from '../consent';
import type { AccessBasis, PlanRole } from '../roles';

/** POST /api/plans/<id>/members (201). */
export interface InviteResponse {
  invitation: { id: string; email: string; role: PlanRole; expiresAt: string };
}

/** DELETE /api/plans/<id>/members/<memberId>. */
export interface RemoveMemberResponse {
  memberId: string;
  status: 'beeindigd';
}

/** POST /api/plans/<id>/consent. */
export interface ConsentDecisionResponse {
  memberId: string;
  status: MemberStatus;
  /** The user ids whose consent is still needed. */
  waitingFor: string[];
}

/** POST /api/plans/<id>/regie. */
export interface RegieChangeResponse {
  kind: 'casusregie' | 'procesregie';
  userId: string;
}

/** POST /api/invitations/<token>/accept. */
export interface AcceptInvitationResponse {
  planId: string;
  memberId: string;
  status: 'actief' | 'wacht_op_toestemming';
  basis: AccessBasis;
}

/** What the plan page links to: "Leden en regie" for the casusregisseur, "Toestemming" (with open questions) for deciders. */
export interface MembershipLinksData {
  manages: boolean;
  /** Null for members who are neither a parent nor a young person. */
  consent: { decides: boolean; pending: number } | null;
}
