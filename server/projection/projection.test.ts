/**
 * The read model through the real realtime server: after a burst of concurrent edits by two clients the SQL rows
 * equal the Yjs content, and invalid structured content is never projected.
 */
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { projectedActions, projectedAgreements, projectedGoals, projectedSafety } from '../../db/schema';
import { docNameFor } from '../../lib/sections';
import { addAction, addGoal, findGoal, goalsOf, readGoals, removeGoal, setActionDone, setGoalField } from '../../lib/shapes/goals';
import { addAgreement, readSafety, recordBrokenAgreement, setSafetyMeta } from '../../lib/shapes/safety';
import { yText } from '../../lib/shapes/common';
import { openTestDatabase, type TestDatabase } from '../../test/db';
import { buildPlanWithMembers } from '../../test/factories';
import { connectSynced, destroyAllClients, SECRET, startRealtimeNode, waitFor, type RealtimeNode } from '../../test/realtime';
import { createProjector, type Projector } from './projector';
import { rawGoal } from '../../test/docs';

let database: TestDatabase;
let node: RealtimeNode;
let projector: Projector;
const logged: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  projector = createProjector({ db: database.db, delayMs: 30, log: (m) => logged.push(m) });
  node = await startRealtimeNode({ db: database.db, onStored: (doc, ydoc) => projector.schedule(doc, ydoc) });
});
afterEach(() => destroyAllClients());
afterAll(async () => {
  await node.stop();
  await projector.flush();
  await database.close();
});

/** Waits until the server's copy of the doc has everything the client has, then stores and projects it. */
async function settle(docName: string, client: Y.Doc): Promise<void> {
  await waitFor(
    () => {
      const room = node.rt.registry.get(docName);
      return room !== undefined && Y.encodeStateVector(room.doc).toString() === Y.encodeStateVector(client).toString();
    },
    'server has the client state',
    20_000,
  );
  await node.rt.flush();
  await projector.flush();
}

const sameContent = (a: Y.Doc, b: Y.Doc) => JSON.stringify(readGoals(a).value) === JSON.stringify(readGoals(b).value);

describe('goals read model', () => {
  // Generous timeouts: under a full parallel run on two cores the burst takes seconds, not milliseconds.
  it('equals the Yjs content after a burst of concurrent edits', { timeout: 60_000 }, async () => {
    const { plan, people } = await buildPlanWithMembers(database.db, SECRET, {
      mo: { role: 'lokaal_team', casusregisseur: true },
      sanne: { role: 'ouder' },
    });
    const docName = docNameFor(plan.id, 'doelen');
    const a = await connectSynced({ node, docName, cookie: people.mo.cookie });
    const b = await connectSynced({ node, docName, cookie: people.sanne.cookie });

    const shared = addGoal(a.doc, { domain: 'wonen', words: 'Een eigen kamer voor Daan', owner: 'Mo', reviewDate: '2026-12-01' });
    await waitFor(() => findGoal(b.doc, shared) !== null, 'shared goal reaches b');
    // Both type into the same goal and add actions and goals at the same time.
    for (let i = 0; i < 15; i++) {
      addGoal(a.doc, { domain: i % 2 ? 'school_werk' : 'welzijn', words: `Doel van Mo ${i}`, actions: [{ what: `Actie ${i}`, due: '2026-11-01' }] });
      addGoal(b.doc, { domain: 'inkomen', words: `Doel van Sanne ${i}`, owner: 'Sanne' });
      addAction(b.doc, shared, { what: `Sanne actie ${i}`, owner: 'Sanne' });
      (findGoal(a.doc, shared)?.get('words') as Y.Text).insert(0, 'x');
    }
    setGoalField(b.doc, shared, 'status', 'bezig');
    const firstAction = (findGoal(b.doc, shared)?.get('actions') as Y.Array<Y.Map<unknown>>).get(0).get('id') as string;
    setActionDone(b.doc, shared, firstAction, true);
    const doomed = addGoal(a.doc, { domain: 'support', words: 'wordt weggehaald' });
    removeGoal(a.doc, doomed);

    await waitFor(() => sameContent(a.doc, b.doc) && readGoals(a.doc).value.length === 31, 'clients converge', 20_000);
    await settle(docName, a.doc);

    const expected = readGoals(a.doc).value;
    const goals = await database.db.select().from(projectedGoals).where(eq(projectedGoals.planId, plan.id));
    const actions = await database.db.select().from(projectedActions).where(eq(projectedActions.planId, plan.id));
    expect(goals.map((g) => [g.goalId, g.domain, g.title, g.owner, g.status, g.reviewDate]).sort()).toEqual(
      expected.map((g) => [g.id, g.domain, g.words, g.owner, g.status, g.reviewDate || null]).sort(),
    );
    expect(actions.map((x) => [x.actionId, x.goalId, x.title, x.done, x.dueDate]).sort()).toEqual(
      expected.flatMap((g) => g.actions.map((x) => [x.id, g.id, x.what, x.done, x.due || null])).sort(),
    );
    expect(goals.find((g) => g.goalId === shared)?.title).toMatch(/^x{15}Een eigen kamer voor Daan$/);
    expect(goals.find((g) => g.goalId === doomed)).toBeUndefined();
  });

  it('never projects invalid content: a wrong domain, a missing id, a script in a field', async () => {
    const { plan, people } = await buildPlanWithMembers(database.db, SECRET, { mo: { role: 'lokaal_team', casusregisseur: true } });
    const docName = docNameFor(plan.id, 'doelen');
    const a = await connectSynced({ node, docName, cookie: people.mo.cookie });
    const valid = addGoal(a.doc, { domain: 'wonen', words: 'Geldig doel' });
    // A crafted client can put anything in the doc; the reader must refuse it.
    a.doc.transact(() => {
      goalsOf(a.doc).push([
        rawGoal({ id: 'wrongdomain01', domain: 'onzin', words: yText('verkeerd domein') }),
        rawGoal({ domain: 'wonen', words: yText('geen id') }),
        rawGoal({ id: 'scriptgoal01', domain: 'welzijn', words: yText('<script>alert(1)</script>') }),
      ]);
    });
    await settle(docName, a.doc);
    const goals = await database.db.select().from(projectedGoals).where(eq(projectedGoals.planId, plan.id));
    expect(goals.map((g) => g.goalId)).toEqual([valid]);
    expect(goals.some((g) => g.title.includes('<script'))).toBe(false);
    expect(logged.some((m) => m.includes(docName) && m.includes('skipped invalid content'))).toBe(true);
  });
});

describe('safety read model', () => {
  it('keeps status, review date and agreements, counting broken ones', async () => {
    const { plan, people } = await buildPlanWithMembers(database.db, SECRET, { fatima: { role: 'gi', casusregisseur: true } });
    const docName = docNameFor(plan.id, 'veiligheid');
    const a = await connectSynced({ node, docName, cookie: people.fatima.cookie });
    const keep = addAgreement(a.doc, { what: 'Papa drinkt niet als de kinderen thuis zijn', who: 'Youssef' });
    const broken = addAgreement(a.doc, { what: 'Geen harde woorden waar de kinderen bij zijn', who: 'Beide ouders' });
    setSafetyMeta(a.doc, { status: 'afgesproken', reviewDate: '2026-12-15' });
    recordBrokenAgreement(a.doc, { agreementId: broken, discussedWithFamily: true, escalated: false, day: '2026-11-28' });
    await settle(docName, a.doc);
    const [safety] = await database.db.select().from(projectedSafety).where(eq(projectedSafety.planId, plan.id));
    const expected = readSafety(a.doc).value;
    expect(safety).toEqual(expect.objectContaining({ status: expected.meta.status, reviewDate: '2026-12-15', agreements: 2, brokenAgreements: 1 }));
    const agreements = await database.db.select().from(projectedAgreements).where(eq(projectedAgreements.planId, plan.id));
    expect(agreements.map((x) => [x.agreementId, x.status]).sort()).toEqual(
      [
        [keep, 'geldt'],
        [broken, 'verbroken'],
      ].sort(),
    );
  });
});
