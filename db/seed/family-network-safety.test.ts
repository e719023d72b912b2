/**
 * The demo's gezin, netwerk and veiligheid content is what the editors would write: every seeded item passes the
 * section's reader, El Amrani has an agreed safety plan with ratings by several parties over months, Bos a concept.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Database } from '@/db/client';
import { listSafetyRatings } from '@/db/queries/safety-scale';
import { loadUpdates } from '@/db/queries/yjs';
import { households, plans } from '@/db/schema';
import { docNameFor, type SectionKey } from '@/lib/sections';
import { readFamily } from '@/lib/shapes/family';
import { readNetwork } from '@/lib/shapes/network';
import { readSafety } from '@/lib/shapes/safety';
import { openTestDatabase } from '@/test/db';
import { eq } from 'drizzle-orm';
import { seedDemoIfEmpty } from './demo';

let database: Database;
const planOf: Record<string, string> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  expect(await seedDemoIfEmpty(database.db)).toBe(true);
  const rows = await database.db.select({ id: plans.id, name: households.name }).from(plans).innerJoin(households, eq(households.id, plans.householdId));
  for (const r of rows) planOf[r.name] = r.id;
});
afterAll(async () => {
  await database?.close();
});

async function docOf(household: string, section: SectionKey): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const row of await loadUpdates(database.db, { doc: docNameFor(planOf[household] ?? '', section) })) Y.applyUpdate(doc, row.update);
  return doc;
}

it("seeds strengths and worries from both sides, the assessment, and keeps the family's own text", async () => {
  for (const household of ['Familie Jansen', 'Familie El Amrani', 'Familie Bos']) {
    const { value, problems } = readFamily(await docOf(household, 'gezin'));
    expect(problems).toEqual([]);
    expect(value.strengths.length).toBeGreaterThan(0);
    expect(value.worries.length).toBeGreaterThan(0);
    expect(new Set([...value.strengths, ...value.worries].map((s) => s.by))).toEqual(new Set(['gezin', 'professional']));
    expect(value.assessment).not.toBe('');
  }
  expect(readFamily(await docOf('Familie Jansen', 'gezin')).value.ownWords).toContain('Dat het rustiger is in huis');
});

it('seeds a network for every household, with Oma Ria and Eva Bakker around Familie Jansen', async () => {
  for (const household of ['Familie Jansen', 'Familie El Amrani', 'Familie Bos']) {
    const { value, problems } = readNetwork(await docOf(household, 'netwerk'));
    expect(problems).toEqual([]);
    expect(value.people.length).toBeGreaterThanOrEqual(5);
  }
  const jansen = readNetwork(await docOf('Familie Jansen', 'netwerk')).value.people;
  expect(jansen.find((p) => p.name === 'Oma Ria')).toMatchObject({ kind: 'familie', closeness: 1 });
  expect(jansen.find((p) => p.name === 'Eva Bakker')).toMatchObject({ kind: 'professional' });
  expect(jansen.some((p) => p.kind === 'school')).toBe(true);
});

it('seeds an agreed safety plan for El Amrani with ratings over months, and a concept for Bos', async () => {
  const elAmrani = readSafety(await docOf('Familie El Amrani', 'veiligheid'));
  expect(elAmrani.problems).toEqual([]);
  expect(elAmrani.value.meta.status).toBe('afgesproken');
  expect(elAmrani.value.meta.reviewDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(elAmrani.value.agreements.length).toBeGreaterThanOrEqual(3);
  expect(elAmrani.value.agreements.every((a) => a.status === 'geldt' && a.who !== '' && a.ifNot !== '')).toBe(true);
  expect(elAmrani.value.watchers.map((w) => w.name)).toContain('Kees van Dam');
  const ratings = await listSafetyRatings(database.db, { planId: planOf['Familie El Amrani'] ?? '' });
  expect(new Set(ratings.map((r) => r.raterRole))).toEqual(new Set(['gi', 'ouder', 'netwerk', 'lokaal_team']));
  const span = (ratings[ratings.length - 1]?.createdAt.getTime() ?? 0) - (ratings[0]?.createdAt.getTime() ?? 0);
  expect(span).toBeGreaterThan(90 * 24 * 60 * 60 * 1000);

  const bos = readSafety(await docOf('Familie Bos', 'veiligheid'));
  expect(bos.problems).toEqual([]);
  expect(bos.value.meta.status).toBe('concept');
  expect(bos.value.agreements.length).toBeGreaterThan(0);
});
