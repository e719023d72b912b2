/**
 * The demo goals must look like a real plan in use: every family has valid goals in several domains, a late and a
 * done action, and charts with lines by a parent and a professional over months — each rating by a real member in
 * their own role.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Database } from '@/db/client';
import { listRatings } from '@/db/queries/ratings';
import { loadUpdates } from '@/db/queries/yjs';
import { households, planMembers, plans } from '@/db/schema';
import { isProfessionalRole } from '@/lib/roles';
import { docNameFor } from '@/lib/sections';
import { fragmentText } from '@/lib/shapes/common';
import { isActionOverdue, localToday, readGoals } from '@/lib/shapes/goals';
import { openTestDatabase } from '@/test/db';
import { seedDemoIfEmpty } from './demo';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  expect(await seedDemoIfEmpty(database.db)).toBe(true);
});
afterAll(async () => {
  await database?.close();
});

async function doelenDoc(planId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const row of await loadUpdates(database.db, { doc: docNameFor(planId, 'doelen') })) Y.applyUpdate(doc, row.update);
  return doc;
}

it('every demo family has valid goals in several domains, with a late action, a done action and a Toelichting', async () => {
  // The three written families (the generated households beside them are checked in households.test.ts).
  const written = ['Familie Bos', 'Familie El Amrani', 'Familie Jansen'];
  const rows = (
    await database.db.select({ id: plans.id, name: households.name }).from(plans).innerJoin(households, eq(households.id, plans.householdId))
  ).filter((r) => written.includes(r.name));
  expect(rows.map((r) => r.name).sort()).toEqual(written);
  const today = localToday();
  for (const plan of rows) {
    const doc = await doelenDoc(plan.id);
    const { value: goals, problems } = readGoals(doc);
    expect(problems, plan.name).toEqual([]);
    expect(new Set(goals.map((g) => g.domain)).size, plan.name).toBeGreaterThanOrEqual(3);
    const actions = goals.flatMap((g) => g.actions);
    expect(
      actions.some((a) => isActionOverdue(a, today)),
      `${plan.name}: a late action`,
    ).toBe(true);
    expect(
      actions.some((a) => a.done),
      `${plan.name}: a done action`,
    ).toBe(true);
    expect(fragmentText(doc.getXmlFragment('body')).length, plan.name).toBeGreaterThan(0);

    // Ratings: at least one goal charted by a parent and a professional over several months, by real members.
    const members = await database.db.select().from(planMembers).where(eq(planMembers.planId, plan.id));
    const ratings = await listRatings(database.db, { planId: plan.id, kinds: ['voortgang', 'zelfredzaamheid'] });
    for (const r of ratings) {
      expect(members.find((m) => m.userId === r.raterId)?.role, `${plan.name}: ${r.raterName} rates in their own role`).toBe(r.raterRole);
      expect(r.createdAt.getTime()).toBeLessThan(Date.now());
      if (r.kind === 'voortgang')
        expect(
          goals.some((g) => g.id === r.goalId),
          `${plan.name}: rated goal exists`,
        ).toBe(true);
    }
    const charted = goals.filter((g) => {
      const own = ratings.filter((r) => r.kind === 'voortgang' && r.goalId === g.id);
      const family = own.filter((r) => !isProfessionalRole(r.raterRole));
      const professional = own.filter((r) => isProfessionalRole(r.raterRole));
      const months = new Set(own.map((r) => r.createdAt.toISOString().slice(0, 7)));
      return family.length >= 3 && professional.length >= 3 && months.size >= 3;
    });
    expect(charted.length, `${plan.name}: a goal with lines by a parent and a professional`).toBeGreaterThanOrEqual(1);
  }
});

it('grandmother Ria takes Daan to football on Wednesdays in the Jansen plan', async () => {
  const [jansen] = await database.db
    .select({ id: plans.id })
    .from(plans)
    .innerJoin(households, eq(households.id, plans.householdId))
    .where(eq(households.name, 'Familie Jansen'));
  if (!jansen) throw new Error('no Jansen plan');
  const { value: goals } = readGoals(await doelenDoc(jansen.id));
  const action = goals.flatMap((g) => g.actions).find((a) => /woensdag naar voetbal/.test(a.what));
  expect(action).toMatchObject({ what: 'Brengt Daan woensdag naar voetbal', owner: 'Ria Jansen', done: false });
});
