/**
 * Membership, invitations and consent against a real database: what a casusregisseur, a parent, a young person,
 * a provider and an outsider would notice — who gets in, who waits, who is refused, and that every refusal writes
 * nothing.
 */
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadMember } from '@/db/queries/members';
import { auditEvents, consents, householdPeople, invitations, planMembers, regieAssignments, users } from '@/db/schema';
import { databasePerFile } from '@/test/database-per-file';
import { buildMember, buildUser } from '@/test/factories';
import { buildFamilyPlan, expireInvitation, testMembershipContext, tokenFromMail, uniqueEmail } from '@/test/membership-factories';
import { Refusal } from '../../refusal';
import { assertDecider, decideConsent, listConsentRequests, pendingConsentCount } from './consent';
import { acceptInvitation, acceptInvitationAs, describeInvitation, hashInvitationToken, invite } from './invitations';
import { membershipLinks } from './links';
import { listMembers, removeMember } from './members';
import { changeRegie } from './regie';
import { refusalKind } from '@/test/assert';

const database = databasePerFile();

async function auditActions(planId: string): Promise<string[]> {
  const rows = await database.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.planId, planId));
  return rows.map((r) => r.action);
}

/** Mo invites a provider of De Linde; returns the invitation's token and the invitee's email. */
async function inviteProvider(family: Awaited<ReturnType<typeof buildFamilyPlan>>, t: ReturnType<typeof testMembershipContext>) {
  const email = uniqueEmail('eva');
  await invite(t.ctx, {
    planId: family.plan.id,
    actorId: family.mo.user.id,
    input: { email, name: 'Eva Aanbieder', role: 'aanbieder', organisationId: family.provider.id, hoofdaanbieder: true },
  });
  const token = tokenFromMail(t.mails.at(-1));
  const [user] = await database.db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error('invited user not created');
  return { email, token, user };
}

describe('invite', () => {
  it('creates the account, stores only the hash of a 32-byte token valid 7 days, mails a Dutch link, and audits', async () => {
    const family = await buildFamilyPlan(database.db);
    const t = testMembershipContext(database.db);
    const { email, token, user } = await inviteProvider(family, t);

    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const [row] = await database.db.select().from(invitations).where(eq(invitations.planId, family.plan.id));
    expect(row?.tokenHash).toBe(hashInvitationToken(token));
    expect(row?.tokenHash).not.toContain(token);
    const days = ((row?.expiresAt.getTime() ?? 0) - (row?.createdAt.getTime() ?? 0)) / 86_400_000;
    expect(days).toBeCloseTo(7, 2);
    expect(user.organisationId).toBe(family.provider.id);

    const mail = t.mails[0];
    expect(mail?.to).toBe(email);
    expect(mail?.subject).toBe('Uitnodiging voor het gezinsplan van Familie Test');
    expect(mail?.url).toBe(`http://onsplan.test/uitnodiging/${token}`);
    expect(mail?.text).toContain('Mo Regisseur nodigt je uit');
    expect(mail?.text).toContain('als zorgaanbieder van De Linde Jeugdhulp');
    expect(mail?.text).toContain('Het gezin beslist of je mag meekijken');
    expect(await auditActions(family.plan.id)).toContain('membership.invite');
  });

  it('only the casusregisseur invites: an outsider gets not-found, a parent forbidden, and nothing is written', async () => {
    const family = await buildFamilyPlan(database.db);
    const t = testMembershipContext(database.db);
    const outsider = await buildUser(database.db, { name: 'Buiten Staander' });
    const input = { email: uniqueEmail('x'), name: 'X', role: 'aanbieder' as const, organisationId: family.provider.id, hoofdaanbieder: false };
    expect(await refusalKind(invite(t.ctx, { planId: family.plan.id, actorId: outsider.id, input }))).toBe('not_found');
    expect(await refusalKind(invite(t.ctx, { planId: 'not-a-uuid', actorId: family.mo.user.id, input }))).toBe('not_found');
    expect(await refusalKind(invite(t.ctx, { planId: family.plan.id, actorId: family.sanne.user.id, input }))).toBe('forbidden');
    const [n] = await database.db.select({ n: count() }).from(invitations).where(eq(invitations.planId, family.plan.id));
    expect(n?.n).toBe(0);
    expect(await database.db.select().from(users).where(eq(users.email, input.email))).toEqual([]);
    expect(t.mails).toEqual([]);
  });

  it('refuses inputs that do not fit the plan', async () => {
    const family = await buildFamilyPlan(database.db);
    const t = testMembershipContext(database.db);
    const base = { planId: family.plan.id, actorId: family.mo.user.id };
    const pro = { email: uniqueEmail('p'), name: 'P', hoofdaanbieder: false };
    // Organisation of the wrong kind, of another region, or none at all.
    expect(await refusalKind(invite(t.ctx, { ...base, input: { ...pro, role: 'aanbieder', organisationId: family.gi.id } }))).toBe('invalid');
    expect(await refusalKind(invite(t.ctx, { ...base, input: { ...pro, role: 'aanbieder', organisationId: null } }))).toBe('invalid');
    const other = await buildFamilyPlan(database.db);
    expect(await refusalKind(invite(t.ctx, { ...base, input: { ...pro, role: 'aanbieder', organisationId: other.provider.id } }))).toBe('invalid');
    // A parent or child must be a person of the household without an account.
    expect(await refusalKind(invite(t.ctx, { ...base, input: { ...pro, name: 'Onbekende Ouder', role: 'ouder' } }))).toBe('invalid');
    expect(await refusalKind(invite(t.ctx, { ...base, input: { ...pro, name: 'Sanne Ouder', role: 'ouder' } }))).toBe('invalid');
    expect(await refusalKind(invite(t.ctx, { ...base, input: { ...pro, name: 'Kim Nieuw', role: 'jeugdige' } }))).toBe('invalid');
    // Someone already in the plan.
    expect(await refusalKind(invite(t.ctx, { ...base, input: { ...pro, email: family.sanne.user.email, name: 'Sanne Ouder', role: 'netwerk' } }))).toBe(
      'conflict',
    );
    expect(t.mails).toEqual([]);
  });

  it('is rate limited per inviter', async () => {
    const family = await buildFamilyPlan(database.db);
    const t = testMembershipContext(database.db, { invitesPerHour: 2 });
    const send = () =>
      invite(t.ctx, {
        planId: family.plan.id,
        actorId: family.mo.user.id,
        input: { email: uniqueEmail('n'), name: 'Netwerk', role: 'netwerk', hoofdaanbieder: false },
      });
    await send();
    await send();
    expect(await refusalKind(send())).toBe('rate_limited');
    expect(t.mails).toHaveLength(2);
  });

  it('an invitation whose mail could not be sent cannot be used', async () => {
    const family = await buildFamilyPlan(database.db);
    const t = testMembershipContext(database.db, { failMail: true });
    const email = uniqueEmail('n');
    const input = { email, name: 'Netwerk', role: 'netwerk' as const, hoofdaanbieder: false };
    expect(await refusalKind(invite(t.ctx, { planId: family.plan.id, actorId: family.mo.user.id, input }))).toBe('mail_failed');
    const [row] = await database.db.select().from(invitations).where(eq(invitations.planId, family.plan.id));
    expect(row?.revokedAt).not.toBeNull();
  });
});

describe('accept an invitation', () => {
  it('a provider joins waiting for consent; the link works once, only for the invited address', async () => {
    const family = await buildFamilyPlan(database.db);
    const t = testMembershipContext(database.db);
    const { email, token, user } = await inviteProvider(family, t);

    const described = await describeInvitation(t.ctx, { token });
    expect(described).toMatchObject({
      state: 'open',
      householdName: 'Familie Test',
      role: 'aanbieder',
      inviterName: 'Mo Regisseur',
      organisationName: 'De Linde Jeugdhulp',
      needsConsent: true,
    });

    const stranger = await buildUser(database.db, { email: uniqueEmail('stranger') });
    expect(await refusalKind(acceptInvitation(t.ctx, { token, userId: stranger.id, email: stranger.email }))).toBe('forbidden');

    const accepted = await acceptInvitation(t.ctx, { token, userId: user.id, email: email.toUpperCase() });
    expect(accepted).toMatchObject({ planId: family.plan.id, status: 'wacht_op_toestemming', basis: 'toestemming' });
    const member = await loadMember(database.db, { planId: family.plan.id, userId: user.id });
    expect(member).toMatchObject({ role: 'aanbieder', status: 'wacht_op_toestemming', hoofdaanbieder: true });
    expect(await auditActions(family.plan.id)).toContain('membership.accept');

    expect(await refusalKind(acceptInvitation(t.ctx, { token, userId: user.id, email }))).toBe('gone');
    expect((await describeInvitation(t.ctx, { token }))?.state).toBe('used');
    expect(await refusalKind(acceptInvitation(t.ctx, { token: 'A'.repeat(43), userId: user.id, email }))).toBe('not_found');
    expect(await describeInvitation(t.ctx, { token: 'nonsense' })).toBeNull();
  });

  it('an expired invitation cannot be accepted', async () => {
    const family = await buildFamilyPlan(database.db);
    const t = testMembershipContext(database.db);
    const { email, token, user } = await inviteProvider(family, t);
    const [row] = await database.db.select().from(invitations).where(eq(invitations.planId, family.plan.id));
    await expireInvitation(database.db, row?.id ?? '');
    expect(await refusalKind(acceptInvitation(t.ctx, { token, userId: user.id, email }))).toBe('gone');
    expect(await loadMember(database.db, { planId: family.plan.id, userId: user.id })).toBeNull();
  });

  it('a new invitation replaces an open one', async () => {
    const family = await buildFamilyPlan(database.db);
    const t = testMembershipContext(database.db);
    const first = await inviteProvider(family, t);
    await invite(t.ctx, {
      planId: family.plan.id,
      actorId: family.mo.user.id,
      input: { email: first.email, name: 'Eva Aanbieder', role: 'aanbieder', organisationId: family.provider.id, hoofdaanbieder: false },
    });
    expect((await describeInvitation(t.ctx, { token: first.token }))?.state).toBe('revoked');
    const second = tokenFromMail(t.mails.at(-1));
    expect((await acceptInvitation(t.ctx, { token: second, userId: first.user.id, email: first.email })).status).toBe('wacht_op_toestemming');
  });

  it('a parent joins on the family basis, active at once, linked to the household person', async () => {
    const family = await buildFamilyPlan(database.db);
    const t = testMembershipContext(database.db);
    const email = uniqueEmail('kim');
    await invite(t.ctx, { planId: family.plan.id, actorId: family.mo.user.id, input: { email, name: 'kim nieuw', role: 'ouder', hoofdaanbieder: false } });
    const [kim] = await database.db.select().from(users).where(eq(users.email, email));
    const accepted = await acceptInvitation(t.ctx, { token: tokenFromMail(t.mails[0]), userId: kim?.id ?? '', email });
    expect(accepted).toMatchObject({ status: 'actief', basis: 'eigen_gezin' });
    expect(await loadMember(database.db, { planId: family.plan.id, userId: kim?.id ?? '' })).toMatchObject({ role: 'ouder', gezag: true, status: 'actief' });
    const [person] = await database.db
      .select()
      .from(householdPeople)
      .where(and(eq(householdPeople.householdId, family.household.id), eq(householdPeople.name, 'Kim Nieuw')));
    expect(person?.userId).toBe(kim?.id);
  });

  it('under a court measure the GI joins on its legal task, without waiting', async () => {
    const family = await buildFamilyPlan(database.db, { kader: 'dwang' });
    const t = testMembershipContext(database.db);
    const email = uniqueEmail('fatima');
    await invite(t.ctx, {
      planId: family.plan.id,
      actorId: family.mo.user.id,
      input: { email, name: 'Fatima Voogd', role: 'gi', organisationId: family.gi.id, hoofdaanbieder: false },
    });
    const [fatima] = await database.db.select().from(users).where(eq(users.email, email));
    expect((await describeInvitation(t.ctx, { token: tokenFromMail(t.mails[0]) }))?.needsConsent).toBe(false);
    const accepted = await acceptInvitation(t.ctx, { token: tokenFromMail(t.mails[0]), userId: fatima?.id ?? '', email });
    expect(accepted).toMatchObject({ status: 'actief', basis: 'wettelijke_taak' });
  });

  it('a network member invited by the professional waits for a parent with gezag (not for the young person)', async () => {
    const family = await buildFamilyPlan(database.db);
    const t = testMembershipContext(database.db);
    const email = uniqueEmail('ria');
    await invite(t.ctx, { planId: family.plan.id, actorId: family.mo.user.id, input: { email, name: 'Oma Ria', role: 'netwerk', hoofdaanbieder: false } });
    const [ria] = await database.db.select().from(users).where(eq(users.email, email));
    expect(t.mails[0]?.text).toContain('Het gezin beslist of je mag meekijken');
    expect((await describeInvitation(t.ctx, { token: tokenFromMail(t.mails[0]) }))?.needsConsent).toBe(true);
    const accepted = await acceptInvitation(t.ctx, { token: tokenFromMail(t.mails[0]), userId: ria?.id ?? '', email });
    expect(accepted.status).toBe('wacht_op_toestemming');
    const decided = await decideConsent(t.ctx, {
      planId: family.plan.id,
      actorId: family.peter.user.id,
      input: { memberId: accepted.memberId, decision: 'give' },
    });
    expect(decided.status).toBe('actief');
  });
});

describe('consent decisions', () => {
  async function waitingProvider() {
    const family = await buildFamilyPlan(database.db);
    const t = testMembershipContext(database.db);
    const eva = await inviteProvider(family, t);
    const accepted = await acceptInvitation(t.ctx, { token: eva.token, userId: eva.user.id, email: eva.email });
    return { family, t, eva, memberId: accepted.memberId };
  }

  it('the provider starts only when a parent with gezag and the 16-year-old both say yes', async () => {
    const { family, t, eva, memberId } = await waitingProvider();
    expect(await pendingConsentCount(t.ctx, { planId: family.plan.id, actorId: family.sanne.user.id })).toEqual({ decides: true, pending: 1 });
    const requests = await listConsentRequests(t.ctx, { planId: family.plan.id, actorId: family.sanne.user.id });
    expect(requests.pending).toHaveLength(1);
    expect(requests.pending[0]).toMatchObject({ memberId, name: 'Eva Aanbieder', organisationName: 'De Linde Jeugdhulp', allowed: ['give', 'refuse'] });
    // What joining means, without naming the professionals' section the parent may not see.
    const keys = requests.pending[0]?.sections.map((s) => s.key);
    expect(keys).toEqual(expect.arrayContaining(['gezin', 'netwerk', 'doelen', 'veiligheid', 'tafel', 'evaluatie']));
    expect(keys).not.toContain('professioneel');
    expect(requests.pending[0]?.moreSections).toBe(true);
    // Peter is an alternative to Sanne, not someone who must also agree; Daan must.
    expect(requests.pending[0]?.waitingFor.map((w) => w.name)).toEqual(['Daan Jongere']);

    const afterSanne = await decideConsent(t.ctx, { planId: family.plan.id, actorId: family.sanne.user.id, input: { memberId, decision: 'give' } });
    expect(afterSanne).toMatchObject({ status: 'wacht_op_toestemming', waitingFor: [family.daan.user.id] });
    expect((await listMembers(t.ctx, { planId: family.plan.id, actorId: family.mo.user.id })).members.find((m) => m.id === memberId)?.waitingFor).toEqual([
      { userId: family.daan.user.id, name: 'Daan Jongere', capacity: 'jeugdige_16_plus' },
    ]);

    const afterDaan = await decideConsent(t.ctx, { planId: family.plan.id, actorId: family.daan.user.id, input: { memberId, decision: 'give' } });
    expect(afterDaan.status).toBe('actief');
    expect(await loadMember(database.db, { planId: family.plan.id, userId: eva.user.id })).toMatchObject({ status: 'actief' });
    expect(await auditActions(family.plan.id)).toEqual(expect.arrayContaining(['consent.view', 'consent.give']));
    const stored = await database.db.select().from(consents).where(eq(consents.memberId, memberId));
    expect(stored.map((c) => [c.decidedAs, c.decision])).toEqual(
      expect.arrayContaining([
        ['ouder', 'gegeven'],
        ['jeugdige', 'gegeven'],
      ]),
    );
    expect(t.revoked).toEqual([]);
  });

  it('only people whose consent counts decide: the casusregisseur is forbidden, an outsider not found, a waiting provider not found', async () => {
    const { family, t, eva, memberId } = await waitingProvider();
    const outsider = await buildUser(database.db);
    const input = { memberId, decision: 'give' as const };
    expect(await refusalKind(decideConsent(t.ctx, { planId: family.plan.id, actorId: family.mo.user.id, input }))).toBe('forbidden');
    expect(await refusalKind(listConsentRequests(t.ctx, { planId: family.plan.id, actorId: family.mo.user.id }))).toBe('forbidden');
    expect(await refusalKind(decideConsent(t.ctx, { planId: family.plan.id, actorId: outsider.id, input }))).toBe('not_found');
    expect(await refusalKind(listConsentRequests(t.ctx, { planId: family.plan.id, actorId: outsider.id }))).toBe('not_found');
    expect(await refusalKind(decideConsent(t.ctx, { planId: family.plan.id, actorId: eva.user.id, input }))).toBe('not_found');
    // A request of another plan is not found from this one.
    const other = await waitingProvider();
    expect(
      await refusalKind(decideConsent(t.ctx, { planId: family.plan.id, actorId: family.sanne.user.id, input: { memberId: other.memberId, decision: 'give' } })),
    ).toBe('not_found');
    // Nobody decides about a parent.
    expect(
      await refusalKind(
        decideConsent(t.ctx, { planId: family.plan.id, actorId: family.sanne.user.id, input: { memberId: family.peter.member.id, decision: 'withdraw' } }),
      ),
    ).toBe('forbidden');
    const [n] = await database.db.select({ n: count() }).from(consents).where(eq(consents.planId, family.plan.id));
    expect(n?.n).toBe(0);
  });

  it('"Nee, nu niet" ends the request and closes anything open', async () => {
    const { family, t, eva, memberId } = await waitingProvider();
    const refused = await decideConsent(t.ctx, {
      planId: family.plan.id,
      actorId: family.daan.user.id,
      input: { memberId, decision: 'refuse', reason: 'Nog niet.' },
    });
    expect(refused.status).toBe('beeindigd');
    const member = await loadMember(database.db, { planId: family.plan.id, userId: eva.user.id });
    expect(member?.status).toBe('beeindigd');
    expect(t.revoked).toEqual([{ planId: family.plan.id, userId: eva.user.id }]);
    expect(await refusalKind(decideConsent(t.ctx, { planId: family.plan.id, actorId: family.sanne.user.id, input: { memberId, decision: 'give' } }))).toBe(
      'conflict',
    );
    expect(await auditActions(family.plan.id)).toContain('consent.refuse');
  });

  it('withdrawing consent ends an active membership, records when, and revokes the live connections', async () => {
    const { family, t, eva, memberId } = await waitingProvider();
    await decideConsent(t.ctx, { planId: family.plan.id, actorId: family.sanne.user.id, input: { memberId, decision: 'give' } });
    await decideConsent(t.ctx, { planId: family.plan.id, actorId: family.daan.user.id, input: { memberId, decision: 'give' } });
    // Peter never said yes, but as a parent with gezag he may withdraw: one "no" is enough.
    const requests = await listConsentRequests(t.ctx, { planId: family.plan.id, actorId: family.peter.user.id });
    expect(requests.granted.map((r) => [r.memberId, r.allowed])).toContainEqual([memberId, ['withdraw']]);
    const withdrawn = await decideConsent(t.ctx, { planId: family.plan.id, actorId: family.peter.user.id, input: { memberId, decision: 'withdraw' } });
    expect(withdrawn.status).toBe('beeindigd');
    const [row] = await database.db.select().from(planMembers).where(eq(planMembers.id, memberId));
    expect(row?.endedAt).toBeInstanceOf(Date);
    expect(t.revoked).toEqual([{ planId: family.plan.id, userId: eva.user.id }]);
    expect(await auditActions(family.plan.id)).toContain('consent.withdraw');
  });

  it('a second "yes" is refused as a conflict; withdraw before yes is a conflict too', async () => {
    const { family, t, memberId } = await waitingProvider();
    expect(await refusalKind(decideConsent(t.ctx, { planId: family.plan.id, actorId: family.sanne.user.id, input: { memberId, decision: 'withdraw' } }))).toBe(
      'conflict',
    );
    await decideConsent(t.ctx, { planId: family.plan.id, actorId: family.sanne.user.id, input: { memberId, decision: 'give' } });
    expect(await refusalKind(decideConsent(t.ctx, { planId: family.plan.id, actorId: family.sanne.user.id, input: { memberId, decision: 'give' } }))).toBe(
      'conflict',
    );
  });

  it('after a refusal, a new invitation starts a fresh request: the old "no" does not count', async () => {
    const { family, t, eva, memberId } = await waitingProvider();
    await decideConsent(t.ctx, { planId: family.plan.id, actorId: family.sanne.user.id, input: { memberId, decision: 'refuse' } });
    await invite(t.ctx, {
      planId: family.plan.id,
      actorId: family.mo.user.id,
      input: { email: eva.email, name: 'Eva Aanbieder', role: 'aanbieder', organisationId: family.provider.id, hoofdaanbieder: false },
    });
    const again = await acceptInvitation(t.ctx, { token: tokenFromMail(t.mails.at(-1)), userId: eva.user.id, email: eva.email });
    expect(again).toMatchObject({ memberId, status: 'wacht_op_toestemming' });
    const requests = await listConsentRequests(t.ctx, { planId: family.plan.id, actorId: family.sanne.user.id });
    expect(requests.pending.map((r) => r.memberId)).toEqual([memberId]);
    await decideConsent(t.ctx, { planId: family.plan.id, actorId: family.sanne.user.id, input: { memberId, decision: 'give' } });
    expect((await decideConsent(t.ctx, { planId: family.plan.id, actorId: family.daan.user.id, input: { memberId, decision: 'give' } })).status).toBe('actief');
  });
});

describe('members panel, removal and regie', () => {
  it('lists members with role, basis and status for the casusregisseur only', async () => {
    const family = await buildFamilyPlan(database.db);
    const t = testMembershipContext(database.db);
    const list = await listMembers(t.ctx, { planId: family.plan.id, actorId: family.mo.user.id });
    expect(list.members.map((m) => [m.name, m.role, m.basis, m.status])).toEqual([
      ['Mo Regisseur', 'lokaal_team', 'toestemming', 'actief'],
      ['Sanne Ouder', 'ouder', 'eigen_gezin', 'actief'],
      ['Peter Ouder', 'ouder', 'eigen_gezin', 'actief'],
      ['Daan Jongere', 'jeugdige', 'eigen_gezin', 'actief'],
    ]);
    expect(list.members[0]?.isCasusregisseur).toBe(true);
    expect(list.invitablePeople.map((p) => p.name).sort()).toEqual(['Kim Nieuw', 'Lotte Kind']);
    expect(list.organisations.map((o) => o.name)).toEqual(['De Linde Jeugdhulp', 'Jeugdbescherming Test', 'Wijkteam Test']);
    expect(await refusalKind(listMembers(t.ctx, { planId: family.plan.id, actorId: family.sanne.user.id }))).toBe('forbidden');
    const outsider = await buildUser(database.db);
    expect(await refusalKind(listMembers(t.ctx, { planId: family.plan.id, actorId: outsider.id }))).toBe('not_found');
  });

  it('the casusregisseur removes a member: ended, procesregie ended, live connections revoked, audited', async () => {
    const family = await buildFamilyPlan(database.db);
    const t = testMembershipContext(database.db);
    const consultant = await buildUser(database.db, { name: 'Proces Regisseur', organisationId: family.team.id });
    const member = await buildMember(database.db, { planId: family.plan.id, userId: consultant.id, role: 'lokaal_team', organisationId: family.team.id });
    await changeRegie(t.ctx, {
      planId: family.plan.id,
      actorId: family.mo.user.id,
      input: { kind: 'procesregie', userId: consultant.id, reason: 'Consulent volgt het resultaat.' },
    });

    expect(await refusalKind(removeMember(t.ctx, { planId: family.plan.id, actorId: family.sanne.user.id, memberId: member.id }))).toBe('forbidden');
    expect(await refusalKind(removeMember(t.ctx, { planId: family.plan.id, actorId: family.mo.user.id, memberId: family.mo.member.id }))).toBe('conflict');
    const other = await buildFamilyPlan(database.db);
    expect(await refusalKind(removeMember(t.ctx, { planId: family.plan.id, actorId: family.mo.user.id, memberId: other.sanne.member.id }))).toBe('not_found');
    expect(t.revoked).toEqual([]);

    await removeMember(t.ctx, { planId: family.plan.id, actorId: family.mo.user.id, memberId: member.id, reason: 'Klaar.' });
    expect((await loadMember(database.db, { planId: family.plan.id, userId: consultant.id }))?.status).toBe('beeindigd');
    expect(t.revoked).toEqual([{ planId: family.plan.id, userId: consultant.id }]);
    const regie = await database.db
      .select()
      .from(regieAssignments)
      .where(and(eq(regieAssignments.planId, family.plan.id), eq(regieAssignments.kind, 'procesregie')));
    expect(regie.every((r) => r.endedAt !== null)).toBe(true);
    expect(await refusalKind(removeMember(t.ctx, { planId: family.plan.id, actorId: family.mo.user.id, memberId: member.id }))).toBe('conflict');
    expect(await auditActions(family.plan.id)).toContain('membership.remove');
  });

  it('casusregie passes to another active professional with a reason; history is kept and the right to manage moves', async () => {
    const family = await buildFamilyPlan(database.db);
    const t = testMembershipContext(database.db);
    const eva = await buildUser(database.db, { name: 'Eva Aanbieder', organisationId: family.provider.id });
    await buildMember(database.db, { planId: family.plan.id, userId: eva.id, role: 'aanbieder', organisationId: family.provider.id });

    expect(
      await refusalKind(
        changeRegie(t.ctx, { planId: family.plan.id, actorId: family.mo.user.id, input: { kind: 'casusregie', userId: family.sanne.user.id, reason: 'x' } }),
      ),
    ).toBe('invalid');
    expect(await refusalKind(changeRegie(t.ctx, { planId: family.plan.id, actorId: eva.id, input: { kind: 'casusregie', userId: eva.id, reason: 'x' } }))).toBe(
      'forbidden',
    );
    expect(
      await refusalKind(
        changeRegie(t.ctx, { planId: family.plan.id, actorId: family.mo.user.id, input: { kind: 'casusregie', userId: family.mo.user.id, reason: 'x' } }),
      ),
    ).toBe('conflict');

    await changeRegie(t.ctx, {
      planId: family.plan.id,
      actorId: family.mo.user.id,
      input: { kind: 'casusregie', userId: eva.id, reason: 'Zwaarste deel van de hulp ligt bij De Linde.' },
    });
    const list = await listMembers(t.ctx, { planId: family.plan.id, actorId: eva.id });
    expect(list.regie.casusregie).toMatchObject({ userId: eva.id, appointedByName: 'Mo Regisseur', reason: 'Zwaarste deel van de hulp ligt bij De Linde.' });
    expect(list.regie.history.filter((r) => r.kind === 'casusregie').map((r) => [r.name, r.endedAt === null])).toEqual([
      ['Eva Aanbieder', true],
      ['Mo Regisseur', false],
    ]);
    expect(await refusalKind(listMembers(t.ctx, { planId: family.plan.id, actorId: family.mo.user.id }))).toBe('forbidden');
    expect(await auditActions(family.plan.id)).toContain('regie.change');
  });
});

describe('as the route shape calls the services', () => {
  const via = { accessPoint: '203.0.113.7', client: 'vitest' };

  it('a service takes the member the route loaded, and its audit event carries access point and client', async () => {
    const family = await buildFamilyPlan(database.db);
    const t = testMembershipContext(database.db);
    const member = await loadMember(database.db, { planId: family.plan.id, userId: family.mo.user.id });
    if (!member) throw new Error('mo is no member');
    const list = await listMembers(t.ctx, { member, via });
    expect(list.members).toHaveLength(4);
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.planId, family.plan.id), eq(auditEvents.action, 'membership.list')));
    expect(event).toMatchObject({ actorUserId: family.mo.user.id, actorRole: 'lokaal_team', accessPoint: via.accessPoint, client: via.client });
    // The loaded member is still checked: a parent may not manage.
    const sanne = await loadMember(database.db, { planId: family.plan.id, userId: family.sanne.user.id });
    if (!sanne) throw new Error('sanne is no member');
    expect(await refusalKind(listMembers(t.ctx, { member: sanne, via }))).toBe('forbidden');
  });

  it('the consent guard: deciders pass, the casusregisseur is forbidden, an outsider not found', async () => {
    const family = await buildFamilyPlan(database.db);
    const t = testMembershipContext(database.db);
    const outsider = await buildUser(database.db);
    expect(await assertDecider(t.ctx, { planId: family.plan.id, actorId: family.sanne.user.id })).toBe('ouder_met_gezag');
    expect(await assertDecider(t.ctx, { planId: family.plan.id, actorId: family.daan.user.id })).toBe('jeugdige_16_plus');
    expect(await refusalKind(assertDecider(t.ctx, { planId: family.plan.id, actorId: family.mo.user.id }))).toBe('forbidden');
    expect(await refusalKind(assertDecider(t.ctx, { planId: family.plan.id, actorId: outsider.id }))).toBe('not_found');
  });

  it('too many invitations: rate limited, try again in an hour', async () => {
    const family = await buildFamilyPlan(database.db);
    const t = testMembershipContext(database.db, { invitesPerHour: 1 });
    const input = () => ({ email: uniqueEmail('n'), name: 'Netwerk', role: 'netwerk' as const, hoofdaanbieder: false });
    await invite(t.ctx, { planId: family.plan.id, actorId: family.mo.user.id, input: input() });
    const err = await invite(t.ctx, { planId: family.plan.id, actorId: family.mo.user.id, input: input() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Refusal);
    expect(err).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 3600 });
  });

  it('accepting takes the address from the account, never from the session', async () => {
    const family = await buildFamilyPlan(database.db);
    const t = testMembershipContext(database.db);
    const { token, user } = await inviteProvider(family, t);
    const stranger = await buildUser(database.db, { email: uniqueEmail('stranger') });
    expect(await refusalKind(acceptInvitationAs(t.ctx, { token, userId: stranger.id, via }))).toBe('forbidden');
    expect(await refusalKind(acceptInvitationAs(t.ctx, { token, userId: '00000000-0000-4000-8000-000000000000', via }))).toBe('unauthenticated');
    expect(await acceptInvitationAs(t.ctx, { token, userId: user.id, via })).toMatchObject({ planId: family.plan.id, status: 'wacht_op_toestemming' });
  });

  it('the plan page links: members for the casusregisseur, consent with its open questions for deciders', async () => {
    const family = await buildFamilyPlan(database.db);
    const t = testMembershipContext(database.db);
    const eva = await inviteProvider(family, t);
    await acceptInvitation(t.ctx, { token: eva.token, userId: eva.user.id, email: eva.email });
    const load = async (userId: string) => {
      const member = await loadMember(database.db, { planId: family.plan.id, userId });
      if (!member) throw new Error('no member');
      return member;
    };
    expect(await membershipLinks(t.ctx, { member: await load(family.mo.user.id) })).toEqual({ manages: true, consent: null });
    expect(await membershipLinks(t.ctx, { member: await load(family.sanne.user.id) })).toEqual({ manages: false, consent: { decides: true, pending: 1 } });
    // Looking at the links is not looking at the requests: no consent.view event.
    expect(await auditActions(family.plan.id)).not.toContain('consent.view');
  });
});
