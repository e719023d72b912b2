/**
 * The generated demo households make Mo's Monday morning real on a fresh start: fifty families beside the three
 * written ones, Mo casusregisseur of about 25, and his overzicht opening with the family where nothing has moved and
 * the overdue actions, showing every kind of signal; the read model equals the seeded documents; the region has
 * returns from waakvlam and a municipality small enough to be suppressed.
 */
import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Database } from '@/db/client';
import { loadUpdates } from '@/db/queries/yjs';
import { households, planStatusChanges, plans, projectedGoals, regieAssignments, users } from '@/db/schema';
import { PLAN_STATUSES } from '@/lib/roles';
import { docNameFor } from '@/lib/sections';
import { readGoals } from '@/lib/shapes/goals';
import { overzichtRows } from '@/server/dashboard/overzicht';
import { testContext } from '@/test/context';
import { openTestDatabase } from '@/test/db';
import { seedDemoIfEmpty } from './demo';

let database: Database;
let moId: string;
beforeAll(async () => {
  database = await openTestDatabase();
  expect(await seedDemoIfEmpty(database.db)).toBe(true);
  const [mo] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, 'mo@demo.onsplan.nl'));
  moId = mo?.id ?? '';
});
afterAll(async () => {
  await database?.close();
});

it('seeds fifty households beside the written three, in municipalities of the region', async () => {
  const rows = await database.db.select({ name: households.name, municipality: households.municipality }).from(households);
  expect(rows).toHaveLength(53);
  expect(new Set(rows.map((r) => r.name)).size).toBe(53);
  for (const written of ['Familie Jansen', 'Familie El Amrani', 'Familie Bos']) expect(rows.filter((r) => r.name === written)).toHaveLength(1);
  // No generated name contains a written family's name (the e2e tests find those by name).
  expect(rows.filter((r) => /Familie (Jansen|Bos|El Amrani)/.test(r.name))).toHaveLength(3);
  const perMunicipality = new Map<string, number>();
  for (const r of rows) perMunicipality.set(r.municipality ?? '', (perMunicipality.get(r.municipality ?? '') ?? 0) + 1);
  expect([...perMunicipality.values()].some((n) => n < 5)).toBe(true);
  expect([...perMunicipality.values()].filter((n) => n >= 5).length).toBeGreaterThanOrEqual(4);
  const returns = await database.db.select({ n: count() }).from(planStatusChanges).where(eq(planStatusChanges.from, 'waakvlam'));
  expect(Number(returns[0]?.n)).toBeGreaterThanOrEqual(5);
  // Every status has at least five plans, so the region view can show the plans per status.
  const byStatus = await database.db.select({ status: plans.status, n: count() }).from(plans).groupBy(plans.status);
  for (const status of PLAN_STATUSES) expect(Number(byStatus.find((r) => r.status === status)?.n ?? 0), status).toBeGreaterThanOrEqual(5);
});

it('Mo is casusregisseur of about 25 families', async () => {
  const [row] = await database.db
    .select({ n: count() })
    .from(regieAssignments)
    .where(and(eq(regieAssignments.userId, moId), eq(regieAssignments.kind, 'casusregie'), isNull(regieAssignments.endedAt)));
  expect(Number(row?.n)).toBeGreaterThanOrEqual(24);
  expect(Number(row?.n)).toBeLessThanOrEqual(28);
});

it("Mo's Monday morning: the stalled family first, overdue actions next, every kind of signal with its reason", async () => {
  const { ctx } = testContext(database.db);
  const { rows } = await overzichtRows(ctx, { userId: moId, locale: 'nl' });
  expect(rows.length).toBeGreaterThanOrEqual(30);
  const [first, second, third] = rows;
  expect(first?.householdName).toBe('Familie Dijkstra');
  expect(first?.signals.map((s) => s.kind)).toEqual(expect.arrayContaining(['stalled', 'overdue']));
  expect(first?.signals.find((s) => s.kind === 'stalled')?.reason).toMatch(
    /^Al 1\d weken geen beweging: geen beoordeling, geen actie afgerond, geen wijziging/,
  );
  for (const row of [first, second, third]) expect(row?.overdue?.count).toBeGreaterThan(0);
  const kinds = new Set(rows.flatMap((r) => r.signals.map((s) => s.kind)));
  expect([...kinds].sort()).toEqual(['brokenAgreement', 'goalFlat', 'noRegisseur', 'overdue', 'placement', 'professionalSilent', 'reviewPassed', 'stalled']);
  // His own families first.
  const firstOther = rows.findIndex((r) => !r.isCasusregisseur);
  expect(rows.slice(firstOther).every((r) => !r.isCasusregisseur)).toBe(true);
  expect(firstOther).toBeGreaterThanOrEqual(24);
  // The written families are there, with their goals in the Big Five cells (the seed projected them).
  const jansen = rows.find((r) => r.householdName === 'Familie Jansen');
  expect(jansen?.isCasusregisseur).toBe(true);
  expect(jansen?.bigFive?.filter((c) => c.state !== 'geen').length).toBeGreaterThanOrEqual(3);
  expect(rows.find((r) => r.householdName === 'Familie El Amrani')?.safety?.status).toBeDefined();
  // Some reviews are coming up, and the cells show more than one state across the caseload.
  expect(rows.some((r) => r.nextReview && !r.nextReview.passed)).toBe(true);
  expect(new Set(rows.flatMap((r) => r.bigFive ?? []).map((c) => c.state)).size).toBeGreaterThanOrEqual(4);
});

it('the read model equals every seeded doelen document', async () => {
  const all = await database.db.select({ id: plans.id }).from(plans);
  for (const { id } of all) {
    const doc = new Y.Doc();
    for (const r of await loadUpdates(database.db, { doc: docNameFor(id, 'doelen') })) Y.applyUpdate(doc, r.update);
    const { value, problems } = readGoals(doc);
    expect(problems).toEqual([]);
    const projected = await database.db.select().from(projectedGoals).where(eq(projectedGoals.planId, id));
    expect(projected.map((g) => [g.goalId, g.domain, g.status]).sort()).toEqual(value.map((g) => [g.id, g.domain, g.status]).sort());
  }
});
