/**
 * What the overzicht needs from the read model: an action keeps the moment it was first seen done across
 * projections; a broken agreement carries its day and whether it went to a table; the evaluatie doc's Big Five check
 * and latest review are projected — and invalid content never is.
 */
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { projectedActions, projectedAgreements, projectedEvaluation } from '@/db/schema';
import { docNameFor } from '@/lib/sections';
import { addReview, evaluationTypes, setStable } from '@/lib/shapes/evaluation';
import { addGoal, setActionDone } from '@/lib/shapes/goals';
import { addAgreement, recordBrokenAgreement } from '@/lib/shapes/safety';
import { yItem } from '@/lib/shapes/common';
import { databasePerFile } from '@/test/database-per-file';
import { buildPlan } from '@/test/factories';
import { projectDoc } from './projector';

const database = databasePerFile();

const quiet = () => undefined;

it('an action keeps the moment it was first seen done; undone, it loses it', async () => {
  const plan = await buildPlan(database.db);
  const doc = new Y.Doc();
  const goal = addGoal(doc, {
    domain: 'wonen',
    words: 'Eigen kamer',
    actions: [
      { id: 'action-one-1', what: 'Bellen', done: false },
      { id: 'action-two-2', what: 'Mailen', done: true },
    ],
  });
  const name = docNameFor(plan.id, 'doelen');
  await projectDoc(database.db, name, doc, quiet);
  const doneAt = async () =>
    Object.fromEntries(
      (await database.db.select().from(projectedActions).where(eq(projectedActions.planId, plan.id))).map((a) => [a.actionId, a.doneAt?.getTime() ?? null]),
    );
  const first = await doneAt();
  expect(first['action-one-1']).toBeNull();
  expect(first['action-two-2']).toEqual(expect.any(Number));

  await new Promise((r) => setTimeout(r, 20));
  setActionDone(doc, goal, 'action-one-1', true);
  await projectDoc(database.db, name, doc, quiet);
  const second = await doneAt();
  expect(second['action-two-2']).toBe(first['action-two-2']);
  expect(second['action-one-1']).toBeGreaterThan(first['action-two-2'] as number);

  setActionDone(doc, goal, 'action-two-2', false);
  await projectDoc(database.db, name, doc, quiet);
  expect((await doneAt())['action-two-2']).toBeNull();
});

it('a broken agreement carries its day and whether it went to a table', async () => {
  const plan = await buildPlan(database.db);
  const doc = new Y.Doc();
  const atTable = addAgreement(doc, { what: 'Niet schreeuwen' });
  const pending = addAgreement(doc, { what: 'Op tijd thuis' });
  const holds = addAgreement(doc, { what: 'Oma belt op zondag' });
  recordBrokenAgreement(doc, { agreementId: atTable, discussedWithFamily: true, escalated: true, day: '2026-11-02' });
  recordBrokenAgreement(doc, { agreementId: pending, discussedWithFamily: true, escalated: false, day: '2026-11-28' });
  await projectDoc(database.db, docNameFor(plan.id, 'veiligheid'), doc, quiet);
  const rows = await database.db.select().from(projectedAgreements).where(eq(projectedAgreements.planId, plan.id));
  expect(rows.map((r) => [r.agreementId, r.status, r.brokenAt, r.escalated]).sort()).toEqual(
    [
      [atTable, 'verbroken', '2026-11-02', true],
      [pending, 'verbroken', '2026-11-28', false],
      [holds, 'geldt', null, false],
    ].sort(),
  );
});

it('projects the Big Five check and the latest review of the evaluatie doc, never an invalid entry', async () => {
  const plan = await buildPlan(database.db);
  const doc = new Y.Doc();
  addReview(doc, { date: '2026-05-04', by: 'Mo' });
  addReview(doc, { date: '2026-10-14', by: 'Mo' });
  addReview(doc, { date: '', by: 'Mo' });
  setStable(doc, 'wonen', true);
  setStable(doc, 'inkomen', false);
  // A crafted entry for a domain that does not exist, and one with the wrong shape.
  evaluationTypes(doc).stability.set('Onzin!', yItem({ stable: true }));
  evaluationTypes(doc).stability.set('support', 'ja' as unknown as Y.Map<unknown>);
  const problems = await projectDoc(database.db, docNameFor(plan.id, 'evaluatie'), doc, quiet);
  expect(problems.length).toBeGreaterThan(0);
  const [row] = await database.db.select().from(projectedEvaluation).where(eq(projectedEvaluation.planId, plan.id));
  expect(row).toMatchObject({ stability: { wonen: true, inkomen: false }, reviews: 3, latestReviewDate: '2026-10-14' });

  setStable(doc, 'support', true);
  await projectDoc(database.db, docNameFor(plan.id, 'evaluatie'), doc, quiet);
  const [again] = await database.db.select().from(projectedEvaluation).where(eq(projectedEvaluation.planId, plan.id));
  expect(again?.stability).toEqual({ wonen: true, inkomen: false, support: true });
});
