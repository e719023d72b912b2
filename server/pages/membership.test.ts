/**
 * The membership pages: the members panel only for the casusregisseur, the consent screen only for deciders,
 * nothing for anyone outside the plan; what they show is on the audit trail with the page's access point.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema';
import { databasePerFile } from '@/test/database-per-file';
import { testContext, VIA } from '@/test/context';
import { buildUser } from '@/test/factories';
import { buildFamilyPlan, tokenFromMail, uniqueEmail } from '@/test/membership-factories';
import { invite } from '../plans/membership/invitations';
import { consentPage, invitationPage, membersPage } from './membership';

const database = databasePerFile();

async function events(planId: string, action: string) {
  return database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.planId, planId), eq(auditEvents.action, action)));
}

describe('membership pages', () => {
  it('members: the panel for the casusregisseur (audited), "not allowed" for a parent, nothing for a stranger', async () => {
    const family = await buildFamilyPlan(database.db);
    const { ctx } = testContext(database.db);
    const planId = family.plan.id;
    const mo = await membersPage(ctx, { planId, userId: family.mo.user.id, via: VIA });
    expect(mo?.panel?.members).toHaveLength(4);
    expect(await events(planId, 'membership.list')).toEqual([expect.objectContaining({ accessPoint: VIA.accessPoint, client: VIA.client })]);
    expect(await membersPage(ctx, { planId, userId: family.sanne.user.id, via: VIA })).toEqual({ householdName: 'Familie Test', panel: null });
    const stranger = await buildUser(database.db);
    expect(await membersPage(ctx, { planId, userId: stranger.id, via: VIA })).toBeNull();
    expect(await membersPage(ctx, { planId: 'not-a-uuid', userId: family.mo.user.id, via: VIA })).toBeNull();
    expect(await events(planId, 'membership.list')).toHaveLength(1);
  });

  it('consent: the requests for a decider (audited), "you do not decide" for the casusregisseur, nothing for a stranger', async () => {
    const family = await buildFamilyPlan(database.db);
    const { ctx } = testContext(database.db);
    const planId = family.plan.id;
    const sanne = await consentPage(ctx, { planId, userId: family.sanne.user.id, via: VIA });
    expect(sanne?.requests?.capacity).toBe('ouder_met_gezag');
    expect(await events(planId, 'consent.view')).toEqual([expect.objectContaining({ actorUserId: family.sanne.user.id, accessPoint: VIA.accessPoint })]);
    expect(await consentPage(ctx, { planId, userId: family.mo.user.id, via: VIA })).toEqual({ householdName: 'Familie Test', requests: null });
    const stranger = await buildUser(database.db);
    expect(await consentPage(ctx, { planId, userId: stranger.id, via: VIA })).toBeNull();
  });

  it("invitation: described for anyone with the link; the signed-in visitor's address comes from their account", async () => {
    const family = await buildFamilyPlan(database.db);
    const t = testContext(database.db);
    const email = uniqueEmail('ria');
    await invite(t.ctx, { planId: family.plan.id, actorId: family.mo.user.id, input: { email, name: 'Oma Ria', role: 'netwerk', hoofdaanbieder: false } });
    const token = tokenFromMail(t.mails[0]);
    const anonymous = await invitationPage(t.ctx, { token, userId: null });
    expect(anonymous).toMatchObject({ invitation: { state: 'open', email, householdName: 'Familie Test' }, accountEmail: null });
    const signedIn = await invitationPage(t.ctx, { token, userId: family.sanne.user.id });
    expect(signedIn.accountEmail).toBe(family.sanne.user.email);
    expect(await invitationPage(t.ctx, { token: 'nonsense', userId: null })).toEqual({ invitation: null, accountEmail: null });
  });
});
