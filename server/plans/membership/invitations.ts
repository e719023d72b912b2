import 'server-only';
/**
 * Invitations: the casusregisseur invites a person into the plan in a role; the link goes by mail to the invited
 * address only; the invited person accepts it once, within 7 days, signed in with that address. Only the token's
 * hash is stored. The mail's words are in the message files (`membership.mail.*`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createTranslator } from 'next-intl';
import { linkHouseholdPerson } from '@/db/queries/households';
import {
  claimInvitation,
  findInvitationByTokenHash,
  insertInvitation,
  revokeInvitation,
  revokeOpenInvitations,
  type InvitationView,
} from '@/db/queries/invitations';
import { addMember, listPlanMembers, reopenMember, setMemberStatus } from '@/db/queries/members';
import { findRegionOrganisation } from '@/db/queries/organisations';
import { createInvitedUser, findUserByEmail, findUserById } from '@/db/queries/users';
import { transaction } from '@/db/transaction';
import type { AcceptInvitationResponse } from '@/lib/api/membership';
import { basisForNewMember, joinsWithoutConsent } from '@/lib/consent';
import type { InviteInput } from '@/lib/membership-input';
import { isProfessionalRole, type PlanRole } from '@/lib/roles';
import nl from '@/messages/nl.json';
import { auditAs, type Via } from '../../audit/record';
import type { ServiceContext } from '../../context';
import { notSignedIn, Refusal } from '../../refusal';
import { loadConsentState, nameOf, NO_VIA, requireManager, type Actor, type PlanConsentState } from './shared';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The stored form of an invitation token: its SHA-256, hex. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The invitation mail is Dutch, as the family and the professionals read it. */
const mailText = createTranslator({ locale: 'nl', messages: nl, namespace: 'membership.mail' });
const roleLabel = createTranslator({ locale: 'nl', messages: nl, namespace: 'roles' });

/** The household person a family invitation is for: same name (any case), fitting relation, no account of someone else. */
function familyPersonFor(people: PlanConsentState['people'], role: PlanRole, name: string, existingUserId: string | null) {
  const fits = role === 'jeugdige' ? ['kind'] : ['ouder', 'overig'];
  return people.find(
    (p) => p.name.trim().toLowerCase() === name.trim().toLowerCase() && fits.includes(p.relation) && (p.userId === null || p.userId === existingUserId),
  );
}

function invitationMail(params: {
  name: string;
  inviter: string;
  household: string;
  role: PlanRole;
  organisation: string | null;
  familyDecides: boolean;
  url: string;
}): { subject: string; text: string } {
  const role = roleLabel(params.role);
  const lines = [
    mailText('greeting', { name: params.name }),
    '',
    params.organisation
      ? mailText('invitesWithOrg', { inviter: params.inviter, household: params.household, role, organisation: params.organisation })
      : mailText('invites', { inviter: params.inviter, household: params.household, role }),
    ...(params.familyDecides ? ['', mailText('familyDecides')] : []),
    '',
    mailText('openLink'),
    params.url,
    '',
    mailText('validity'),
  ];
  return { subject: mailText('subject', { household: params.household }), text: lines.join('\n') };
}

/**
 * Invites a person into the plan in a role (casusregisseur only, 20 an hour). Creates their account when no user
 * has the address, stores only the token's hash, and mails the link `${appUrl}/uitnodiging/<token>`, valid 7 days.
 */
export async function invite(ctx: ServiceContext, params: Actor & { input: InviteInput; via?: Via }) {
  const actor = await requireManager(ctx.db, params);
  const planId = actor.planId;
  if (!ctx.limits.invitations.take(actor.userId)) {
    throw new Refusal('rate_limited', 'Je hebt het afgelopen uur te veel uitnodigingen verstuurd. Probeer het over een uur opnieuw.', {
      retryAfterSeconds: 3600,
    });
  }
  const { input } = params;
  const state = await loadConsentState(ctx.db, planId, ctx.clock());
  const existing = await findUserByEmail(ctx.db, { email: input.email });

  let gezag = false;
  let organisationId: string | null = null;
  let organisationName: string | null = null;
  if (input.role === 'ouder' || input.role === 'jeugdige') {
    const person = familyPersonFor(state.people, input.role, input.name, existing?.id ?? null);
    if (!person) {
      throw new Refusal(
        'invalid',
        input.role === 'ouder'
          ? 'Kies een ouder of verzorger uit het huishouden die nog geen account heeft in dit plan.'
          : 'Kies een kind uit het huishouden dat nog geen account heeft in dit plan.',
      );
    }
    gezag = input.role === 'ouder' && person.gezag;
  } else if (isProfessionalRole(input.role)) {
    if (!input.organisationId) throw new Refusal('invalid', 'Kies de organisatie waar deze professional werkt.');
    const org = await findRegionOrganisation(ctx.db, { regionId: state.plan.regionId, id: input.organisationId });
    if (!org) throw new Refusal('invalid', 'Kies de organisatie waar deze professional werkt.');
    if (org.kind !== input.role) throw new Refusal('invalid', `${org.name} past niet bij de rol ${roleLabel(input.role)}.`);
    organisationId = org.id;
    organisationName = org.name;
  }
  if (input.hoofdaanbieder && input.role !== 'aanbieder') throw new Refusal('invalid', 'Alleen een zorgaanbieder kan hoofdaanbieder zijn.');
  if (existing) {
    const current = state.members.find((m) => m.userId === existing.id);
    if (current?.status === 'actief') throw new Refusal('conflict', `${existing.name ?? input.email} doet al mee aan dit plan.`);
    if (current?.status === 'wacht_op_toestemming') {
      throw new Refusal('conflict', `${existing.name ?? input.email} wacht al op toestemming van het gezin.`);
    }
  }

  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock();
  const invitation = await transaction(ctx.db, async (tx) => {
    const user = existing ?? (await createInvitedUser(tx, { name: input.name, email: input.email, organisationId }));
    await revokeOpenInvitations(tx, { planId, email: input.email, now });
    const row = await insertInvitation(tx, {
      planId,
      email: input.email,
      name: input.name,
      role: input.role,
      organisationId,
      gezag,
      hoofdaanbieder: input.hoofdaanbieder,
      tokenHash: hashInvitationToken(token),
      invitedBy: actor.userId,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    });
    await auditAs(tx, actor, 'membership.invite', params.via ?? NO_VIA, {
      details: { invitationId: row.id, invitedUserId: user.id, role: input.role, organisationId, newUser: !existing },
    });
    return row;
  });

  const url = `${ctx.mail.appUrl}/uitnodiging/${token}`;
  const inviterName = nameOf(await listPlanMembers(ctx.db, { planId }), actor.userId);
  const mail = invitationMail({
    name: input.name,
    inviter: inviterName || mailText('defaultInviter'),
    household: state.plan.householdName,
    role: input.role,
    organisation: organisationName,
    familyDecides: !joinsWithoutConsent({ kader: state.plan.kader, role: input.role, invitedByRole: actor.role }),
    url,
  });
  try {
    await ctx.mail.send({ to: input.email, subject: mail.subject, text: mail.text, url });
  } catch (err) {
    // An invitation nobody received must not stay usable; the casusregisseur can simply try again.
    await revokeInvitation(ctx.db, { id: invitation.id, now: ctx.clock() });
    console.error('[membership] invitation mail failed:', err instanceof Error ? err.message : err);
    throw new Refusal('mail_failed', 'De uitnodiging kon niet worden verstuurd. Probeer het later opnieuw.');
  }
  return { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt };
}

export type InvitationState = 'open' | 'used' | 'expired' | 'revoked';

function invitationState(view: InvitationView, now: Date): InvitationState {
  if (view.invitation.usedAt) return 'used';
  if (view.invitation.revokedAt) return 'revoked';
  if (view.invitation.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'open';
}

/** What the invitation page shows: who invites whom to which family's plan in which role; null for an unknown token. */
export async function describeInvitation(ctx: Pick<ServiceContext, 'db' | 'clock'>, params: { token: string }) {
  if (!TOKEN_SHAPE.test(params.token)) return null;
  const view = await findInvitationByTokenHash(ctx.db, { tokenHash: hashInvitationToken(params.token) });
  if (!view) return null;
  return {
    state: invitationState(view, ctx.clock()),
    planId: view.invitation.planId,
    email: view.invitation.email,
    name: view.invitation.name,
    role: view.invitation.role,
    householdName: view.householdName,
    inviterName: view.inviterName,
    inviterOrganisation: view.inviterOrganisation,
    organisationName: view.organisationName,
    needsConsent: !joinsWithoutConsent({ kader: view.kader, role: view.invitation.role, invitedByRole: view.inviterRole }),
    expiresAt: view.invitation.expiresAt,
  };
}

const GONE: Record<Exclude<InvitationState, 'open'>, string> = {
  used: 'Deze uitnodiging is al gebruikt. Een uitnodiging werkt maar één keer.',
  expired: 'Deze uitnodiging is verlopen. Vraag de casusregisseur om een nieuwe.',
  revoked: 'Deze uitnodiging geldt niet meer. Vraag de casusregisseur om een nieuwe.',
};

/**
 * Accepts an invitation for the signed-in user, whose email must be the invited address. Creates (or reopens) the
 * membership, active or waiting for consent as lib/consent.ts decides, with the basis it rests on.
 */
export async function acceptInvitation(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  params: { token: string; userId: string; email: string | null; via?: Via },
): Promise<AcceptInvitationResponse> {
  const view = TOKEN_SHAPE.test(params.token) ? await findInvitationByTokenHash(ctx.db, { tokenHash: hashInvitationToken(params.token) }) : null;
  if (!view) throw new Refusal('not_found', 'Deze uitnodiging bestaat niet. Controleer de link of vraag de casusregisseur om een nieuwe.');
  const state = invitationState(view, ctx.clock());
  if (state !== 'open') throw new Refusal('gone', GONE[state]);
  const inv = view.invitation;
  if (!params.email || params.email.trim().toLowerCase() !== inv.email.trim().toLowerCase()) {
    throw new Refusal('forbidden', 'Deze uitnodiging is voor een ander e-mailadres. Log in met het adres waarop je de uitnodiging kreeg.');
  }

  return transaction(ctx.db, async (tx) => {
    const claimed = await claimInvitation(tx, { id: inv.id, userId: params.userId, now: ctx.clock() });
    if (!claimed) throw new Refusal('gone', GONE.used);
    const before = await loadConsentState(tx, inv.planId, ctx.clock());
    const current = before.members.find((m) => m.userId === params.userId);
    if (current && current.status !== 'beeindigd') throw new Refusal('conflict', 'Je doet al mee aan dit plan.');
    if (inv.role === 'ouder' || inv.role === 'jeugdige') {
      const person = familyPersonFor(before.people, inv.role, inv.name, params.userId);
      if (person && person.userId === null) {
        await linkHouseholdPerson(tx, { householdId: before.plan.householdId, personId: person.id, userId: params.userId });
      }
    }
    const fields = {
      role: inv.role,
      basis: basisForNewMember({ kader: before.plan.kader, role: inv.role }),
      status: 'wacht_op_toestemming' as const,
      organisationId: inv.organisationId,
      gezag: inv.gezag,
      hoofdaanbieder: inv.hoofdaanbieder,
    };
    const row = current ? await reopenMember(tx, { id: current.id, ...fields }) : await addMember(tx, { planId: inv.planId, userId: params.userId, ...fields });
    const after = await loadConsentState(tx, inv.planId, ctx.clock());
    const stored = after.members.find((m) => m.id === row.id);
    if (!stored) throw new Error('accepted membership not found');
    const outcome = after.evaluate(stored);
    const status = outcome.state === 'actief' ? 'actief' : 'wacht_op_toestemming';
    await setMemberStatus(tx, { memberId: row.id, status, basis: outcome.basis });
    // The new member acts in the role and on the basis the invitation gave them.
    const joined = { userId: params.userId, planId: inv.planId, role: inv.role, basis: outcome.basis };
    await auditAs(tx, joined, 'membership.accept', params.via ?? NO_VIA, {
      details: { invitationId: inv.id, memberId: row.id, status, reopened: Boolean(current), waitingFor: outcome.waitingFor.map((d) => d.userId) },
    });
    return { planId: inv.planId, memberId: row.id, status, basis: outcome.basis };
  });
}

/** The same for the signed-in person of a request: their address comes from the database, never from the session token. */
export async function acceptInvitationAs(ctx: Pick<ServiceContext, 'db' | 'clock'>, params: { token: string; userId: string; via: Via }) {
  const account = await findUserById(ctx.db, { id: params.userId });
  if (!account) throw notSignedIn();
  return acceptInvitation(ctx, { token: params.token, userId: account.id, email: account.email, via: params.via });
}

/** The invitation page: the invitation (null for an unknown token) and the address of whoever is signed in, if anyone. */
export async function invitationForVisitor(ctx: Pick<ServiceContext, 'db' | 'clock'>, params: { token: string; userId: string | null }) {
  const invitation = await describeInvitation(ctx, { token: params.token });
  if (!invitation || invitation.state !== 'open' || !params.userId) return { invitation, accountEmail: null };
  const account = await findUserById(ctx.db, { id: params.userId });
  return { invitation, accountEmail: account?.email ?? null };
}
