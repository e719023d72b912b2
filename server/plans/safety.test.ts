/**
 * The safety plan's services against a real database: who may read the safety scale, who may give it a number and
 * who may record a broken agreement; each write and its audit event commit together (an audit that fails leaves no
 * rating), open safety plans are told only after the commit, and the reason a concern was not discussed with the
 * family is read by professionals only.
 */
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, ratings } from '@/db/schema';
import { BrokenAgreementInput, SafetyRatingInput } from '@/lib/safety-input';
import { testContext, VIA } from '@/test/context';
import { refusalOf } from '@/test/assert';
import { databasePerFile } from '@/test/database-per-file';
import { buildPlanWithPeople } from '@/test/factories';
import { brokenDecisions, rateSafety, recordBrokenAgreementDecision, safetyScale } from './safety';

const database = databasePerFile();

/** A plan with one person per role that matters for the safety plan (DOMAIN.md matrix on `veiligheid`). */
async function safetyPlan() {
  const { plan, as, people } = await buildPlanWithPeople(database.db, {
    regisseur: { name: 'Mo Regisseur', role: 'lokaal_team', casusregisseur: true }, // lokaal_team, casusregisseur: edit
    parent: { name: 'Sanne Ouder', role: 'ouder', gezag: true }, // ouder: comment
    network: { name: 'Ria Oma', role: 'netwerk' }, // netwerk: comment
    provider: { name: 'Eva Aanbieder', role: 'aanbieder' }, // aanbieder: read
    referrer: { name: 'Anouk Huisarts', role: 'verwijzer' }, // verwijzer: none
    outsider: { name: 'Kees Buiten' },
  });
  return { plan, as, ...people };
}

const eventsOf = (planId: string, action: string) =>
  database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.planId, planId), eq(auditEvents.action, action)))
    .orderBy(asc(auditEvents.id));
const safetyRows = (planId: string) =>
  database.db
    .select()
    .from(ratings)
    .where(and(eq(ratings.planId, planId), eq(ratings.kind, 'veiligheid')));

describe('the safety scale', () => {
  it('the parties who may comment each give a number; it is stored with its audit event and announced after the commit', async () => {
    const f = await safetyPlan();
    const { ctx, notified } = testContext(database.db);
    await rateSafety(ctx, { actor: f.as(f.parent), input: SafetyRatingInput.parse({ value: 4, note: ' spannend weekend ' }), via: VIA });
    await rateSafety(ctx, { actor: f.as(f.network), input: SafetyRatingInput.parse({ value: 6 }), via: VIA });
    await rateSafety(ctx, { actor: f.as(f.regisseur), input: SafetyRatingInput.parse({ value: 5 }), via: VIA });

    const scale = await safetyScale(ctx, { actor: f.as(f.provider) });
    expect(scale.mayRate).toBe(false);
    expect(scale.ratings.map((r) => [r.raterName, r.raterRole, r.value, r.note])).toEqual([
      ['Sanne Ouder', 'ouder', 4, 'spannend weekend'],
      ['Ria Oma', 'netwerk', 6, null],
      ['Mo Regisseur', 'lokaal_team', 5, null],
    ]);
    expect((await safetyScale(ctx, { actor: f.as(f.parent) })).mayRate).toBe(true);

    const audit = await eventsOf(f.plan.id, 'safety.rate');
    expect(audit.map((e) => [e.actorUserId, e.actorRole, e.section, e.accessPoint, e.client])).toEqual([
      [f.parent.id, 'ouder', 'veiligheid', VIA.accessPoint, VIA.client],
      [f.network.id, 'netwerk', 'veiligheid', VIA.accessPoint, VIA.client],
      [f.regisseur.id, 'lokaal_team', 'veiligheid', VIA.accessPoint, VIA.client],
    ]);
    expect(audit[0]?.details).toMatchObject({ value: 4 });
    expect(notified).toEqual(Array.from({ length: 3 }, () => ({ docName: `plan:${f.plan.id}:veiligheid`, topic: 'ratings' })));
  });

  it('a read-only role may not rate, a role without the safety plan and an outsider find nothing; nothing is written', async () => {
    const f = await safetyPlan();
    const { ctx, notified } = testContext(database.db);
    const input = SafetyRatingInput.parse({ value: 5 });
    const byProvider = await refusalOf(rateSafety(ctx, { actor: f.as(f.provider), input, via: VIA }));
    expect(byProvider.kind).toBe('forbidden');
    expect(byProvider.message).toMatch(/geen cijfer/);
    for (const who of [f.referrer, f.outsider]) {
      expect((await refusalOf(rateSafety(ctx, { actor: f.as(who), input, via: VIA }))).kind).toBe('not_found');
      expect((await refusalOf(safetyScale(ctx, { actor: f.as(who) }))).kind).toBe('not_found');
    }
    expect((await refusalOf(safetyScale(ctx, { actor: { planId: 'not-a-uuid', userId: f.parent.id } }))).kind).toBe('not_found');
    expect(await safetyRows(f.plan.id)).toEqual([]);
    expect(await eventsOf(f.plan.id, 'safety.rate')).toEqual([]);
    expect(notified).toEqual([]);
  });

  it('a rating whose audit event cannot be written is not stored, and nobody is told', async () => {
    const f = await safetyPlan();
    const { ctx, notified } = testContext(database.db);
    // PostgreSQL cannot store NUL in text: the audit insert fails inside the transaction (the route refuses such input first).
    const broken = { accessPoint: VIA.accessPoint, client: 'vitest\u0000' };
    await expect(rateSafety(ctx, { actor: f.as(f.parent), input: SafetyRatingInput.parse({ value: 3 }), via: broken })).rejects.toThrow();
    expect(await safetyRows(f.plan.id)).toEqual([]);
    expect(await eventsOf(f.plan.id, 'safety.rate')).toEqual([]);
    expect(notified).toEqual([]);
  });
});

describe('broken agreements', () => {
  it('those who may edit the safety plan record the decision with its reason, audited; the table is offered when visible', async () => {
    const f = await safetyPlan();
    const { ctx } = testContext(database.db);
    const input = BrokenAgreementInput.parse({ agreementId: 'afspraak-0001', discussedWithFamily: false, reason: ' Bespreken brengt Daan in gevaar. ' });
    const result = await recordBrokenAgreementDecision(ctx, { actor: f.as(f.regisseur), input, via: VIA });
    expect(result.tableHref).toBe(`/plannen/${f.plan.id}?sectie=tafel`);
    const [event] = await eventsOf(f.plan.id, 'safety.agreement_broken');
    expect(event).toMatchObject({
      actorUserId: f.regisseur.id,
      actorRole: 'lokaal_team',
      section: 'veiligheid',
      accessPoint: VIA.accessPoint,
      client: VIA.client,
    });
    expect(event?.details).toEqual({
      agreementId: 'afspraak-0001',
      discussedWithFamily: false,
      reason: 'Bespreken brengt Daan in gevaar.',
      tableOffered: true,
    });
  });

  it('comment and read roles may not record one; without the safety plan it is not there; nothing is written', async () => {
    const f = await safetyPlan();
    const { ctx } = testContext(database.db);
    const input = BrokenAgreementInput.parse({ agreementId: 'afspraak-0002', discussedWithFamily: true });
    for (const who of [f.parent, f.network, f.provider]) {
      expect((await refusalOf(recordBrokenAgreementDecision(ctx, { actor: f.as(who), input, via: VIA }))).kind).toBe('forbidden');
    }
    for (const who of [f.referrer, f.outsider]) {
      expect((await refusalOf(recordBrokenAgreementDecision(ctx, { actor: f.as(who), input, via: VIA }))).kind).toBe('not_found');
    }
    expect(await eventsOf(f.plan.id, 'safety.agreement_broken')).toEqual([]);
  });

  it('professionals who may read the safety plan read why it was not discussed; the family and its network do not', async () => {
    const f = await safetyPlan();
    const { ctx } = testContext(database.db);
    const input = BrokenAgreementInput.parse({ agreementId: 'afspraak-0003', discussedWithFamily: false, reason: 'Veiligheid van het kind.' });
    await recordBrokenAgreementDecision(ctx, { actor: f.as(f.regisseur), input, via: VIA });

    const forProvider = await brokenDecisions(ctx, { actor: f.as(f.provider) });
    expect(forProvider.visible).toBe(true);
    expect(forProvider.decisions.map((d) => [d.agreementId, d.discussedWithFamily, d.reason, d.actorName])).toEqual([
      ['afspraak-0003', false, 'Veiligheid van het kind.', 'Mo Regisseur'],
    ]);
    for (const who of [f.parent, f.network]) expect(await brokenDecisions(ctx, { actor: f.as(who) })).toEqual({ visible: false, decisions: [] });
    for (const who of [f.referrer, f.outsider]) expect((await refusalOf(brokenDecisions(ctx, { actor: f.as(who) }))).kind).toBe('not_found');
  });
});
