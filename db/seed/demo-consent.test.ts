/** The demo data must be consistent with the consent rules: every seeded membership is what lib/consent.ts says it is. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { listPlanDecisions, loadPlanConsentFacts } from '@/db/queries/consents';
import { inviterRolesOfPlan } from '@/db/queries/invitations';
import { plans } from '@/db/schema';
import { evaluateMembership } from '@/lib/consent';
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

it('every seeded membership is active under the consent rules, and each professional on consent has its decisions', async () => {
  const all = await database.db.select({ id: plans.id }).from(plans);
  expect(all.length).toBeGreaterThanOrEqual(3);
  const today = new Date();
  for (const { id } of all) {
    const facts = await loadPlanConsentFacts(database.db, { planId: id });
    if (!facts) throw new Error('plan vanished');
    const decisions = await listPlanDecisions(database.db, { planId: id });
    const inviters = await inviterRolesOfPlan(database.db, { planId: id });
    for (const m of facts.members) {
      const outcome = evaluateMembership(
        { kader: facts.plan.kader, planCreatedBy: facts.plan.createdBy, people: facts.people, members: facts.members, today },
        // Judge as if the membership were new, so consent "given earlier" cannot hide a missing decision.
        { userId: m.userId, role: m.role, basis: m.basis, status: 'wacht_op_toestemming', invitedByRole: inviters.get(m.userId) ?? null },
        decisions.filter((d) => d.memberId === m.id),
      );
      expect({ plan: facts.plan.householdName, role: m.role, status: m.status, state: outcome.state, basis: m.basis }).toEqual({
        plan: facts.plan.householdName,
        role: m.role,
        status: 'actief',
        state: 'actief',
        basis: outcome.basis,
      });
    }
  }
});
