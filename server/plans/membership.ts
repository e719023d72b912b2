import 'server-only';
/**
 * Membership, invitations and consent: who joins a plan, on which basis, and who decides. Each service checks the
 * actor's membership and right itself (so its tests cover the permission too), writes every change and its audit
 * event in one transaction, and closes revoked people's live connections after the commit.
 * The consent rules themselves are pure and live in lib/consent.ts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { getDb, type Db } from '@/db/client';
import { insertConsent, listPlanDecisions, loadPlanConsentFacts } from '@/db/queries/consents';
import { linkHouseholdPerson } from '@/db/queries/households';
import {
  claimInvitation,
  findInvitationByTokenHash,
  insertInvitation,
  inviterRolesOfPlan,
  listOpenInvitations,
  revokeInvitation,
  revokeOpenInvitations,
  type InvitationView,
} from '@/db/queries/invitations';
import {
  addMember,
  appointRegisseur,
  endRegieOf,
  listPlanMembers,
  listRegieAssignments,
  loadMember,
  loadOverrides,
  lockPlanMember,
  reopenMember,
  setMemberStatus,
  type LoadedMember,
  type MemberRow,
} from '@/db/queries/members';
import { findRegionOrganisation, listRegionOrganisations } from '@/db/queries/organisations';
import { createInvitedUser, findUserByEmail } from '@/db/queries/users';
import {
  allowedDecisions,
  basisForNewMember,
  deciderCapacity,
  evaluateMembership,
  joinsWithoutConsent,
  type ConsentFacts,
  type ConsentOutcome,
  type Decision,
  type DeciderCapacity,
} from '@/lib/consent';
import type { ConsentAction, ConsentDecisionInput, InviteInput, RegieChangeInput } from '@/lib/membership-input';
import { can, canManage, levelOf, type Level } from '@/lib/policy';
import { isProfessionalRole, type PlanRole } from '@/lib/roles';
import { sectionsOfPlan } from '@/lib/section-rules';
import type { SectionKey } from '@/lib/sections';
import nl from '@/messages/nl.json';
import { recordAudit } from '../audit/record';
import { RateLimiter } from '../auth/rate-limit';
import { getConfig } from '../config';
import { sendMail, type Mail } from '../mail/send';
import { getRuntime } from '../runtime';
import { PlanId } from './access';

export type MembershipErrorKind = 'not_found' | 'forbidden' | 'invalid' | 'conflict' | 'gone' | 'rate_limited' | 'mail_failed';

/** A refusal with a plain-Dutch message; routes map `kind` to an HTTP status. Nothing was written when it is thrown. */
export class MembershipError extends Error {
  constructor(
    readonly kind: MembershipErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Same words as planNotFound(): an unknown plan and someone else's plan must look alike. */
export const PLAN_NOT_FOUND = 'Dit plan bestaat niet of je hebt er geen toegang toe.';

export interface MembershipContext {
  db: Db;
  appUrl: string;
  sendMail: (mail: Mail) => Promise<void>;
  /** Closes a user's live connections to a plan on every node (4403). */
  revoke: (params: { planId: string; userId: string }) => void;
  inviteLimiter: RateLimiter;
}

/** Where a request came from, for the audit trail. */
export interface Via {
  accessPoint?: string | null;
  client?: string | null;
}

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Invitations one person may send per hour (QUALITY.md: rate limits on invitations). */
export const INVITES_PER_HOUR = 20;

const LIMITER_KEY = Symbol.for('onsplan.inviteLimiter');
type WithLimiter = typeof globalThis & { [LIMITER_KEY]?: RateLimiter };

/** The context of the running server: shared database, configured mail, the realtime server's revoke. */
export function membershipContext(): MembershipContext {
  const config = getConfig();
  // One limiter per process, shared by every route module (Next bundles routes separately).
  const g = globalThis as WithLimiter;
  g[LIMITER_KEY] ??= new RateLimiter(INVITES_PER_HOUR, 60 * 60 * 1000);
  return {
    db: getDb(),
    appUrl: config.appUrl,
    sendMail: (mail) => sendMail(mail, { smtpUrl: config.smtpUrl, from: config.emailFrom }),
    revoke: (params) => getRuntime()?.revoke(params),
    inviteLimiter: g[LIMITER_KEY],
  };
}

/** The stored form of an invitation token: its SHA-256, hex. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

// --- loading facts ---

async function requireMember(db: Db, planId: string, userId: string): Promise<LoadedMember> {
  if (!PlanId.safeParse(planId).success) throw new MembershipError('not_found', PLAN_NOT_FOUND);
  const member = await loadMember(db, { planId, userId });
  if (!member || member.status !== 'actief') throw new MembershipError('not_found', PLAN_NOT_FOUND);
  return member;
}

async function requireManager(db: Db, planId: string, userId: string): Promise<LoadedMember> {
  const member = await requireMember(db, planId, userId);
  if (!canManage(member)) throw new MembershipError('forbidden', 'Alleen de casusregisseur beheert wie er meedoet en wie de regie heeft.');
  return member;
}

const NOT_A_DECIDER = 'Over toestemming beslissen alleen ouders met gezag en jongeren vanaf 12 jaar.';

/** Throws unless the user is an active member of the plan (not_found) holding casusregie (forbidden). For routes, before parsing input. */
export async function assertManager(db: Db, params: { planId: string; userId: string }): Promise<void> {
  await requireManager(db, params.planId, params.userId);
}

/** Throws unless the user is an active member (not_found) who decides about consent in this plan (forbidden). */
export async function assertDecider(db: Db, params: { planId: string; userId: string }): Promise<void> {
  await requireMember(db, params.planId, params.userId);
  const state = await loadConsentState(db, params.planId);
  if (!deciderCapacity(state.facts, params.userId)) throw new MembershipError('forbidden', NOT_A_DECIDER);
}

interface PlanConsentState {
  plan: NonNullable<Awaited<ReturnType<typeof loadPlanConsentFacts>>>['plan'];
  people: NonNullable<Awaited<ReturnType<typeof loadPlanConsentFacts>>>['people'];
  members: MemberRow[];
  facts: ConsentFacts;
  decisionsOf: (memberId: string) => Decision[];
  evaluate: (member: MemberRow) => ConsentOutcome;
}

/** Everything the consent rules need about one plan, read in one go (inside the caller's transaction, if any). */
async function loadConsentState(db: Db, planId: string, today = new Date()): Promise<PlanConsentState> {
  const loaded = await loadPlanConsentFacts(db, { planId });
  if (!loaded) throw new MembershipError('not_found', PLAN_NOT_FOUND);
  const [decisions, inviterRoles] = [await listPlanDecisions(db, { planId }), await inviterRolesOfPlan(db, { planId })];
  const facts: ConsentFacts = {
    kader: loaded.plan.kader,
    planCreatedBy: loaded.plan.createdBy,
    people: loaded.people,
    members: loaded.members,
    today,
  };
  const decisionsOf = (memberId: string) => decisions.filter((d) => d.memberId === memberId);
  return {
    plan: loaded.plan,
    people: loaded.people,
    members: loaded.members,
    facts,
    decisionsOf,
    evaluate: (m) =>
      evaluateMembership(
        facts,
        { userId: m.userId, role: m.role, basis: m.basis, status: m.status, invitedByRole: inviterRoles.get(m.userId) ?? null },
        decisionsOf(m.id),
      ),
  };
}

function nameOf(members: { userId: string; name: string | null }[], userId: string): string {
  return members.find((m) => m.userId === userId)?.name ?? '';
}

// --- members ---

export interface MemberView {
  id: string;
  userId: string;
  name: string | null;
  email: string;
  organisationName: string | null;
  role: PlanRole;
  basis: MemberRow['basis'];
  status: MemberRow['status'];
  gezag: boolean;
  hoofdaanbieder: boolean;
  isCasusregisseur: boolean;
  isProcesregisseur: boolean;
  /** For a membership waiting for consent: who still has to decide (names), and whether nobody can yet. */
  waitingFor: { userId: string; name: string; capacity: DeciderCapacity }[];
  missingDecider: boolean;
  createdAt: Date;
  endedAt: Date | null;
}

/** The members panel of the casusregisseur: members, open invitations, regie with history, organisations to invite from. */
export async function listMembers(ctx: MembershipContext, params: { planId: string; actorId: string; via?: Via }) {
  const actor = await requireManager(ctx.db, params.planId, params.actorId);
  const state = await loadConsentState(ctx.db, params.planId);
  const rows = await listPlanMembers(ctx.db, { planId: params.planId });
  const regie = await listRegieAssignments(ctx.db, { planId: params.planId });
  const current = (kind: 'casusregie' | 'procesregie') => regie.find((r) => r.kind === kind && r.endedAt === null) ?? null;
  const members: MemberView[] = rows.map((r) => {
    const row = state.members.find((m) => m.id === r.id);
    const outcome = row && r.status === 'wacht_op_toestemming' ? state.evaluate(row) : null;
    return {
      ...r,
      isCasusregisseur: current('casusregie')?.userId === r.userId,
      isProcesregisseur: current('procesregie')?.userId === r.userId,
      waitingFor: (outcome?.waitingFor ?? []).map((d) => ({ userId: d.userId, name: nameOf(rows, d.userId), capacity: d.capacity })),
      missingDecider: outcome?.missingDecider ?? false,
    };
  });
  const invitations = await listOpenInvitations(ctx.db, { planId: params.planId, now: new Date() });
  const organisations = await listRegionOrganisations(ctx.db, { regionId: state.plan.regionId });
  await recordAudit(ctx.db, {
    action: 'membership.list',
    actorUserId: params.actorId,
    actorRole: actor.role,
    planId: params.planId,
    basis: actor.basis,
    accessPoint: params.via?.accessPoint ?? null,
    client: params.via?.client ?? null,
  });
  return {
    householdName: state.plan.householdName,
    members,
    invitations,
    regie: { casusregie: current('casusregie'), procesregie: current('procesregie'), history: regie },
    organisations,
    /** Household people an ouder or jeugdige invitation can be for (no account yet). */
    invitablePeople: state.people.filter((p) => p.userId === null && p.relation !== 'overig').map((p) => ({ id: p.id, name: p.name, relation: p.relation })),
  };
}

// --- invitations ---

const ROLE_LABEL = nl.roles as Record<PlanRole, string>;

/** The household person a family invitation is for: same name (any case), fitting relation, no account of someone else. */
function familyPersonFor(people: PlanConsentState['people'], role: PlanRole, name: string, existingUserId: string | null) {
  const fits = role === 'jeugdige' ? ['kind'] : ['ouder', 'overig'];
  return people.find(
    (p) => p.name.trim().toLowerCase() === name.trim().toLowerCase() && fits.includes(p.relation) && (p.userId === null || p.userId === existingUserId),
  );
}

/**
 * Invites a person into the plan in a role (casusregisseur only, 20 an hour). Creates their account when no user
 * has the address, stores only the token's hash, and mails the link `${appUrl}/uitnodiging/<token>`, valid 7 days.
 */
export async function invite(ctx: MembershipContext, params: { planId: string; actorId: string; input: InviteInput; via?: Via }) {
  const actor = await requireManager(ctx.db, params.planId, params.actorId);
  if (!ctx.inviteLimiter.take(params.actorId)) {
    throw new MembershipError('rate_limited', 'Je hebt het afgelopen uur te veel uitnodigingen verstuurd. Probeer het over een uur opnieuw.');
  }
  const { input } = params;
  const state = await loadConsentState(ctx.db, params.planId);
  const existing = await findUserByEmail(ctx.db, { email: input.email });

  let gezag = false;
  let organisationId: string | null = null;
  let organisationName: string | null = null;
  if (input.role === 'ouder' || input.role === 'jeugdige') {
    const person = familyPersonFor(state.people, input.role, input.name, existing?.id ?? null);
    if (!person) {
      throw new MembershipError(
        'invalid',
        input.role === 'ouder'
          ? 'Kies een ouder of verzorger uit het huishouden die nog geen account heeft in dit plan.'
          : 'Kies een kind uit het huishouden dat nog geen account heeft in dit plan.',
      );
    }
    gezag = input.role === 'ouder' && person.gezag;
  } else if (isProfessionalRole(input.role)) {
    if (!input.organisationId) throw new MembershipError('invalid', 'Kies de organisatie waar deze professional werkt.');
    const org = await findRegionOrganisation(ctx.db, { regionId: state.plan.regionId, id: input.organisationId });
    if (!org) throw new MembershipError('invalid', 'Kies de organisatie waar deze professional werkt.');
    if (org.kind !== input.role) throw new MembershipError('invalid', `${org.name} past niet bij de rol ${ROLE_LABEL[input.role]}.`);
    organisationId = org.id;
    organisationName = org.name;
  }
  if (input.hoofdaanbieder && input.role !== 'aanbieder') throw new MembershipError('invalid', 'Alleen een zorgaanbieder kan hoofdaanbieder zijn.');
  if (existing) {
    const current = state.members.find((m) => m.userId === existing.id);
    if (current?.status === 'actief') throw new MembershipError('conflict', `${existing.name ?? input.email} doet al mee aan dit plan.`);
    if (current?.status === 'wacht_op_toestemming') throw new MembershipError('conflict', `${existing.name ?? input.email} wacht al op toestemming van het gezin.`);
  }

  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const invitation = await ctx.db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const user = existing ?? (await createInvitedUser(t, { name: input.name, email: input.email, organisationId }));
    await revokeOpenInvitations(t, { planId: params.planId, email: input.email, now });
    const row = await insertInvitation(t, {
      planId: params.planId,
      email: input.email,
      name: input.name,
      role: input.role,
      organisationId,
      gezag,
      hoofdaanbieder: input.hoofdaanbieder,
      tokenHash: hashInvitationToken(token),
      invitedBy: params.actorId,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    });
    await recordAudit(t, {
      action: 'membership.invite',
      actorUserId: params.actorId,
      actorRole: actor.role,
      planId: params.planId,
      basis: actor.basis,
      accessPoint: params.via?.accessPoint ?? null,
      client: params.via?.client ?? null,
      details: { invitationId: row.id, invitedUserId: user.id, role: input.role, organisationId, newUser: !existing },
    });
    return row;
  });

  const url = `${ctx.appUrl}/uitnodiging/${token}`;
  const inviterName = nameOf(await listPlanMembers(ctx.db, { planId: params.planId }), params.actorId);
  const waits = !joinsWithoutConsent({ kader: state.plan.kader, role: input.role, invitedByRole: actor.role });
  const lines = [
    `Hallo ${input.name},`,
    '',
    `${inviterName || 'De casusregisseur'} nodigt je uit om mee te doen aan het gezinsplan van ${state.plan.householdName} in Ons Plan, als ${ROLE_LABEL[input.role]}${organisationName ? ` van ${organisationName}` : ''}.`,
    ...(waits ? ['', 'Het gezin beslist of je mag meekijken. Tot het gezin ja zegt, zie je het plan nog niet.'] : []),
    '',
    'Open de uitnodiging met deze link:',
    url,
    '',
    'De link werkt één keer en is 7 dagen geldig. Heb je deze uitnodiging niet verwacht? Dan kun je deze mail negeren.',
  ];
  try {
    await ctx.sendMail({ to: input.email, subject: `Uitnodiging voor het gezinsplan van ${state.plan.householdName}`, text: lines.join('\n'), url });
  } catch (err) {
    // An invitation nobody received must not stay usable; the casusregisseur can simply try again.
    await revokeInvitation(ctx.db, { id: invitation.id, now: new Date() });
    console.error('[membership] invitation mail failed:', err instanceof Error ? err.message : err);
    throw new MembershipError('mail_failed', 'De uitnodiging kon niet worden verstuurd. Probeer het later opnieuw.');
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
export async function describeInvitation(ctx: Pick<MembershipContext, 'db'>, params: { token: string }) {
  if (!TOKEN_SHAPE.test(params.token)) return null;
  const view = await findInvitationByTokenHash(ctx.db, { tokenHash: hashInvitationToken(params.token) });
  if (!view) return null;
  return {
    state: invitationState(view, new Date()),
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
export async function acceptInvitation(ctx: MembershipContext, params: { token: string; userId: string; email: string | null; via?: Via }) {
  const view = TOKEN_SHAPE.test(params.token) ? await findInvitationByTokenHash(ctx.db, { tokenHash: hashInvitationToken(params.token) }) : null;
  if (!view) throw new MembershipError('not_found', 'Deze uitnodiging bestaat niet. Controleer de link of vraag de casusregisseur om een nieuwe.');
  const state = invitationState(view, new Date());
  if (state !== 'open') throw new MembershipError('gone', GONE[state]);
  const inv = view.invitation;
  if (!params.email || params.email.trim().toLowerCase() !== inv.email.trim().toLowerCase()) {
    throw new MembershipError('forbidden', 'Deze uitnodiging is voor een ander e-mailadres. Log in met het adres waarop je de uitnodiging kreeg.');
  }

  const result = await ctx.db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const claimed = await claimInvitation(t, { id: inv.id, userId: params.userId, now: new Date() });
    if (!claimed) throw new MembershipError('gone', GONE.used);
    const before = await loadConsentState(t, inv.planId);
    const current = before.members.find((m) => m.userId === params.userId);
    if (current && current.status !== 'beeindigd') throw new MembershipError('conflict', 'Je doet al mee aan dit plan.');
    if (inv.role === 'ouder' || inv.role === 'jeugdige') {
      const person = familyPersonFor(before.people, inv.role, inv.name, params.userId);
      if (person && person.userId === null) await linkHouseholdPerson(t, { householdId: before.plan.householdId, personId: person.id, userId: params.userId });
    }
    const fields = {
      role: inv.role,
      basis: basisForNewMember({ kader: before.plan.kader, role: inv.role }),
      status: 'wacht_op_toestemming' as const,
      organisationId: inv.organisationId,
      gezag: inv.gezag,
      hoofdaanbieder: inv.hoofdaanbieder,
    };
    const row = current
      ? await reopenMember(t, { id: current.id, ...fields })
      : await addMember(t, { planId: inv.planId, userId: params.userId, ...fields });
    const after = await loadConsentState(t, inv.planId);
    const stored = after.members.find((m) => m.id === row.id);
    if (!stored) throw new Error('accepted membership not found');
    const outcome = after.evaluate(stored);
    const status = outcome.state === 'actief' ? 'actief' : 'wacht_op_toestemming';
    await setMemberStatus(t, { memberId: row.id, status, basis: outcome.basis });
    await recordAudit(t, {
      action: 'membership.accept',
      actorUserId: params.userId,
      actorRole: inv.role,
      planId: inv.planId,
      basis: outcome.basis,
      accessPoint: params.via?.accessPoint ?? null,
      client: params.via?.client ?? null,
      details: { invitationId: inv.id, memberId: row.id, status, reopened: Boolean(current), waitingFor: outcome.waitingFor.map((d) => d.userId) },
    });
    return { planId: inv.planId, memberId: row.id, status, basis: outcome.basis };
  });
  return result;
}

// --- consent ---

export interface ConsentRequest {
  memberId: string;
  userId: string;
  name: string | null;
  organisationName: string | null;
  role: PlanRole;
  status: MemberRow['status'];
  myDecision: Decision['decision'] | null;
  allowed: ConsentAction[];
  waitingFor: { userId: string; name: string }[];
  /** What joining means: the sections this role would get that the decider can see too, with its right on each. */
  sections: { key: SectionKey; level: Exclude<Level, 'none'> }[];
  /** True when the role also gets parts the decider cannot see (named nowhere, so their titles stay hidden). */
  moreSections: boolean;
}

/**
 * The requests the signed-in person may decide about in this plan: pending ones (yes / not now), and memberships
 * that rest on their consent (withdraw). Only parents with gezag and young people from 12 decide.
 */
export async function listConsentRequests(ctx: Pick<MembershipContext, 'db'>, params: { planId: string; actorId: string; via?: Via; audit?: boolean }) {
  const actor = await requireMember(ctx.db, params.planId, params.actorId);
  const state = await loadConsentState(ctx.db, params.planId);
  const capacity = deciderCapacity(state.facts, params.actorId);
  if (!capacity) throw new MembershipError('forbidden', NOT_A_DECIDER);
  const rows = await listPlanMembers(ctx.db, { planId: params.planId });
  const today = new Date();
  const planSections = sectionsOfPlan(state.people, today);
  const requests: ConsentRequest[] = [];
  for (const m of state.members) {
    if (m.status === 'beeindigd' || m.userId === params.actorId) continue;
    const outcome = state.evaluate(m);
    const decisions = state.decisionsOf(m.id);
    const allowed = allowedDecisions(outcome, params.actorId, decisions);
    if (allowed.length === 0) continue;
    const overrides = await loadOverrides(ctx.db, { planId: params.planId, role: m.role });
    const asMember = { role: m.role, status: 'actief' as const, isCasusregisseur: false, overrides };
    const row = rows.find((r) => r.id === m.id);
    requests.push({
      memberId: m.id,
      userId: m.userId,
      name: row?.name ?? null,
      organisationName: row?.organisationName ?? null,
      role: m.role,
      status: m.status,
      myDecision: decisions.filter((d) => d.decidedBy === params.actorId).at(-1)?.decision ?? null,
      allowed,
      // Others still asked; another parent with gezag is an alternative to this parent, not someone who must also agree.
      waitingFor: outcome.waitingFor
        .filter((d) => d.userId !== params.actorId && !(capacity === 'ouder_met_gezag' && d.capacity === 'ouder_met_gezag'))
        .map((d) => ({ userId: d.userId, name: nameOf(rows, d.userId) })),
      sections: planSections
        .filter((key) => can(actor, 'see', key))
        .map((key) => ({ key, level: levelOf(asMember, key) }))
        .filter((s): s is { key: SectionKey; level: Exclude<Level, 'none'> } => s.level !== 'none'),
      moreSections: planSections.some((key) => !can(actor, 'see', key) && levelOf(asMember, key) !== 'none'),
    });
  }
  if (params.audit !== false) {
    await recordAudit(ctx.db, {
      action: 'consent.view',
      actorUserId: params.actorId,
      actorRole: actor.role,
      planId: params.planId,
      basis: actor.basis,
      accessPoint: params.via?.accessPoint ?? null,
      client: params.via?.client ?? null,
      details: { capacity },
    });
  }
  return {
    householdName: state.plan.householdName,
    capacity,
    pending: requests.filter((r) => r.allowed.includes('give')),
    granted: requests.filter((r) => !r.allowed.includes('give')),
  };
}

/** How many consent questions wait for this person (0 for anyone who does not decide); for the plan page's notice. */
export async function pendingConsentCount(ctx: Pick<MembershipContext, 'db'>, params: { planId: string; userId: string }): Promise<{ decides: boolean; pending: number }> {
  try {
    const list = await listConsentRequests(ctx, { planId: params.planId, actorId: params.userId, audit: false });
    return { decides: true, pending: list.pending.length };
  } catch (err) {
    if (err instanceof MembershipError) return { decides: false, pending: 0 };
    throw err;
  }
}

const DECISION: Record<ConsentAction, Decision['decision']> = { give: 'gegeven', refuse: 'geweigerd', withdraw: 'ingetrokken' };
const AUDIT_ACTION = { give: 'consent.give', refuse: 'consent.refuse', withdraw: 'consent.withdraw' } as const;

/**
 * Records a parent's or young person's decision about one membership and applies the rules: the membership becomes
 * active when every required consent is there, and ends (with its live connections closed) on any refusal or withdrawal.
 */
export async function decideConsent(ctx: MembershipContext, params: { planId: string; actorId: string; input: ConsentDecisionInput; via?: Via }) {
  const actor = await requireMember(ctx.db, params.planId, params.actorId);
  const { memberId, decision, reason } = params.input;
  const result = await ctx.db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const target = await lockPlanMember(t, { planId: params.planId, memberId });
    const state = await loadConsentState(t, params.planId);
    const capacity = deciderCapacity(state.facts, params.actorId);
    if (!capacity) throw new MembershipError('forbidden', NOT_A_DECIDER);
    if (!target) throw new MembershipError('not_found', 'Dit verzoek bestaat niet (meer).');
    if (target.status === 'beeindigd') throw new MembershipError('conflict', 'Deze persoon doet al niet meer mee aan het plan.');
    const before = state.evaluate(target);
    if (!before.deciders.some((d) => d.userId === params.actorId)) {
      throw new MembershipError('forbidden', 'Over deze persoon beslis jij niet: daar is geen toestemming van jou voor nodig.');
    }
    if (!allowedDecisions(before, params.actorId, state.decisionsOf(target.id)).includes(decision)) {
      throw new MembershipError(
        'conflict',
        decision === 'withdraw' ? 'Je hebt hier nog geen toestemming voor gegeven; kies "Nee, nu niet".' : 'Je hebt al toestemming gegeven. Je kunt die wel intrekken.',
      );
    }
    await insertConsent(t, {
      planId: params.planId,
      memberId: target.id,
      decidedBy: params.actorId,
      decidedAs: actor.role,
      decision: DECISION[decision],
      reason: reason || null,
    });
    const after = (await loadConsentState(t, params.planId)).evaluate(target);
    const status: MemberRow['status'] = after.state === 'geweigerd' ? 'beeindigd' : after.state;
    if (status !== target.status) await setMemberStatus(t, { memberId: target.id, status });
    await recordAudit(t, {
      action: AUDIT_ACTION[decision],
      actorUserId: params.actorId,
      actorRole: actor.role,
      planId: params.planId,
      basis: actor.basis,
      accessPoint: params.via?.accessPoint ?? null,
      client: params.via?.client ?? null,
      details: { memberId: target.id, memberUserId: target.userId, memberRole: target.role, capacity, from: target.status, to: status, reason: reason || null },
    });
    return { memberId: target.id, userId: target.userId, status, previous: target.status, waitingFor: after.waitingFor.map((d) => d.userId) };
  });
  // After the commit: a refused or withdrawn membership loses its open live sections at once, on every node.
  if (result.status === 'beeindigd') ctx.revoke({ planId: params.planId, userId: result.userId });
  return { memberId: result.memberId, status: result.status, waitingFor: result.waitingFor };
}

// --- removal and regie ---

/** Ends a membership (casusregisseur only) and closes the person's live connections. */
export async function removeMember(ctx: MembershipContext, params: { planId: string; actorId: string; memberId: string; reason?: string; via?: Via }) {
  const actor = await requireManager(ctx.db, params.planId, params.actorId);
  const removed = await ctx.db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const target = PlanId.safeParse(params.memberId).success ? await lockPlanMember(t, { planId: params.planId, memberId: params.memberId }) : null;
    if (!target) throw new MembershipError('not_found', 'Deze persoon doet niet mee aan dit plan.');
    if (target.status === 'beeindigd') throw new MembershipError('conflict', 'Deze persoon doet al niet meer mee aan het plan.');
    if (target.userId === params.actorId) {
      throw new MembershipError('conflict', 'Je kunt jezelf niet uit het plan halen. Draag eerst de casusregie over aan een ander.');
    }
    await setMemberStatus(t, { memberId: target.id, status: 'beeindigd' });
    const endedProcesregie = await endRegieOf(t, { planId: params.planId, userId: target.userId, kind: 'procesregie' });
    await recordAudit(t, {
      action: 'membership.remove',
      actorUserId: params.actorId,
      actorRole: actor.role,
      planId: params.planId,
      basis: actor.basis,
      accessPoint: params.via?.accessPoint ?? null,
      client: params.via?.client ?? null,
      details: { memberId: target.id, memberUserId: target.userId, memberRole: target.role, from: target.status, reason: params.reason || null, endedProcesregie },
    });
    return target;
  });
  ctx.revoke({ planId: params.planId, userId: removed.userId });
  return { memberId: removed.id, status: 'beeindigd' as const };
}

/** Appoints a new casus- or procesregisseur (casusregisseur only), with a reason; the previous appointment is kept as history. */
export async function changeRegie(ctx: MembershipContext, params: { planId: string; actorId: string; input: RegieChangeInput; via?: Via }) {
  const actor = await requireManager(ctx.db, params.planId, params.actorId);
  const { kind, userId, reason } = params.input;
  await ctx.db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const target = await loadMember(t, { planId: params.planId, userId });
    if (!target || target.status !== 'actief' || !isProfessionalRole(target.role)) {
      throw new MembershipError('invalid', 'Kies een professional die actief meedoet aan dit plan.');
    }
    const history = await listRegieAssignments(t, { planId: params.planId });
    const previous = history.find((r) => r.kind === kind && r.endedAt === null) ?? null;
    if (previous?.userId === userId) throw new MembershipError('conflict', `${previous.name ?? 'Deze persoon'} heeft de ${kind} al.`);
    await appointRegisseur(t, { planId: params.planId, kind, userId, appointedBy: params.actorId, reason });
    await recordAudit(t, {
      action: 'regie.change',
      actorUserId: params.actorId,
      actorRole: actor.role,
      planId: params.planId,
      basis: actor.basis,
      accessPoint: params.via?.accessPoint ?? null,
      client: params.via?.client ?? null,
      details: { kind, from: previous?.userId ?? null, to: userId, reason },
    });
  });
  return { kind, userId };
}

/**
 * For the plan page: the family's name when this user's membership waits for consent (so they see that they
 * wait, and nothing of the plan itself); null otherwise.
 */
export async function waitingMembership(db: Db, params: { planId: string; userId: string }): Promise<{ householdName: string } | null> {
  if (!PlanId.safeParse(params.planId).success) return null;
  const member = await loadMember(db, params);
  if (member?.status !== 'wacht_op_toestemming') return null;
  const facts = await loadPlanConsentFacts(db, { planId: params.planId });
  return facts ? { householdName: facts.plan.householdName } : null;
}
