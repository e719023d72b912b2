/**
 * The overzicht on a real database: it lists only the plans where the person is an active member, casusregisseur
 * plans first and then by urgency; each signal comes from SQL facts (read model, ratings, audit trail, update log)
 * on the day its rule says and not a day earlier (injected clock), with its reason in plain Dutch; a row never shows
 * what the person's role may not read; every view is audited; families and the region's roles have no overzicht.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setOverride } from '@/db/queries/overrides';
import { auditEvents, regieAssignments, users } from '@/db/schema';
import type { OverzichtRow } from '@/lib/api/overzicht';
import { testContext, VIA } from '@/test/context';
import { databasePerFile } from '@/test/database-per-file';
import {
  buildAction,
  buildAuditEvent,
  buildDatedMember,
  buildDatedPlan,
  buildEdit,
  buildEvaluation,
  buildGoal,
  buildRating,
  buildSafety,
  buildSignalRegion,
  dayBefore,
  daysBefore,
} from '@/test/dashboard-factories';
import { buildOrganisation, buildUser } from '@/test/factories';
import { Refusal } from '../refusal';
import { homePathOf, overzicht, overzichtRows } from './overzicht';
import { setPlacement } from './placement';

const database = databasePerFile();

/** Monday 30 November 2026, nine in the morning in the Netherlands. */
const MONDAY = new Date('2026-11-30T09:00:00+01:00');
const DAY = 24 * 60 * 60 * 1000;
const plus = (d: Date, days: number) => new Date(d.getTime() + days * DAY);

async function professional(name: string) {
  const org = await buildOrganisation(database.db, { kind: 'lokaal_team' });
  return buildUser(database.db, { name, organisationId: org.id });
}

async function rowsOf(userId: string, now: Date): Promise<OverzichtRow[]> {
  const { ctx } = testContext(database.db, { now: () => now });
  return (await overzichtRows(ctx, { userId, locale: 'nl' })).rows;
}

async function rowOf(userId: string, planId: string, now: Date): Promise<OverzichtRow> {
  const row = (await rowsOf(userId, now)).find((r) => r.planId === planId);
  if (!row) throw new Error('plan not in the overzicht');
  return row;
}

const kinds = (row: OverzichtRow) => row.signals.map((s) => s.kind);
const reason = (row: OverzichtRow, kind: string) => row.signals.find((s) => s.kind === kind)?.reason;

/** A plan Mo directs that is quiet in every respect, started `ageDays` before MONDAY, with a recent change. */
async function calmPlan(moId: string, params: { ageDays?: number; name?: string; regionId?: string } = {}) {
  const start = daysBefore(MONDAY, params.ageDays ?? 30);
  const plan = await buildDatedPlan(database.db, { createdAt: start, name: params.name, regionId: params.regionId });
  await buildDatedMember(database.db, { planId: plan.id, role: 'lokaal_team', since: start, userId: moId, casusregisseur: true });
  await buildAuditEvent(database.db, { planId: plan.id, userId: moId, action: 'section.write', at: daysBefore(MONDAY, 1) });
  return plan;
}

describe('the list', () => {
  it('holds only active memberships, casusregisseur plans first, then by urgency', async () => {
    const mo = await professional('Mo');
    const calm = await calmPlan(mo.id, { name: 'Familie Rustig' });
    const late = await calmPlan(mo.id, { name: 'Familie Laat' });
    await buildGoal(database.db, { planId: late.id, goalId: 'goal-late-1' });
    await buildAction(database.db, {
      planId: late.id,
      actionId: 'act-late-1',
      goalId: 'goal-late-1',
      dueDate: dayBefore(MONDAY, 20),
      title: 'Aanmelden bij de schuldhulp',
    });
    // A plan where Mo is provider only: urgent (no movement for half a year), but after his own.
    const other = await buildDatedPlan(database.db, { createdAt: daysBefore(MONDAY, 200), name: 'Familie Stil' });
    await buildDatedMember(database.db, { planId: other.id, role: 'aanbieder', since: daysBefore(MONDAY, 200), userId: mo.id });
    await buildDatedMember(database.db, { planId: other.id, role: 'lokaal_team', since: daysBefore(MONDAY, 200), name: 'Sarah', casusregisseur: true });
    // Not his: ended, waiting for consent, someone else's.
    const ended = await buildDatedPlan(database.db, { createdAt: daysBefore(MONDAY, 90), name: 'Familie Vroeger' });
    await buildDatedMember(database.db, { planId: ended.id, role: 'lokaal_team', since: daysBefore(MONDAY, 90), userId: mo.id, status: 'beeindigd' });
    const waiting = await buildDatedPlan(database.db, { createdAt: daysBefore(MONDAY, 5), name: 'Familie Wacht' });
    await buildDatedMember(database.db, { planId: waiting.id, role: 'aanbieder', since: daysBefore(MONDAY, 5), userId: mo.id, status: 'wacht_op_toestemming' });
    const stranger = await buildDatedPlan(database.db, { createdAt: daysBefore(MONDAY, 5), name: 'Familie Anders' });
    await buildDatedMember(database.db, { planId: stranger.id, role: 'lokaal_team', since: daysBefore(MONDAY, 5), name: 'Iemand', casusregisseur: true });

    const rows = await rowsOf(mo.id, MONDAY);
    expect(rows.map((r) => [r.householdName, r.isCasusregisseur, r.role])).toEqual([
      ['Familie Laat', true, 'lokaal_team'],
      ['Familie Rustig', true, 'lokaal_team'],
      ['Familie Stil', false, 'aanbieder'],
    ]);
    expect(rows[0]?.overdue).toEqual({ count: 1, actions: [{ title: 'Aanmelden bij de schuldhulp', due: dayBefore(MONDAY, 20), days: 20 }] });
    expect(kinds(rows[2] as OverzichtRow)).toContain('stalled');
    expect(rows.map((r) => r.planId)).toEqual([late.id, calm.id, other.id]);
    expect(rows.map((r) => r.planId)).not.toContain(ended.id);
    expect(rows.map((r) => r.planId)).not.toContain(waiting.id);
    expect(rows.map((r) => r.planId)).not.toContain(stranger.id);
  });

  it('orders overdue actions oldest first and shows the earliest review of goals, evaluation and safety plan', async () => {
    const mo = await professional('Mo');
    const plan = await calmPlan(mo.id);
    await buildGoal(database.db, { planId: plan.id, goalId: 'g-rev-1', title: 'Eigen kamer', reviewDate: dayBefore(MONDAY, -20) });
    await buildGoal(database.db, { planId: plan.id, goalId: 'g-rev-2', title: 'Naar school', reviewDate: dayBefore(MONDAY, -9), position: 1 });
    await buildAction(database.db, { planId: plan.id, actionId: 'a-rev-1', goalId: 'g-rev-1', dueDate: dayBefore(MONDAY, 3), title: 'Nieuw' });
    await buildAction(database.db, { planId: plan.id, actionId: 'a-rev-2', goalId: 'g-rev-1', dueDate: dayBefore(MONDAY, 10), title: 'Oud' });
    await buildAction(database.db, {
      planId: plan.id,
      actionId: 'a-rev-3',
      goalId: 'g-rev-2',
      dueDate: dayBefore(MONDAY, 30),
      done: true,
      doneAt: daysBefore(MONDAY, 2),
    });
    await buildSafety(database.db, { planId: plan.id, reviewDate: dayBefore(MONDAY, -14) });
    const row = await rowOf(mo.id, plan.id, MONDAY);
    expect(row.overdue?.actions.map((a) => a.title)).toEqual(['Oud', 'Nieuw']);
    expect(row.nextReview).toEqual({ date: dayBefore(MONDAY, -9), what: 'goal', title: 'Naar school', passed: false });
    expect(row.safety).toEqual({ status: 'afgesproken', reviewDate: dayBefore(MONDAY, -14) });
    expect(row.signals).toEqual([]);
  });
});

describe('signals from SQL, to the day', () => {
  it('no movement: 8 weeks after the last change by a person; reads do not count, a rating or an edit does', async () => {
    const mo = await professional('Mo');
    const start = daysBefore(MONDAY, 300);
    const plan = await buildDatedPlan(database.db, { createdAt: start });
    const { userId: sanne } = await buildDatedMember(database.db, { planId: plan.id, role: 'ouder', since: start, name: 'Sanne' });
    await buildDatedMember(database.db, { planId: plan.id, role: 'lokaal_team', since: start, userId: mo.id, casusregisseur: true });
    const lastWrite = new Date('2026-09-01T11:00:00+02:00');
    await buildAuditEvent(database.db, { planId: plan.id, userId: sanne, action: 'section.write', at: lastWrite });
    // Mo reads the plan every week: that is contact, not movement.
    await buildAuditEvent(database.db, { planId: plan.id, userId: mo.id, action: 'plan.read', at: new Date('2026-10-26T10:00:00+01:00') });

    expect(kinds(await rowOf(mo.id, plan.id, new Date('2026-10-26T23:00:00+01:00')))).not.toContain('stalled');
    const row = await rowOf(mo.id, plan.id, new Date('2026-10-27T08:00:00+01:00'));
    expect(reason(row, 'stalled')).toBe('Al 8 weken geen beweging: geen beoordeling, geen actie afgerond, geen wijziging (laatst op 1 september 2026).');

    // An edit in the update log a week later moves the day the signal starts by a week.
    await buildEdit(database.db, { planId: plan.id, userId: sanne, at: new Date('2026-09-08T11:00:00+02:00'), section: 'gezin' });
    expect(kinds(await rowOf(mo.id, plan.id, new Date('2026-11-02T12:00:00+01:00')))).not.toContain('stalled');
    expect(kinds(await rowOf(mo.id, plan.id, new Date('2026-11-03T12:00:00+01:00')))).toContain('stalled');
    // So does a rating.
    await buildRating(database.db, {
      planId: plan.id,
      raterId: sanne,
      raterRole: 'ouder',
      value: 6,
      at: new Date('2026-09-15T11:00:00+02:00'),
      domain: 'wonen',
      kind: 'zelfredzaamheid',
    });
    expect(kinds(await rowOf(mo.id, plan.id, new Date('2026-11-09T12:00:00+01:00')))).not.toContain('stalled');
    expect(kinds(await rowOf(mo.id, plan.id, new Date('2026-11-10T12:00:00+01:00')))).toContain('stalled');
  });

  it('overdue: more than 14 days after the due date, or the region’s own number of days', async () => {
    const mo = await professional('Mo');
    const plan = await calmPlan(mo.id);
    await buildGoal(database.db, { planId: plan.id, goalId: 'g-od-1' });
    await buildAction(database.db, { planId: plan.id, actionId: 'a-od-1', goalId: 'g-od-1', dueDate: '2026-11-10', title: 'Gesprek bij het werkplein' });
    expect(kinds(await rowOf(mo.id, plan.id, new Date('2026-11-24T12:00:00+01:00')))).not.toContain('overdue');
    const row = await rowOf(mo.id, plan.id, new Date('2026-11-25T12:00:00+01:00'));
    expect(reason(row, 'overdue')).toBe(
      '1 actie is meer dan 14 dagen te laat; de oudste, ‘Gesprek bij het werkplein’, had af moeten zijn op 10 november 2026 (15 dagen geleden).',
    );

    const strict = await buildSignalRegion(database.db, { signals: { overdueDays: 7 } });
    const other = await calmPlan(mo.id, { regionId: strict.id });
    await buildGoal(database.db, { planId: other.id, goalId: 'g-od-2' });
    await buildAction(database.db, { planId: other.id, actionId: 'a-od-2', goalId: 'g-od-2', dueDate: '2026-11-10' });
    expect(kinds(await rowOf(mo.id, other.id, new Date('2026-11-17T12:00:00+01:00')))).not.toContain('overdue');
    expect(kinds(await rowOf(mo.id, other.id, new Date('2026-11-18T12:00:00+01:00')))).toContain('overdue');
  });

  it('a review date passed: the day after it, not on the day', async () => {
    const mo = await professional('Mo');
    const plan = await calmPlan(mo.id);
    await buildGoal(database.db, { planId: plan.id, goalId: 'g-rp-1', title: 'Daan gaat weer naar school', reviewDate: '2026-11-20' });
    expect(kinds(await rowOf(mo.id, plan.id, new Date('2026-11-20T22:00:00+01:00')))).not.toContain('reviewPassed');
    const row = await rowOf(mo.id, plan.id, new Date('2026-11-21T08:00:00+01:00'));
    expect(reason(row, 'reviewPassed')).toBe('Evaluatiedatum verstreken: doel ‘Daan gaat weer naar school’ op 20 november 2026.');
    expect(row.nextReview).toEqual({ date: '2026-11-20', what: 'goal', title: 'Daan gaat weer naar school', passed: true });
  });

  it('a goal flat or falling over its last three ratings, by one rater', async () => {
    const mo = await professional('Mo');
    const plan = await calmPlan(mo.id);
    const { userId: sanne } = await buildDatedMember(database.db, { planId: plan.id, role: 'ouder', since: daysBefore(MONDAY, 30), name: 'Sanne Jansen' });
    await buildGoal(database.db, { planId: plan.id, goalId: 'g-fl-1', title: 'Rust in huis' });
    await buildRating(database.db, { planId: plan.id, goalId: 'g-fl-1', raterId: sanne, raterRole: 'ouder', value: 6, at: daysBefore(MONDAY, 60) });
    await buildRating(database.db, { planId: plan.id, goalId: 'g-fl-1', raterId: sanne, raterRole: 'ouder', value: 6, at: daysBefore(MONDAY, 30) });
    expect(kinds(await rowOf(mo.id, plan.id, MONDAY))).not.toContain('goalFlat');
    await buildRating(database.db, { planId: plan.id, goalId: 'g-fl-1', raterId: sanne, raterRole: 'ouder', value: 5, at: daysBefore(MONDAY, 2) });
    const row = await rowOf(mo.id, plan.id, MONDAY);
    expect(reason(row, 'goalFlat')).toBe('Geen vooruitgang bij ‘Rust in huis’ (Sanne Jansen: 6, 6, 5).');
    // The Big Five cell of the domain says so too: down, with the first and the latest rating.
    expect(row.bigFive?.find((c) => c.domain === 'welzijn')).toEqual({ domain: 'welzijn', state: 'achteruit', openGoals: 1, first: 6, latest: 5 });
  });

  it('a broken safety agreement not yet at a table, with the way to the doorbraaktafel', async () => {
    const mo = await professional('Mo');
    const plan = await calmPlan(mo.id);
    await buildSafety(database.db, {
      planId: plan.id,
      status: 'verbroken',
      agreements: [
        { id: 'agr-1', status: 'verbroken', brokenAt: '2026-11-28' },
        { id: 'agr-2', status: 'verbroken', brokenAt: '2026-10-01', escalated: true },
        { id: 'agr-3', status: 'geldt' },
      ],
    });
    const row = await rowOf(mo.id, plan.id, MONDAY);
    expect(row.signals.find((s) => s.kind === 'brokenAgreement')).toEqual({
      kind: 'brokenAgreement',
      label: 'Afspraak verbroken',
      reason: 'Een afspraak uit het veiligheidsplan is verbroken (sinds 28 november 2026) en nog niet aan een tafel besproken.',
      tableHref: `/plannen/${plan.id}?sectie=tafel`,
    });
    expect(row.openEscalations).toBe(1);
  });

  it('no named casusregisseur, also when the one named left the plan', async () => {
    const mo = await professional('Mo');
    const plan = await buildDatedPlan(database.db, { createdAt: daysBefore(MONDAY, 20) });
    await buildDatedMember(database.db, { planId: plan.id, role: 'lokaal_team', since: daysBefore(MONDAY, 20), userId: mo.id });
    await buildAuditEvent(database.db, { planId: plan.id, userId: mo.id, action: 'section.write', at: daysBefore(MONDAY, 1) });
    expect(reason(await rowOf(mo.id, plan.id, MONDAY), 'noRegisseur')).toBe('Er is geen casusregisseur benoemd: niemand houdt het geheel bij elkaar.');
    const left = await buildDatedMember(database.db, {
      planId: plan.id,
      role: 'lokaal_team',
      since: daysBefore(MONDAY, 20),
      name: 'Ruben',
      casusregisseur: true,
      status: 'beeindigd',
    });
    expect(kinds(await rowOf(mo.id, plan.id, MONDAY))).toContain('noRegisseur');
    const [regie] = await database.db
      .select()
      .from(regieAssignments)
      .where(and(eq(regieAssignments.planId, plan.id), eq(regieAssignments.userId, left.userId)));
    expect(regie?.endedAt).toBeNull();
  });

  it('a professional without contact for 6 weeks, named with their last contact', async () => {
    const mo = await professional('Mo');
    const start = daysBefore(MONDAY, 120);
    const plan = await calmPlan(mo.id, { ageDays: 120 });
    const { userId: eva } = await buildDatedMember(database.db, { planId: plan.id, role: 'aanbieder', since: start, name: 'Eva Bakker' });
    await buildAuditEvent(database.db, { planId: plan.id, userId: eva, action: 'section.open', at: new Date('2026-10-10T14:00:00+02:00') });
    expect(kinds(await rowOf(mo.id, plan.id, new Date('2026-11-20T12:00:00+01:00')))).not.toContain('professionalSilent');
    const row = await rowOf(mo.id, plan.id, new Date('2026-11-21T12:00:00+01:00'));
    expect(reason(row, 'professionalSilent')).toBe('Geen contact met het plan: Eva Bakker (zorgaanbieder) sinds 10 oktober 2026, 6 weken.');
    expect(row.professionals.find((p) => p.name === 'Eva Bakker')).toEqual({
      name: 'Eva Bakker',
      role: 'aanbieder',
      at: new Date('2026-10-10T14:00:00+02:00').toISOString(),
    });
  });

  it('a threatened out-of-home placement, set and lifted by the casusregisseur', async () => {
    const mo = await professional('Mo Ait Taleb');
    const plan = await calmPlan(mo.id);
    const { ctx } = testContext(database.db, { now: () => MONDAY });
    await setPlacement(ctx, { actor: { planId: plan.id, userId: mo.id }, input: { threatened: true, reason: 'Moeder kan de zorg niet aan' }, via: VIA });
    const row = await rowOf(mo.id, plan.id, MONDAY);
    expect(row.signals[0]?.kind).toBe('placement');
    expect(row.signals[0]?.reason).toMatch(/^Uithuisplaatsing dreigt: Moeder kan de zorg niet aan \(sinds .+, gemeld door Mo Ait Taleb\)\.$/);
    await setPlacement(ctx, { actor: { planId: plan.id, userId: mo.id }, input: { threatened: false, reason: 'Oma vangt de kinderen op' }, via: VIA });
    expect(kinds(await rowOf(mo.id, plan.id, MONDAY))).not.toContain('placement');
  });
});

describe('what a role may see', () => {
  it('a referrer sees neither the safety plan nor its signals, and has no way to the table', async () => {
    const mo = await professional('Mo');
    const plan = await calmPlan(mo.id);
    const anouk = await buildUser(database.db, { name: 'Anouk' });
    await buildDatedMember(database.db, { planId: plan.id, role: 'verwijzer', since: daysBefore(MONDAY, 30), userId: anouk.id });
    await buildSafety(database.db, {
      planId: plan.id,
      reviewDate: dayBefore(MONDAY, 3),
      agreements: [{ id: 'agr-v', status: 'verbroken', brokenAt: dayBefore(MONDAY, 2) }],
    });
    await buildGoal(database.db, { planId: plan.id, goalId: 'g-v-1', reviewDate: dayBefore(MONDAY, -30) });
    const row = await rowOf(anouk.id, plan.id, MONDAY);
    expect(row.safety).toBeNull();
    expect(row.openEscalations).toBeNull();
    expect(kinds(row)).toEqual([]);
    expect(row.nextReview?.what).toBe('goal');
    expect(row.bigFive).not.toBeNull();
    // Mo, in the same plan, sees both.
    expect(kinds(await rowOf(mo.id, plan.id, MONDAY))).toEqual(['brokenAgreement', 'reviewPassed']);
  });

  it('a plan override that hides the goals hides the Big Five, the actions and their signals', async () => {
    const mo = await professional('Mo');
    const plan = await calmPlan(mo.id);
    const eva = await buildUser(database.db, { name: 'Eva' });
    await buildDatedMember(database.db, { planId: plan.id, role: 'aanbieder', since: daysBefore(MONDAY, 30), userId: eva.id });
    await buildGoal(database.db, { planId: plan.id, goalId: 'g-ov-1' });
    await buildAction(database.db, { planId: plan.id, actionId: 'a-ov-1', goalId: 'g-ov-1', dueDate: dayBefore(MONDAY, 30) });
    await buildEvaluation(database.db, { planId: plan.id, stability: { wonen: true } });
    await setOverride(database.db, { planId: plan.id, role: 'aanbieder', section: 'doelen', level: 'none', setBy: mo.id, reason: 'test' });
    const row = await rowOf(eva.id, plan.id, MONDAY);
    expect(row.overdue).toBeNull();
    expect(kinds(row)).not.toContain('overdue');
    expect(row.bigFive?.map((c) => c.state)).toEqual(['geen', 'stabiel', 'geen', 'geen', 'geen']);
  });
});

describe('who has an overzicht', () => {
  it('every view is an audit event; families, their network and the region’s roles get not-found', async () => {
    const mo = await professional('Mo');
    const plan = await calmPlan(mo.id);
    const { ctx } = testContext(database.db, { now: () => MONDAY });
    const result = await overzicht(ctx, { userId: mo.id, via: VIA, locale: 'nl', source: 'api' });
    expect(result.rows.map((r) => r.planId)).toEqual([plan.id]);
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, mo.id), eq(auditEvents.action, 'dashboard.view')));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ accessPoint: VIA.accessPoint, client: VIA.client, details: { via: 'api', count: 1, planIds: [plan.id] } });
    expect(await homePathOf(ctx, { userId: mo.id })).toBe('/overzicht');

    const { userId: parent } = await buildDatedMember(database.db, { planId: plan.id, role: 'ouder', since: MONDAY, name: 'Ouder' });
    const { userId: neighbour } = await buildDatedMember(database.db, { planId: plan.id, role: 'netwerk', since: MONDAY, name: 'Buur' });
    const gemeente = await buildOrganisation(database.db, { kind: 'gemeente' });
    const jeroen = await buildUser(database.db, { name: 'Jeroen', organisationId: gemeente.id });
    await database.db.update(users).set({ regionRole: 'gemeente' }).where(eq(users.id, jeroen.id));
    for (const userId of [parent, neighbour, jeroen.id]) {
      const refused = await overzicht(ctx, { userId, via: VIA, locale: 'nl', source: 'page' }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(Refusal);
      expect((refused as Refusal).kind).toBe('not_found');
    }
    expect(await homePathOf(ctx, { userId: parent })).toBe('/plannen');
    expect(await homePathOf(ctx, { userId: neighbour })).toBe('/plannen');
    expect(await homePathOf(ctx, { userId: jeroen.id })).toBe('/regio');
    // A professional without plans yet still has an (empty) overzicht.
    const newcomer = await professional('Nieuw');
    expect((await overzicht(ctx, { userId: newcomer.id, via: VIA, locale: 'nl', source: 'page' })).rows).toEqual([]);
  });

  it('says the reasons in English for a reader who chose English', async () => {
    const mo = await professional('Mo');
    const plan = await buildDatedPlan(database.db, { createdAt: daysBefore(MONDAY, 20) });
    await buildDatedMember(database.db, { planId: plan.id, role: 'lokaal_team', since: daysBefore(MONDAY, 20), userId: mo.id });
    await buildAuditEvent(database.db, { planId: plan.id, userId: mo.id, action: 'section.write', at: plus(MONDAY, -1) });
    const { ctx } = testContext(database.db, { now: () => MONDAY });
    const [row] = (await overzichtRows(ctx, { userId: mo.id, locale: 'en' })).rows;
    expect(row?.signals[0]).toMatchObject({ label: 'No casusregisseur', reason: 'No casusregisseur has been named: nobody keeps the whole together.' });
  });
});
