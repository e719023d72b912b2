/**
 * The membership screens' parts, the folder's public surface: the plan page's links and waiting notice, the
 * members panel's forms, the consent answers and the invitation steps. Pages import from here only.
 */
export { ConsentAnswer, WithdrawConsent } from './ConsentControls';
export { AcceptInvitation, InvitationSignIn } from './InvitationActions';
export { InviteForm, type InviteFormProps } from './InviteForm';
export { MembershipLinks } from './MembershipLinks';
export { RegieForm } from './RegieForm';
export { RemoveMember } from './RemoveMember';
export { WaitingForConsent } from './WaitingForConsent';
export { default as membershipStyles } from './membership.module.css';
