/**
 * The region view on a real database: the aggregates of a small region, counted exactly (the queries), then as
 * published (every group under five hidden, and whatever would give it away), with no name, plan id or birth date
 * in the JSON or the CSV, and nothing at all for anyone without a region role.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { domainChangeGroups, flowGroups, planStateGroups } from '@/db/queries/region';
import { auditEvents, householdPeople, households, planMembers, planStatusChanges, plans, projectedGoals, ratings, regieAssignments, users } from '@/db/schema';
import { UNKNOWN_MUNICIPALITY, type RegionReport } from '@/lib/api/region';
import { monthsBegun, parsePeriod, periodContaining, type Period } from '@/lib/region-periods';
import type { PlanRole, PlanStatus } from '@/lib/roles';
import { SUPPRESSED } from '@/lib/suppression';
import { openTestDatabase, type TestDatabase } from '@/test/db';
import { testContext } from '@/test/context';
import { buildOrganisation, buildRegion, buildUser } from '@/test/factories';
import { and, eq } from 'drizzle-orm';
import { findPlanAccess } from '../plans/plan-access';
import { Refusal } from '../refusal';
import { csvLabels, regionCsv } from './csv';
import { viewRegion } from './report';
import nl from '@/messages/nl.json';

const DAY = 24 * 3600 * 1000;
const via = { accessPoint: '192.0.2.7', client: 'vitest' };

let database: TestDatabase;
let db: Db;
let now: Date;
let quarter: Period;
let previous: Period;
let regionId: string;
let jeroen: string;
let lisa: string;
let gemeenteZonderRol: string;
let mo: string;
let parent: string;
const planIds: string[] = [];
const householdIds: string[] = [];
const ctx = () => testContext(db, { now: () => now }).ctx;

/** The quarter before the one `at` lies in. */
function quarterBefore(q: Period): Period {
  return parsePeriod(q.quarter === 1 ? `${q.year - 1}-Q4` : `${q.year}-Q${q.quarter - 1}`);
}

interface FamilySpec {
  municipality: string | null;
  status: PlanStatus;
  professionals?: number;
  regisseur?: boolean;
  goals?: { total: number; reached: number };
  /** Status changes, oldest first. */
  changes?: { from: PlanStatus; to: PlanStatus; at: Date }[];
  /** Zelfredzaamheid ratings of one domain. */
  ratings?: { domain: string; role: PlanRole; values: number[]; at: Date[] }[];
  brokenAt?: Date;
  region?: string;
}

let professionals: string[] = [];
let created = 0;

async function family(spec: FamilySpec): Promise<string> {
  created += 1;
  const old = new Date(previous.start.getTime() - 60 * DAY);
  const [h] = await db
    .insert(households)
    .values({ regionId: spec.region ?? regionId, name: `Familie Geheimnaam-${created}`, municipality: spec.municipality, createdAt: old })
    .returning();
  if (!h) throw new Error('household');
  householdIds.push(h.id);
  await db.insert(householdPeople).values({ householdId: h.id, name: `Kind Verborgen-${created}`, relation: 'kind', birthDate: '2011-04-05' });
  const [p] = await db.insert(plans).values({ householdId: h.id, status: spec.status, createdAt: old }).returning();
  if (!p) throw new Error('plan');
  planIds.push(p.id);
  await db.insert(planMembers).values({ planId: p.id, userId: parent, role: 'ouder', basis: 'eigen_gezin', createdAt: old });
  for (let i = 0; i < (spec.professionals ?? 0); i++) {
    const userId = professionals[i];
    if (!userId) throw new Error('not enough professionals');
    await db.insert(planMembers).values({ planId: p.id, userId, role: i === 0 ? 'lokaal_team' : 'aanbieder', basis: 'toestemming', createdAt: old });
  }
  if (spec.regisseur) {
    await db.insert(regieAssignments).values({ planId: p.id, kind: 'casusregie', userId: professionals[0] ?? mo, reason: 'test', startedAt: old });
  }
  if (spec.goals) {
    for (let g = 0; g < spec.goals.total; g++) {
      await db.insert(projectedGoals).values({
        planId: p.id,
        goalId: `g${g}`,
        domain: 'wonen',
        title: `Geheim doel ${created}`,
        forWhom: 'Kind Verborgen',
        owner: 'Prof Geheim',
        status: g < spec.goals.reached ? 'bereikt' : 'bezig',
        position: g,
      });
    }
  }
  for (const c of spec.changes ?? []) {
    await db.insert(planStatusChanges).values({ planId: p.id, from: c.from, to: c.to, changedBy: mo, createdAt: c.at });
  }
  for (const r of spec.ratings ?? []) {
    for (let i = 0; i < r.values.length; i++) {
      await db.insert(ratings).values({
        planId: p.id,
        kind: 'zelfredzaamheid',
        domain: r.domain,
        value: r.values[i] ?? 3,
        raterId: r.role === 'ouder' ? parent : mo,
        raterRole: r.role,
        createdAt: r.at[i] ?? old,
      });
    }
  }
  if (spec.brokenAt) {
    await db.insert(auditEvents).values({ action: 'safety.agreement_broken', actorUserId: mo, actorRole: 'lokaal_team', planId: p.id, at: spec.brokenAt });
  }
  return p.id;
}

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  now = new Date(Date.now() + 1000);
  quarter = periodContaining(now, 'kwartaal');
  previous = quarterBefore(quarter);
  const region = await buildRegion(db, { name: 'Regio Proef' });
  regionId = region.id;
  const gemeente = await buildOrganisation(db, { regionId, kind: 'gemeente', name: 'Gemeente Proef' });
  const team = await buildOrganisation(db, { regionId, kind: 'lokaal_team', name: 'Wijkteam Proef' });
  const asRegion = async (name: string, role: 'gemeente' | 'beheerder' | null) => {
    const u = await buildUser(db, { name, organisationId: gemeente.id });
    if (role) await db.update(users).set({ regionRole: role }).where(eq(users.id, u.id));
    return u.id;
  };
  jeroen = await asRegion('Jeroen Proef', 'gemeente');
  lisa = await asRegion('Lisa Proef', 'beheerder');
  gemeenteZonderRol = await asRegion('Medewerker Zonder Rol', null);
  mo = (await buildUser(db, { name: 'Prof Geheim Mo', organisationId: team.id })).id;
  parent = (await buildUser(db, { name: 'Ouder Geheimnaam' })).id;
  professionals = [mo];
  for (let i = 1; i < 5; i++) professionals.push((await buildUser(db, { name: `Prof Geheim ${i}`, organisationId: team.id })).id);

  const inQuarter = new Date((quarter.start.getTime() + now.getTime()) / 2);
  const inPrevious = new Date(previous.start.getTime() + 10 * DAY);
  const longAgo = new Date(previous.start.getTime() - 30 * DAY);

  // Tiel: 16 actief, 2 afschalen, 6 waakvlam (all six went to waakvlam this quarter).
  for (let i = 0; i < 16; i++) {
    await family({
      municipality: 'Tiel',
      status: 'actief',
      professionals: i < 6 ? 1 : i < 12 ? 2 : 3,
      regisseur: i < 14,
      goals: i < 10 ? { total: 2, reached: i < 7 ? 1 : 0 } : undefined,
      // Five came back from waakvlam last quarter.
      changes:
        i < 5
          ? [
              { from: 'actief', to: 'waakvlam', at: longAgo },
              { from: 'waakvlam', to: 'actief', at: inPrevious },
            ]
          : undefined,
      ratings: [
        ...(i < 6 ? [{ domain: 'wonen', role: 'lokaal_team' as const, values: [2, i < 4 ? 4 : 2], at: [longAgo, inPrevious] }] : []),
        // A rating after the end of last quarter: counts now, not for last quarter.
        ...(i === 6 ? [{ domain: 'wonen', role: 'lokaal_team' as const, values: [3, 5], at: [longAgo, inQuarter] }] : []),
        ...(i >= 10 ? [{ domain: 'wonen', role: 'ouder' as const, values: [4, 2], at: [longAgo, inPrevious] }] : []),
      ],
      brokenAt: i < 6 ? inQuarter : undefined,
    });
  }
  for (let i = 0; i < 2; i++) await family({ municipality: 'Tiel', status: 'afschalen', professionals: 2, regisseur: true });
  for (let i = 0; i < 6; i++) {
    await family({ municipality: 'Tiel', status: 'waakvlam', professionals: 1, regisseur: true, changes: [{ from: 'actief', to: 'waakvlam', at: inQuarter }] });
  }
  // Culemborg: 7 actief (2 of them back from waakvlam last quarter), 1 concept.
  for (let i = 0; i < 7; i++) {
    await family({
      municipality: 'Culemborg',
      status: 'actief',
      professionals: 2,
      regisseur: true,
      changes:
        i < 2
          ? [
              { from: 'actief', to: 'waakvlam', at: longAgo },
              { from: 'waakvlam', to: 'actief', at: inPrevious },
            ]
          : undefined,
      ratings: i < 1 ? [{ domain: 'wonen', role: 'lokaal_team', values: [1, 3], at: [longAgo, inPrevious] }] : [],
    });
  }
  await family({ municipality: 'Culemborg', status: 'concept' });
  // Buren: 3 actief, none with a casusregisseur. And one household whose municipality is not recorded.
  for (let i = 0; i < 3; i++) await family({ municipality: 'Buren', status: 'actief', professionals: 4 });
  await family({ municipality: null, status: 'actief', professionals: 1, regisseur: true });

  // Another region: never counted.
  const other = await buildRegion(db, { name: 'Regio Anders' });
  for (let i = 0; i < 6; i++) await family({ region: other.id, municipality: 'Tiel', status: 'actief', professionals: 1, regisseur: true });
});

afterAll(async () => {
  await database?.close();
});

describe('region queries: exact counts before suppression', () => {
  it('counts plans by municipality and status at a moment, with regie, professionals and goals of the active ones', async () => {
    const groups = await planStateGroups(db, { regionId, at: now });
    const sum = (f: (g: (typeof groups)[number]) => boolean, v: (g: (typeof groups)[number]) => number = (g) => g.plans) =>
      groups.filter(f).reduce((n, g) => n + v(g), 0);
    expect(sum((g) => g.municipality === 'Tiel' && g.status === 'actief')).toBe(16);
    expect(sum((g) => g.municipality === 'Tiel' && g.status === 'waakvlam')).toBe(6);
    expect(sum((g) => g.municipality === 'Culemborg' && g.status === 'concept')).toBe(1);
    expect(sum((g) => g.municipality === null)).toBe(1);
    expect(sum(() => true)).toBe(16 + 2 + 6 + 8 + 3 + 1); // the other region's six are not here
    // Active = actief or afschalen; one casusregisseur: Tiel 14 + 2, Culemborg 7, the unknown one; Buren none.
    expect(sum((g) => g.oneRegisseur)).toBe(14 + 2 + 7 + 1);
    expect(sum((g) => g.municipality === 'Buren' && !g.oneRegisseur)).toBe(3);
    // Professionals per active plan (the parent is not one of them).
    expect(sum((g) => g.municipality === 'Tiel' && g.status === 'actief' && g.professionals === 1)).toBe(6);
    expect(sum((g) => g.municipality === 'Tiel' && g.status === 'actief' && g.professionals === 3)).toBe(4);
    expect(sum((g) => g.municipality === 'Buren' && g.professionals === 4)).toBe(3);
    // Inactive plans carry no per-plan figures.
    expect(sum((g) => g.status === 'waakvlam' && g.professionals > 0)).toBe(0);
    // Goals: ten Tiel plans with two goals each; seven with one reached.
    expect(
      sum(
        () => true,
        (g) => g.goals,
      ),
    ).toBe(20);
    expect(
      sum(
        () => true,
        (g) => g.reached,
      ),
    ).toBe(7);
    expect(sum((g) => g.hasGoals)).toBe(10);
    expect(sum((g) => g.hasReached)).toBe(7);
  });

  it('takes the status a plan had then: last quarter the six Tiel waakvlam plans were still actief', async () => {
    const groups = await planStateGroups(db, { regionId, at: previous.end });
    const tiel = (s: PlanStatus) => groups.filter((g) => g.municipality === 'Tiel' && g.status === s).reduce((n, g) => n + g.plans, 0);
    expect(tiel('waakvlam')).toBe(0);
    expect(tiel('actief')).toBe(16 + 6);
    // Before their return the five were in waakvlam: a moment inside last quarter, before the return.
    const before = await planStateGroups(db, { regionId, at: new Date(previous.start.getTime() + 5 * DAY) });
    expect(before.filter((g) => g.municipality === 'Tiel' && g.status === 'waakvlam').reduce((n, g) => n + g.plans, 0)).toBe(5);
  });

  it('compares the first and the latest rating per plan, domain and perspective, up to the moment', async () => {
    const last = await domainChangeGroups(db, { regionId, at: previous.end });
    const find = (m: string, perspective: string, direction: number) =>
      last.find((g) => g.municipality === m && g.domain === 'wonen' && g.perspective === perspective && g.direction === direction);
    expect(find('Tiel', 'professional', 1)?.families).toBe(4);
    expect(find('Tiel', 'professional', 1)?.change).toBe(8);
    expect(find('Tiel', 'professional', 0)?.families).toBe(2);
    expect(find('Tiel', 'gezin', -1)?.families).toBe(6);
    expect(find('Culemborg', 'professional', 1)?.families).toBe(1);
    // The rating made this quarter is not there yet at the end of last quarter; it is now.
    const nowGroups = await domainChangeGroups(db, { regionId, at: now });
    expect(nowGroups.find((g) => g.municipality === 'Tiel' && g.perspective === 'professional' && g.direction === 1)?.families).toBe(5);
  });

  it('counts families with events per slice and for the whole span', async () => {
    const months = monthsBegun(previous, now);
    const flows = await flowGroups(db, { regionId, boundaries: [...months.map((m) => m.start), previous.end] });
    const of = (kind: string, m: string, slice: number | null) =>
      flows.find((f) => f.kind === kind && f.municipality === m && f.slice === slice)?.families ?? 0;
    expect(of('waakvlam_terug', 'Tiel', null)).toBe(5);
    expect(of('waakvlam_terug', 'Tiel', 0)).toBe(5);
    expect(of('waakvlam_terug', 'Tiel', 1)).toBe(0);
    expect(of('waakvlam_terug', 'Culemborg', null)).toBe(2);
    expect(of('waakvlam_in', 'Tiel', null)).toBe(0);
    const current = await flowGroups(db, { regionId, boundaries: [quarter.start, now] });
    expect(current.find((f) => f.kind === 'waakvlam_in' && f.municipality === 'Tiel' && f.slice === null)?.families).toBe(6);
    expect(current.find((f) => f.kind === 'afspraak_verbroken' && f.municipality === 'Tiel' && f.slice === null)?.families).toBe(6);
  });
});

/** Every published sum: a hidden cell must not be recoverable from the shown ones, nor a hidden group under five. */
function leaksOf(report: RegionReport, raw: Record<string, number>): string[] {
  const out: string[] = [];
  const check = (name: string, total: number | string, parts: (number | string)[], partRaw: number[]) => {
    const cells = [total, ...parts];
    const hidden = cells.filter((c) => c === SUPPRESSED).length;
    if (hidden === 1) out.push(`${name}: one hidden cell`);
    if (hidden > 1 && total !== SUPPRESSED) {
      const group = parts.reduce<number>((n, c, i) => n + (c === SUPPRESSED ? (partRaw[i] ?? 0) : 0), 0);
      if (group < 5) out.push(`${name}: hidden group of ${group}`);
    }
  };
  const s = report.status.byStatus;
  check(
    'status',
    report.status.total,
    Object.values(s),
    Object.keys(s).map((k) => raw[`status.${k}`] ?? 0),
  );
  check('active', report.status.active, [s.actief, s.afschalen], [raw['status.actief'] ?? 0, raw['status.afschalen'] ?? 0]);
  check('regie', report.regisseur.active, [report.regisseur.one, report.regisseur.notOne], [raw['regie.one'] ?? 0, raw['regie.notOne'] ?? 0]);
  check(
    'professionals',
    report.professionals.families,
    report.professionals.buckets.map((b) => b.families),
    report.professionals.buckets.map((b) => raw[`prof.${b.bucket}`] ?? 0),
  );
  return out;
}

describe('the region report as published', () => {
  it('shows the whole region with every group of one to four hidden, and nothing recoverable', async () => {
    const report = await viewRegion(ctx(), { userId: jeroen, via, query: {}, purpose: 'view' });
    expect(report.region.name).toBe('Regio Proef');
    expect(report.period.key).toBe(quarter.key);
    expect(report.period.ongoing).toBe(true);
    expect(report.municipalities).toEqual(['Buren', 'Culemborg', 'Tiel', UNKNOWN_MUNICIPALITY]);
    // 36 plans: 27 actief, 2 afschalen, 6 waakvlam, 1 concept, 0 afgesloten.
    expect(report.status.total).toBe(36);
    expect(report.status.byStatus.afgesloten).toBe(0);
    expect(report.status.byStatus.afschalen).toBe(SUPPRESSED);
    expect(report.status.byStatus.concept).toBe(SUPPRESSED);
    // Secondary: concept 1 + afschalen 2 would be recoverable from the total as a group of three, so waakvlam (6)
    // goes too; and actief, or 29 − 27 gives afschalen away.
    expect(report.status.byStatus.waakvlam).toBe(SUPPRESSED);
    expect(report.status.byStatus.actief).toBe(SUPPRESSED);
    const raw = { 'status.actief': 27, 'status.afschalen': 2, 'status.waakvlam': 6, 'status.concept': 1, 'status.afgesloten': 0 };
    expect(leaksOf(report, { ...raw, 'regie.one': 24, 'regie.notOne': 5, 'prof.0': 0, 'prof.1': 7, 'prof.2': 15, 'prof.3': 4, 'prof.4+': 3 })).toEqual([]);
    // Buren (3 plans) and the unknown municipality (1) are hidden; so is Culemborg (8), or 36 − 24 would give them away.
    const row = (m: string) => report.perMunicipality.find((r) => r.municipality === m);
    expect(row('Tiel')?.total).toBe(24);
    expect(row('Buren')?.total).toBe(SUPPRESSED);
    expect(row(UNKNOWN_MUNICIPALITY)?.total).toBe(SUPPRESSED);
    expect(row('Culemborg')?.total).toBe(SUPPRESSED);
    // One casusregisseur: 24 plans. The five without are hidden as a group of Tiel's 2 and Buren's 3 would be.
    expect(report.regisseur.one).toBe(24);
    expect(report.regisseur.notOne).toBe(SUPPRESSED);
    expect(report.regisseur.percentOne).toBeNull();
    // Professionals: 7 plans with one, 15 with two; three (4) and four or more (3) hidden; a zero is shown.
    const bucket = (b: string) => report.professionals.buckets.find((x) => x.bucket === b)?.families;
    expect([bucket('0'), bucket('1'), bucket('2'), bucket('3'), bucket('4+')]).toEqual([0, 7, 15, SUPPRESSED, SUPPRESSED]);
    expect(report.professionals.median).toBeNull();
    // Flows this quarter: six Tiel families went to waakvlam; six had a broken agreement; none came back.
    expect(report.waakvlam.entered).toBe(6);
    expect(report.waakvlam.returned).toBe(0);
    expect(report.escalations.brokenAgreements).toBe(6);
    expect(report.escalations.tableRequests).toBeNull();
    expect(report.escalations.medianDaysToDecision).toBeNull();
  });

  it('shows one municipality with its own figures, hidden where the region would give them away', async () => {
    const report = await viewRegion(ctx(), { userId: lisa, via, query: { gemeente: 'Tiel' }, purpose: 'view' });
    expect(report.municipality).toBe('Tiel');
    expect(report.status.total).toBe(24);
    expect(report.status.byStatus.concept).toBe(0);
    expect(report.status.byStatus.afschalen).toBe(SUPPRESSED);
    // Tiel is the region's only waakvlam municipality: its 6 is the region's hidden 6.
    expect(report.status.byStatus.waakvlam).toBe(SUPPRESSED);
    expect(report.regisseur.one).toBe(16);
    expect(report.regisseur.notOne).toBe(SUPPRESSED);
    // Goals: 10 plans with goals of which 7 have one reached — the 3 without would follow, so both are hidden.
    expect(report.goals.plansWithReached).toBe(SUPPRESSED);
    expect(report.goals.reached).toBe(SUPPRESSED);
    expect(report.goals.percentReached).toBeNull();
    expect(report.waakvlam.entered).toBe(6);
    expect(report.escalations.brokenAgreements).toBe(6);
    const raw = { 'status.actief': 16, 'status.afschalen': 2, 'status.waakvlam': 6, 'status.concept': 0, 'status.afgesloten': 0 };
    expect(leaksOf(report, { ...raw, 'regie.one': 16, 'regie.notOne': 2, 'prof.0': 0, 'prof.1': 6, 'prof.2': 8, 'prof.3': 4, 'prof.4+': 0 })).toEqual([]);
  });

  it('hides a municipality whose count could be worked out from the region total (secondary suppression across areas)', async () => {
    // Last quarter 7 families came back from waakvlam: Tiel 5, Culemborg 2. Showing 7 and Tiel's 5 would give away 2.
    const region = await viewRegion(ctx(), { userId: jeroen, via, query: { periode: previous.key }, purpose: 'view' });
    expect(region.period.ongoing).toBe(false);
    expect(region.waakvlam.returned).toBe(7);
    expect(region.waakvlam.entered).toBe(0);
    const tiel = await viewRegion(ctx(), { userId: jeroen, via, query: { periode: previous.key, gemeente: 'Tiel' }, purpose: 'view' });
    const culemborg = await viewRegion(ctx(), { userId: jeroen, via, query: { periode: previous.key, gemeente: 'Culemborg' }, purpose: 'view' });
    expect(culemborg.waakvlam.returned).toBe(SUPPRESSED);
    expect(tiel.waakvlam.returned).toBe(SUPPRESSED);
    // A month of that quarter does not give it away either.
    const firstMonth = monthsBegun(previous, now)[0];
    if (!firstMonth) throw new Error('no month');
    const month = await viewRegion(ctx(), { userId: jeroen, via, query: { periode: firstMonth.key, gemeente: 'Tiel' }, purpose: 'view' });
    expect(month.period.kind).toBe('maand');
    expect(month.waakvlam.returned).toBe(SUPPRESSED);
    // Regie at the end of last quarter: the six waakvlam plans were still active then (22 in Tiel, 30 in the region).
    expect(region.regisseur.one).toBe(30);
  });

  it('publishes the change per domain apart for family and professionals, with small groups hidden', async () => {
    const region = await viewRegion(ctx(), { userId: jeroen, via, query: { periode: previous.key }, purpose: 'view' });
    const tiel = await viewRegion(ctx(), { userId: jeroen, via, query: { periode: previous.key, gemeente: 'Tiel' }, purpose: 'view' });
    const wonen = (r: RegionReport, v: string) => r.domains.find((d) => d.domain === 'wonen' && d.perspective === v);
    // The family's view: six Tiel families rated lower, by 2 each.
    expect(wonen(tiel, 'gezin')).toMatchObject({ rated: 6, improved: 0, same: 0, declined: 6, meanChange: -2 });
    // The professionals': Tiel 4 up and 2 the same, Culemborg 1 up. The region shows 7; Tiel's 6 would give
    // Culemborg's one away, so it is hidden, and the mean with it.
    expect(wonen(region, 'professional')?.rated).toBe(7);
    expect(wonen(region, 'professional')?.meanChange).toBe(1.4);
    expect(wonen(tiel, 'professional')?.rated).toBe(SUPPRESSED);
    expect(wonen(tiel, 'professional')?.meanChange).toBeNull();
    // The rating of this quarter counts now: 8 professional ratings pairs, mean (8 + 2 + 2) / 8.
    const current = await viewRegion(ctx(), { userId: jeroen, via, query: {}, purpose: 'view' });
    expect(wonen(current, 'professional')).toMatchObject({ rated: 8, meanChange: 1.5 });
    expect(current.domains.find((d) => d.domain === 'support' && d.perspective === 'gezin')?.rated).toBe(0);
  });

  it('never carries a name, a plan id, a household id or a birth date: not in the JSON, not in the CSV', async () => {
    const report = await viewRegion(ctx(), { userId: jeroen, via, query: {}, purpose: 'view' });
    const json = JSON.stringify(report);
    const csv = regionCsv(
      report,
      csvLabels(
        (k) => lookup(nl.regio, k),
        (k) => lookup(nl.status, k),
      ),
    );
    for (const text of [json, csv]) {
      expect(text).not.toMatch(/Geheimnaam|Verborgen|Geheim|Prof |Ouder|Jeroen/);
      expect(text).not.toContain('2011-04-05');
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
      for (const id of [...planIds, ...householdIds, regionId]) expect(text).not.toContain(id);
    }
    expect(csv.startsWith('\ufeffOnderdeel;Gemeente;Periode;Meting;Waarde\r\n')).toBe(true);
    expect(csv).toContain(`Plannen;Alle gemeenten;${quarter.key};Alle plannen;36`);
    expect(csv).toContain(`Per gemeente;Buren;${quarter.key};Alle plannen;< 5`);
    expect(csv).toContain('Verzoeken aan de doorbraaktafel;nog geen gegevens');
    expect(csv).toContain('onderdrukt');
  });

  it('is an audit event for every view and every export, without a plan', async () => {
    await viewRegion(ctx(), { userId: lisa, via, query: { gemeente: 'Culemborg' }, purpose: 'export' });
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, lisa), eq(auditEvents.action, 'region.export')));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorRole: 'beheerder', planId: null, accessPoint: '192.0.2.7', client: 'vitest' });
    expect(events[0]?.details).toMatchObject({ period: quarter.key, municipality: 'Culemborg' });
    const views = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, jeroen), eq(auditEvents.action, 'region.view')));
    expect(views.length).toBeGreaterThan(0);
  });

  it('refuses everyone without a region role with a 404, and a region role opens no plan', async () => {
    for (const userId of [mo, parent, gemeenteZonderRol]) {
      const refusal = await viewRegion(ctx(), { userId, via, query: {}, purpose: 'view' }).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(Refusal);
      expect((refusal as Refusal).kind).toBe('not_found');
    }
    const [planId] = planIds;
    if (!planId) throw new Error('no plan');
    expect(await findPlanAccess(db, { planId, userId: jeroen })).toBeNull();
    expect(await findPlanAccess(db, { planId, userId: lisa })).toBeNull();
  });

  it('refuses a period that does not exist or has not begun, and an unknown municipality', async () => {
    const refused = async (query: { periode?: string; gemeente?: string }) => {
      const err = await viewRegion(ctx(), { userId: jeroen, via, query, purpose: 'view' }).catch((e: unknown) => e);
      return err instanceof Refusal ? `${err.kind}:${err.code}` : 'no refusal';
    };
    expect(await refused({ periode: '2026-Q5' })).toBe('invalid:invalid_period');
    expect(await refused({ periode: "2026-01'; drop table plans" })).toBe('invalid:invalid_period');
    expect(await refused({ periode: `${quarter.year + 1}-Q1` })).toBe('invalid:future_period');
    expect(await refused({ gemeente: 'Atlantis' })).toBe('invalid:unknown_municipality');
  });
});

function lookup(messages: unknown, key: string): string {
  const value = key.split('.').reduce<unknown>((m, k) => (m && typeof m === 'object' ? (m as Record<string, unknown>)[k] : undefined), messages);
  if (typeof value !== 'string') throw new Error(`no message ${key}`);
  return value;
}
