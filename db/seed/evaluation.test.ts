/** The demo seed's evaluatie and Naar 18+ content reads back valid through the section readers. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../client';
import { households, plans } from '../schema';
import { readEvaluation } from '../../lib/shapes/evaluation';
import { readTransition18 } from '../../lib/shapes/transition18';
import { loadSectionDoc } from '../../server/plans/section-state';
import { unstableDomains } from '../../lib/lifecycle';
import { bigFiveStability } from '../../lib/shapes/evaluation';
import { openTestDatabase } from '../../test/db';
import { seedDemoIfEmpty } from './demo';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoIfEmpty(database.db);
});
afterAll(async () => {
  await database?.close();
});

async function planOf(name: string): Promise<string> {
  const [row] = await database.db
    .select({ id: plans.id })
    .from(plans)
    .innerJoin(households, eq(households.id, plans.householdId))
    .where(eq(households.name, name));
  if (!row) throw new Error(`no plan for ${name}`);
  return row.id;
}

it('Familie Jansen has a review and a partly stable Big Five; Familie Bos has Naar 18+ filled in part', async () => {
  const jansen = await loadSectionDoc(database.db, { planId: await planOf('Familie Jansen'), section: 'evaluatie' });
  const evaluation = readEvaluation(jansen);
  expect(evaluation.problems).toEqual([]);
  expect(evaluation.value.reviews).toHaveLength(1);
  expect(unstableDomains(bigFiveStability(evaluation.value))).toEqual(['school_werk', 'inkomen', 'welzijn']);

  const bos = await loadSectionDoc(database.db, { planId: await planOf('Familie Bos'), section: 'overgang18' });
  const transition = readTransition18(bos);
  expect(transition.problems).toEqual([]);
  expect(transition.value.director).toContain('Noah wil zelf de regie');
  expect(Object.keys(transition.value.arranged).sort()).toEqual(['school_werk', 'wonen']);
});
