/**
 * The threatened out-of-home placement flag on a real database: only the casusregisseur sets or lifts it, always
 * with a reason; every change is a new row (history) and an audit event; the family does not even see that it
 * exists; professionals who read the professional section see it.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, placementThreats } from '@/db/schema';
import { PlacementInput } from '@/lib/placement-input';
import { testContext, VIA } from '@/test/context';
import { databasePerFile } from '@/test/database-per-file';
import { buildPlanWithMembers } from '@/test/factories';
import { Refusal } from '../refusal';
import { placementState, setPlacement } from './placement';

const database = databasePerFile();

const refusalOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as Refusal,
  );

async function family() {
  return buildPlanWithMembers(database.db, 'secret', {
    mo: { role: 'lokaal_team', name: 'Mo Ait Taleb', casusregisseur: true },
    eva: { role: 'aanbieder', name: 'Eva Bakker' },
    anouk: { role: 'verwijzer', name: 'Anouk Visser' },
    sanne: { role: 'ouder', name: 'Sanne Jansen' },
  });
}

describe('the placement flag', () => {
  it('the casusregisseur sets and lifts it with a reason; the history and the audit trail keep every change', async () => {
    const { plan, people } = await family();
    const { ctx } = testContext(database.db);
    const mo = { planId: plan.id, userId: people.mo.user.id };
    expect(await placementState(ctx, { actor: mo })).toEqual({ threatened: false, reason: null, since: null, by: null, history: [] });

    const set = await setPlacement(ctx, { actor: mo, input: { threatened: true, reason: 'Moeder kan de zorg niet aan' }, via: VIA });
    expect(set).toMatchObject({ threatened: true, reason: 'Moeder kan de zorg niet aan', by: 'Mo Ait Taleb' });
    const lifted = await setPlacement(ctx, { actor: mo, input: { threatened: false, reason: 'Oma vangt de kinderen op' }, via: VIA });
    expect(lifted.threatened).toBe(false);
    expect(lifted.history.map((h) => [h.threatened, h.reason])).toEqual([
      [false, 'Oma vangt de kinderen op'],
      [true, 'Moeder kan de zorg niet aan'],
    ]);
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.planId, plan.id), eq(auditEvents.action, 'placement.set')));
    expect(events.map((e) => [e.actorUserId, e.actorRole, e.section, e.accessPoint, (e.details as { threatened: boolean }).threatened])).toEqual([
      [people.mo.user.id, 'lokaal_team', 'professioneel', VIA.accessPoint, true],
      [people.mo.user.id, 'lokaal_team', 'professioneel', VIA.accessPoint, false],
    ]);
    // The reason stays out of the audit trail (it is plan content); the flag's own table holds it.
    expect(JSON.stringify(events.map((e) => e.details))).not.toContain('Moeder');
  });

  it('refuses lifting a flag that is not set, other professionals, and strangers; the family does not see it', async () => {
    const { plan, people } = await family();
    const { ctx } = testContext(database.db);
    const as = (key: keyof typeof people) => ({ planId: plan.id, userId: people[key].user.id });
    expect((await refusalOf(setPlacement(ctx, { actor: as('mo'), input: { threatened: false, reason: 'x' }, via: VIA })))?.code).toBe('not_threatened');
    expect((await refusalOf(setPlacement(ctx, { actor: as('eva'), input: { threatened: true, reason: 'x' }, via: VIA })))?.kind).toBe('forbidden');
    expect((await refusalOf(setPlacement(ctx, { actor: as('sanne'), input: { threatened: true, reason: 'x' }, via: VIA })))?.kind).toBe('forbidden');
    const stranger = await buildPlanWithMembers(database.db, 'secret', { x: { role: 'lokaal_team', casusregisseur: true } });
    const foreign = { planId: plan.id, userId: stranger.people.x.user.id };
    expect((await refusalOf(setPlacement(ctx, { actor: foreign, input: { threatened: true, reason: 'x' }, via: VIA })))?.code).toBe('plan_not_found');
    expect(await database.db.select().from(placementThreats).where(eq(placementThreats.planId, plan.id))).toEqual([]);

    expect((await placementState(ctx, { actor: as('eva') })).threatened).toBe(false);
    expect((await refusalOf(placementState(ctx, { actor: as('sanne') })))?.code).toBe('section_not_found');
    expect((await refusalOf(placementState(ctx, { actor: as('anouk') })))?.code).toBe('section_not_found');
  });

  it('needs a reason', () => {
    expect(PlacementInput.safeParse({ threatened: true, reason: '   ' }).success).toBe(false);
    expect(PlacementInput.safeParse({ threatened: true }).success).toBe(false);
    expect(PlacementInput.parse({ threatened: true, reason: ' Zorgen ' })).toEqual({ threatened: true, reason: 'Zorgen' });
  });
});
