/**
 * Every page of a plan leaves an audit event with the request's access point and client, and shows nothing to
 * someone who is not an active member of the plan (and then writes nothing either).
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema';
import { databasePerFile } from '@/test/database-per-file';
import { testContext, VIA } from '@/test/context';
import { appointCasusregisseur, buildMember, buildPlan, buildUser } from '@/test/factories';
import { createVersion } from '../plans/versions';
import { planPage } from './plan';
import { myPlansPage } from './plans';
import { versionPage, versionsPage } from './versions';
import { whoLookedPage } from './who-looked';

const database = databasePerFile();

const ctx = () => testContext(database.db).ctx;

async function family() {
  const db = database.db;
  const plan = await buildPlan(db);
  const regisseur = await buildUser(db, { name: 'Mo' });
  const parent = await buildUser(db, { name: 'Sanne' });
  const waiting = await buildUser(db, { name: 'Eva' });
  await buildMember(db, { planId: plan.id, userId: regisseur.id, role: 'lokaal_team' });
  await appointCasusregisseur(db, { planId: plan.id, userId: regisseur.id });
  await buildMember(db, { planId: plan.id, userId: parent.id, role: 'ouder', gezag: true });
  await buildMember(db, { planId: plan.id, userId: waiting.id, role: 'aanbieder', status: 'wacht_op_toestemming' });
  return { plan, regisseur, parent, waiting, stranger: await buildUser(db) };
}

async function eventsOf(planId: string, userId: string) {
  return database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.planId, planId), eq(auditEvents.actorUserId, userId)));
}

describe('plan pages', () => {
  it('the plan page is a plan.read of the section opened, from the request’s access point', async () => {
    const f = await family();
    const page = await planPage(ctx(), { planId: f.plan.id, userId: f.parent.id, section: 'doelen', via: VIA });
    expect(page.kind).toBe('plan');
    if (page.kind !== 'plan') return;
    expect(page.active.key).toBe('doelen');
    expect(page.links.consent?.decides).toBe(true);
    expect(page.latestVersion).toBeNull();
    const [event] = await eventsOf(f.plan.id, f.parent.id);
    expect(event).toMatchObject({ action: 'plan.read', section: 'doelen', actorRole: 'ouder', accessPoint: VIA.accessPoint, client: VIA.client });
  });

  it('a section the member may not see falls back to the first; a waiting member and a stranger see nothing', async () => {
    const f = await family();
    const page = await planPage(ctx(), { planId: f.plan.id, userId: f.parent.id, section: 'professioneel', via: VIA });
    expect(page.kind === 'plan' && page.active.key).toBe('gezin');
    expect(await planPage(ctx(), { planId: f.plan.id, userId: f.waiting.id, via: VIA })).toEqual({ kind: 'waiting', householdName: 'Familie Test' });
    expect(await planPage(ctx(), { planId: f.plan.id, userId: f.stranger.id, via: VIA })).toEqual({ kind: 'not_found' });
    expect(await planPage(ctx(), { planId: 'not-a-uuid', userId: f.parent.id, via: VIA })).toEqual({ kind: 'not_found' });
    expect(await eventsOf(f.plan.id, f.waiting.id)).toEqual([]);
    expect(await eventsOf(f.plan.id, f.stranger.id)).toEqual([]);
  });

  it('the versions list is a plan.read (via versions_page); one version is a version.view', async () => {
    const f = await family();
    const created = await createVersion(ctx(), { actor: { planId: f.plan.id, userId: f.regisseur.id }, name: 'Plan na intake', via: VIA });

    const list = await versionsPage(ctx(), { planId: f.plan.id, userId: f.parent.id, via: VIA });
    expect(list).toMatchObject({ householdName: 'Familie Test', manages: false });
    expect(list?.versions.map((v) => v.id)).toEqual([created.id]);
    expect((await versionsPage(ctx(), { planId: f.plan.id, userId: f.regisseur.id, via: VIA }))?.manages).toBe(true);

    const one = await versionPage(ctx(), { planId: f.plan.id, userId: f.parent.id, versionId: created.id, via: VIA });
    expect(one).toMatchObject({ id: created.id, name: 'Plan na intake', maySign: true, signed: false });
    // Only sections the parent may see, each described as blocks (the professionals' section is not among them).
    expect(one?.sections.map((s) => s.key)).toContain('gezin');
    expect(one?.sections.map((s) => s.key)).not.toContain('professioneel');
    expect(one?.sections.every((s) => Array.isArray(s.blocks))).toBe(true);

    const events = await eventsOf(f.plan.id, f.parent.id);
    expect(events.map((e) => [e.action, e.details])).toEqual([
      ['plan.read', { via: 'versions_page' }],
      ['version.view', { versionId: created.id, sections: one?.sections.map((s) => s.key) }],
    ]);
    expect(events.every((e) => e.accessPoint === VIA.accessPoint && e.client === VIA.client)).toBe(true);
  });

  it('no version page for a stranger or an unknown version', async () => {
    const f = await family();
    const created = await createVersion(ctx(), { actor: { planId: f.plan.id, userId: f.regisseur.id }, name: 'v1', via: VIA });
    expect(await versionsPage(ctx(), { planId: f.plan.id, userId: f.stranger.id, via: VIA })).toBeNull();
    expect(await versionPage(ctx(), { planId: f.plan.id, userId: f.stranger.id, versionId: created.id, via: VIA })).toBeNull();
    expect(await versionPage(ctx(), { planId: f.plan.id, userId: f.parent.id, versionId: 'nope', via: VIA })).toBeNull();
    expect(await versionPage(ctx(), { planId: f.plan.id, userId: f.parent.id, versionId: crypto.randomUUID(), via: VIA })).toBeNull();
    expect(await eventsOf(f.plan.id, f.stranger.id)).toEqual([]);
  });

  it('"wie keek" lists the events before its own, and is audited as plan.audit_view', async () => {
    const f = await family();
    await planPage(ctx(), { planId: f.plan.id, userId: f.parent.id, section: 'gezin', via: VIA });
    const page = await whoLookedPage(ctx(), { planId: f.plan.id, userId: f.parent.id, days: 30, via: VIA });
    // Opening a section reads as "opened <section>"; the view of this very list is not in it yet.
    expect(page?.days.flatMap((d) => d.lines.map((l) => [l.action, l.section]))).toEqual([['section.open', 'gezin']]);
    expect((await eventsOf(f.plan.id, f.parent.id)).map((e) => [e.action, e.accessPoint])).toEqual([
      ['plan.read', VIA.accessPoint],
      ['plan.audit_view', VIA.accessPoint],
    ]);
    expect(await whoLookedPage(ctx(), { planId: f.plan.id, userId: f.stranger.id, days: 30, via: VIA })).toBeNull();
  });

  it('"Mijn plannen" lists the active memberships and is audited as plan.list from the access point', async () => {
    const f = await family();
    const page = await myPlansPage(ctx(), { userId: f.parent.id, via: VIA });
    expect(page).toEqual({ plans: [expect.objectContaining({ id: f.plan.id, role: 'ouder', isCasusregisseur: false })], mayStart: false });
    const listed = and(eq(auditEvents.actorUserId, f.parent.id), eq(auditEvents.action, 'plan.list'));
    const [event] = await database.db.select().from(auditEvents).where(listed);
    expect(event).toMatchObject({ accessPoint: VIA.accessPoint, client: VIA.client, details: { count: 1 } });
  });
});
