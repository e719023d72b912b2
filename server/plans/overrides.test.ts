/**
 * Overrides of the permission matrix against a real database: only the casusregisseur changes what a role may do in
 * a section, always with a reason; the change and its audit event commit together (an audit that fails leaves the
 * old rights in force — today's bug was an override that ended while its audit insert failed); the role's open
 * connections are made to reconnect only after the commit.
 */
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadMember } from '@/db/queries/members';
import { auditEvents, planSectionOverrides } from '@/db/schema';
import { OverrideInput } from '@/lib/override-input';
import { can, levelOf } from '@/lib/policy';
import { testContext, VIA } from '@/test/context';
import { refusalOf } from '@/test/assert';
import { databasePerFile } from '@/test/database-per-file';
import { buildPlanWithPeople } from '@/test/factories';
import { overridesOf, setSectionOverride } from './overrides';

const database = databasePerFile();

async function planWithPeople() {
  const { plan, as, people } = await buildPlanWithPeople(database.db, {
    regisseur: { name: 'Fatima Regisseur', role: 'gi', basis: 'wettelijke_taak', casusregisseur: true },
    team: { name: 'Mo Wijkteam', role: 'lokaal_team' }, // lokaal_team, not casusregisseur
    parent: { name: 'Sanne Ouder', role: 'ouder', gezag: true },
    network: { name: 'Ria Oma', role: 'netwerk' },
    outsider: { name: 'Kees Buiten' },
  });
  return { plan, as, ...people };
}

const override = (level: 'none' | 'read' | 'comment' | 'edit' | null, reason = 'Oma helpt mee met de doelen.') =>
  OverrideInput.parse({ role: 'netwerk', section: 'doelen', level, reason });
const overrideRows = (planId: string) =>
  database.db.select().from(planSectionOverrides).where(eq(planSectionOverrides.planId, planId)).orderBy(asc(planSectionOverrides.createdAt));
const overrideEvents = (planId: string) =>
  database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.planId, planId), eq(auditEvents.action, 'override.set')))
    .orderBy(asc(auditEvents.id));
async function networkLevel(planId: string, userId: string) {
  const member = await loadMember(database.db, { planId, userId });
  if (!member) throw new Error('no such member');
  return levelOf(member, 'doelen');
}

describe('overrides', () => {
  it('the casusregisseur raises and restores a role’s right, with history, audited, and the role reconnects after each', async () => {
    const f = await planWithPeople();
    const { ctx, refreshed } = testContext(database.db);
    expect(await networkLevel(f.plan.id, f.network.id)).toBe('comment');

    await setSectionOverride(ctx, { actor: f.as(f.regisseur), input: override('edit'), via: VIA });
    expect(await networkLevel(f.plan.id, f.network.id)).toBe('edit');
    await setSectionOverride(ctx, { actor: f.as(f.regisseur), input: override(null, 'Terug naar de standaard.'), via: VIA });
    expect(await networkLevel(f.plan.id, f.network.id)).toBe('comment');

    const history = await overridesOf(ctx, { actor: f.as(f.regisseur) });
    expect(history.map((o) => [o.role, o.section, o.level, o.reason, o.setByName, o.endedAt === null])).toEqual([
      ['netwerk', 'doelen', 'edit', 'Oma helpt mee met de doelen.', 'Fatima Regisseur', false],
    ]);
    const audit = await overrideEvents(f.plan.id);
    expect(audit.map((e) => [e.actorUserId, e.actorRole, e.section, e.accessPoint, e.client, e.details])).toEqual([
      [f.regisseur.id, 'gi', 'doelen', VIA.accessPoint, VIA.client, { role: 'netwerk', level: 'edit', reason: 'Oma helpt mee met de doelen.' }],
      [f.regisseur.id, 'gi', 'doelen', VIA.accessPoint, VIA.client, { role: 'netwerk', level: null, reason: 'Terug naar de standaard.' }],
    ]);
    expect(refreshed).toEqual([
      { planId: f.plan.id, role: 'netwerk' },
      { planId: f.plan.id, role: 'netwerk' },
    ]);
  });

  it('nobody but the casusregisseur changes or reads them; outsiders find no plan; nothing is written', async () => {
    const f = await planWithPeople();
    const { ctx, refreshed } = testContext(database.db);
    for (const who of [f.team, f.parent, f.network]) {
      const err = await refusalOf(setSectionOverride(ctx, { actor: f.as(who), input: override('edit'), via: VIA }));
      expect([err.kind, err.message]).toEqual(['forbidden', 'Alleen de casusregisseur kan de rechten in dit plan aanpassen.']);
      expect((await refusalOf(overridesOf(ctx, { actor: f.as(who) }))).kind).toBe('forbidden');
    }
    expect((await refusalOf(setSectionOverride(ctx, { actor: f.as(f.outsider), input: override('edit'), via: VIA }))).kind).toBe('not_found');
    expect((await refusalOf(overridesOf(ctx, { actor: { planId: 'not-a-uuid', userId: f.regisseur.id } }))).kind).toBe('not_found');
    expect(await overrideRows(f.plan.id)).toEqual([]);
    expect(await overrideEvents(f.plan.id)).toEqual([]);
    expect(refreshed).toEqual([]);
    expect(can(await loadMember(database.db, { planId: f.plan.id, userId: f.network.id }), 'edit', 'doelen')).toBe(false);
  });

  it('an override whose audit event cannot be written does not happen: the old one stays in force, nobody reconnects', async () => {
    const f = await planWithPeople();
    const { ctx, refreshed } = testContext(database.db);
    await setSectionOverride(ctx, { actor: f.as(f.regisseur), input: override('edit'), via: VIA });
    refreshed.length = 0;

    // Restoring the default only ends the active row; its reason goes into the audit event alone. PostgreSQL cannot
    // store NUL in jsonb, so the event fails — and with it the ending of the override (the route refuses NUL first).
    const reason = 'Terug naar\u0000 de standaard.';
    await expect(
      setSectionOverride(ctx, { actor: f.as(f.regisseur), input: { role: 'netwerk', section: 'doelen', level: null, reason }, via: VIA }),
    ).rejects.toThrow();
    const rows = await overrideRows(f.plan.id);
    expect(rows.map((r) => [r.level, r.endedAt])).toEqual([['edit', null]]);
    expect(await networkLevel(f.plan.id, f.network.id)).toBe('edit');
    // The same when the event's access point cannot be stored: the new override is not written either.
    await expect(
      setSectionOverride(ctx, { actor: f.as(f.regisseur), input: override('read'), via: { accessPoint: '\u0000', client: null } }),
    ).rejects.toThrow();
    expect((await overrideRows(f.plan.id)).map((r) => [r.level, r.endedAt])).toEqual([['edit', null]]);
    expect((await overrideEvents(f.plan.id)).length).toBe(1);
    expect(refreshed).toEqual([]);
  });
});
