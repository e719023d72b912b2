/**
 * Starting a plan against a real database: a local-team professional records the household and becomes the plan's
 * member and casusregisseur, in one transaction with its audit event; anyone else is refused and nothing is written.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, householdPeople, households, plans } from '@/db/schema';
import { StartPlanInput } from '@/lib/plan-input';
import { testContext, VIA } from '@/test/context';
import { databasePerFile } from '@/test/database-per-file';
import { buildOrganisation, buildUser } from '@/test/factories';
import { Refusal } from '../refusal';
import { requirePlanAccess } from './plan-access';
import { canStartPlans, startPlan } from './start';

const database = databasePerFile();

const input = (householdName: string) =>
  StartPlanInput.parse({
    householdName,
    kader: 'vrijwillig',
    summary: 'Rust in huis.',
    people: [
      { name: 'Sanne', relation: 'ouder', birthDate: '1987-03-02', gezag: true },
      { name: 'Daan', relation: 'kind', birthDate: '2010-05-01', gezag: true },
    ],
  });

describe('startPlan', () => {
  it('a local-team professional starts a plan and becomes its casusregisseur; the start is audited with access point and client', async () => {
    const team = await buildOrganisation(database.db, { kind: 'lokaal_team' });
    const mo = await buildUser(database.db, { name: 'Mo Wijkteam', organisationId: team.id });
    const { ctx } = testContext(database.db);
    expect(await canStartPlans(database.db, { userId: mo.id })).toBe(true);
    const planId = await startPlan(ctx, { userId: mo.id, input: input('Familie Start'), via: VIA });

    const { member, plan } = await requirePlanAccess(database.db, { planId, userId: mo.id });
    expect(member).toMatchObject({ role: 'lokaal_team', basis: 'toestemming', status: 'actief', isCasusregisseur: true });
    expect(plan).toMatchObject({ householdName: 'Familie Start', status: 'concept', kader: 'vrijwillig', summary: 'Rust in huis.' });
    expect(plan.casusregisseur?.name).toBe('Mo Wijkteam');
    // A child never holds gezag, whatever the form sent.
    expect(plan.people.map((p) => [p.name, p.relation, p.gezag]).sort()).toEqual([
      ['Daan', 'kind', false],
      ['Sanne', 'ouder', true],
    ]);
    const audit = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.planId, planId), eq(auditEvents.action, 'plan.create')));
    expect(audit.map((e) => [e.actorUserId, e.actorRole, e.basis, e.accessPoint, e.client, e.details])).toEqual([
      [mo.id, 'lokaal_team', 'toestemming', VIA.accessPoint, VIA.client, { kader: 'vrijwillig', people: 2 }],
    ]);
  });

  it('a provider and a person without an organisation may not start plans; nothing is written', async () => {
    const provider = await buildOrganisation(database.db, { kind: 'aanbieder' });
    const eva = await buildUser(database.db, { organisationId: provider.id });
    const sanne = await buildUser(database.db);
    const { ctx } = testContext(database.db);
    for (const user of [eva, sanne]) {
      expect(await canStartPlans(database.db, { userId: user.id })).toBe(false);
      const err = await startPlan(ctx, { userId: user.id, input: input('Familie Geweigerd'), via: VIA }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Refusal);
      expect((err as Refusal).kind).toBe('forbidden');
    }
    expect(await database.db.select().from(households).where(eq(households.name, 'Familie Geweigerd'))).toEqual([]);
    expect(
      await database.db
        .select()
        .from(householdPeople)
        .innerJoin(households, eq(households.id, householdPeople.householdId))
        .where(eq(households.name, 'Familie Geweigerd')),
    ).toEqual([]);
    expect(
      await database.db.select().from(plans).innerJoin(households, eq(households.id, plans.householdId)).where(eq(households.name, 'Familie Geweigerd')),
    ).toEqual([]);
  });
});
