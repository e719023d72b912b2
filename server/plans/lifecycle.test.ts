/**
 * The lifecycle rule against a real database: the casusregisseur alone changes the status; letting go without
 * every Big Five domain stable in the *stored* evaluatie doc, and without a reason, is refused and writes nothing;
 * with a reason it is allowed and recorded with the stability snapshot and an audit event.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendUpdates } from '@/db/queries/yjs';
import { auditEvents, plans, planStatusChanges } from '@/db/schema';
import { BIG_FIVE } from '@/lib/bigfive';
import { docNameFor } from '@/lib/sections';
import { setStable, stabilityNote } from '@/lib/shapes/evaluation';
import { testContext, VIA } from '@/test/context';
import { refusalOf } from '@/test/assert';
import { databasePerFile } from '@/test/database-per-file';
import { appointCasusregisseur, buildMember, buildPlan, buildUser } from '@/test/factories';
import { changeStatus } from './lifecycle';

const database = databasePerFile();
const ctx = () => testContext(database.db).ctx;

async function planWithRegisseur(status: 'actief' | 'afschalen' = 'actief') {
  const db = database.db;
  const plan = await buildPlan(db, { status });
  const regisseur = await buildUser(db, { name: 'Mo Regisseur' });
  await buildMember(db, { planId: plan.id, userId: regisseur.id, role: 'lokaal_team' });
  await appointCasusregisseur(db, { planId: plan.id, userId: regisseur.id });
  const parent = await buildUser(db, { name: 'Sanne Ouder' });
  await buildMember(db, { planId: plan.id, userId: parent.id, role: 'ouder' });
  return { plan, regisseur, parent };
}

/** Stores an evaluatie update marking these domains stable, as a client's edit would be stored. */
async function storeStable(planId: string, domains: readonly string[]) {
  const doc = new Y.Doc();
  for (const d of domains) {
    setStable(doc, d, true);
    stabilityNote(doc, d).insert(0, `${d} is op orde`);
  }
  await appendUpdates(database.db, [{ doc: docNameFor(planId, 'evaluatie'), update: Y.encodeStateAsUpdate(doc), userId: null }]);
}

async function statusOf(planId: string) {
  const [row] = await database.db.select({ status: plans.status }).from(plans).where(eq(plans.id, planId));
  return row?.status;
}

describe('changeStatus', () => {
  it('refuses closing while a Big Five domain is not stable and no reason is given; nothing is written', async () => {
    const { plan, regisseur } = await planWithRegisseur();
    await storeStable(plan.id, ['support', 'wonen', 'school_werk']);
    const err = await refusalOf(changeStatus(ctx(), { actor: { planId: plan.id, userId: regisseur.id }, via: VIA, to: 'afgesloten' }));
    expect(err.kind).toBe('conflict');
    expect(err.message).toContain('nog niet stabiel: Inkomen, Welzijn');
    const waakvlam = await refusalOf(changeStatus(ctx(), { actor: { planId: plan.id, userId: regisseur.id }, via: VIA, to: 'waakvlam', reason: '  ' }));
    expect(waakvlam.kind).toBe('conflict');
    expect(await statusOf(plan.id)).toBe('actief');
    expect(await database.db.select().from(planStatusChanges).where(eq(planStatusChanges.planId, plan.id))).toEqual([]);
  });

  it('allows closing with a reason, storing the stability snapshot and the reason, audited', async () => {
    const { plan, regisseur } = await planWithRegisseur();
    await storeStable(plan.id, ['support']);
    const result = await changeStatus(ctx(), {
      actor: { planId: plan.id, userId: regisseur.id },
      via: VIA,
      to: 'afgesloten',
      reason: 'Het gezin verhuist naar een andere regio.',
    });
    expect(result.from).toBe('actief');
    expect(await statusOf(plan.id)).toBe('afgesloten');
    const [row] = await database.db.select().from(planStatusChanges).where(eq(planStatusChanges.planId, plan.id));
    expect(row).toMatchObject({ from: 'actief', to: 'afgesloten', reason: 'Het gezin verhuist naar een andere regio.', changedBy: regisseur.id });
    expect(row?.stability).toMatchObject({ support: { stable: true, note: 'support is op orde' }, wonen: { stable: false, note: '' } });
    const audit = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.planId, plan.id), eq(auditEvents.action, 'plan.status_change')));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ from: 'actief', to: 'afgesloten' });
    expect(audit[0]).toMatchObject({ actorRole: 'lokaal_team', accessPoint: VIA.accessPoint, client: VIA.client });
    // A closed plan reopens.
    await changeStatus(ctx(), { actor: { planId: plan.id, userId: regisseur.id }, via: VIA, to: 'actief' });
    expect(await statusOf(plan.id)).toBe('actief');
  });

  it('allows waakvlam without a reason once every domain is stable in storage', async () => {
    const { plan, regisseur } = await planWithRegisseur('afschalen');
    await storeStable(plan.id, BIG_FIVE);
    await changeStatus(ctx(), { actor: { planId: plan.id, userId: regisseur.id }, via: VIA, to: 'waakvlam' });
    expect(await statusOf(plan.id)).toBe('waakvlam');
  });

  it('refuses transitions outside the lifecycle, and anyone but the casusregisseur; outsiders see no plan', async () => {
    const { plan, regisseur, parent } = await planWithRegisseur();
    expect((await refusalOf(changeStatus(ctx(), { actor: { planId: plan.id, userId: regisseur.id }, via: VIA, to: 'concept' }))).kind).toBe('conflict');
    const byParent = await refusalOf(changeStatus(ctx(), { actor: { planId: plan.id, userId: parent.id }, via: VIA, to: 'afschalen' }));
    expect(byParent.kind).toBe('forbidden');
    const outsider = await buildUser(database.db);
    expect((await refusalOf(changeStatus(ctx(), { actor: { planId: plan.id, userId: outsider.id }, via: VIA, to: 'afschalen' }))).kind).toBe('not_found');
    expect(await statusOf(plan.id)).toBe('actief');
  });
});
