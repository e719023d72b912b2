/**
 * Ratings against a real database: every member who may read the goals adds their own dated rating in their own
 * role, side by side with the others; nobody outside the plan reads or writes any; nothing is ever overwritten;
 * each rating is audited and announced to the open doelen editors.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { insertRating, listRatings } from '@/db/queries/ratings';
import { setOverride } from '@/db/queries/overrides';
import { appendUpdates } from '@/db/queries/yjs';
import { auditEvents, ratings, regions } from '@/db/schema';
import { RatingInput } from '@/lib/rating-input';
import { docNameFor } from '@/lib/sections';
import { addGoal } from '@/lib/shapes/goals';
import { testContext, VIA } from '@/test/context';
import { databasePerFile } from '@/test/database-per-file';
import { buildMember, buildUser } from '@/test/factories';
import { buildFamilyPlan, uniqueEmail } from '@/test/membership-factories';
import { Refusal } from '../refusal';
import { addGoalRating, listGoalRatings } from './ratings';
import { refusalKind } from '@/test/assert';

const database = databasePerFile();

function context() {
  const { ctx, notified } = testContext(database.db);
  return { ctx, notified };
}

/** Stores a doelen doc holding goals with these ids, as a client's edit would be stored: only those can be rated. */
async function storeGoals(planId: string, goalIds: readonly string[]) {
  const doc = new Y.Doc();
  for (const id of goalIds) addGoal(doc, { id, domain: 'wonen', words: `Doel ${id}` });
  await appendUpdates(database.db, [{ doc: docNameFor(planId, 'doelen'), update: Y.encodeStateAsUpdate(doc), userId: null }]);
}

const voortgang = (goalId: string, value: number) => RatingInput.parse({ kind: 'voortgang', goalId, value });

describe('adding and reading ratings', () => {
  it('a parent, the network and a referrer each add their own; everyone who may read sees all, with name and role', async () => {
    const family = await buildFamilyPlan(database.db);
    const ria = await buildUser(database.db, { name: 'Ria Oma', email: uniqueEmail('ria') });
    await buildMember(database.db, { planId: family.plan.id, userId: ria.id, role: 'netwerk' });
    const anouk = await buildUser(database.db, { name: 'Anouk Huisarts', email: uniqueEmail('anouk') });
    await buildMember(database.db, { planId: family.plan.id, userId: anouk.id, role: 'verwijzer' });
    const { ctx, notified } = context();
    const planId = family.plan.id;
    await storeGoals(planId, ['goal-rust-in-huis']);

    await addGoalRating(ctx, { actor: { planId, userId: family.sanne.user.id }, via: VIA, input: voortgang('goal-rust-in-huis', 4) });
    await addGoalRating(ctx, { actor: { planId, userId: family.mo.user.id }, via: VIA, input: voortgang('goal-rust-in-huis', 5) });
    await addGoalRating(ctx, {
      actor: { planId, userId: ria.id },
      via: VIA,
      input: RatingInput.parse({ kind: 'gas', goalId: 'goal-rust-in-huis', value: -1 }),
    });
    await addGoalRating(ctx, {
      actor: { planId, userId: anouk.id },
      via: VIA,
      input: RatingInput.parse({ kind: 'zelfredzaamheid', domain: 'welzijn', value: 3, note: ' gaat beter ' }),
    });
    // A second rating by the same person stands beside the first: nothing is overwritten.
    await addGoalRating(ctx, { actor: { planId, userId: family.sanne.user.id }, via: VIA, input: voortgang('goal-rust-in-huis', 6) });

    for (const reader of [family.peter.user.id, ria.id, anouk.id]) {
      const list = await listGoalRatings(ctx, { actor: { planId, userId: reader } });
      expect(list.map((r) => [r.raterName, r.raterRole, r.kind, r.value])).toEqual([
        ['Sanne Ouder', 'ouder', 'voortgang', 4],
        ['Mo Regisseur', 'lokaal_team', 'voortgang', 5],
        ['Ria Oma', 'netwerk', 'gas', -1],
        ['Anouk Huisarts', 'verwijzer', 'zelfredzaamheid', 3],
        ['Sanne Ouder', 'ouder', 'voortgang', 6],
      ]);
    }
    const list = await listGoalRatings(ctx, { actor: { planId, userId: family.mo.user.id } });
    expect(list[3]).toMatchObject({ domain: 'welzijn', goalId: null, note: 'gaat beter' });
    expect(list[0]).toMatchObject({ goalId: 'goal-rust-in-huis', domain: null, note: null });

    // One audit event per rating, in the doelen section, by the rater in their role.
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.planId, planId)).orderBy(asc(auditEvents.id));
    const rated = audit.filter((e) => e.action === 'rating.create');
    expect(rated.map((e) => [e.actorUserId, e.actorRole, e.section])).toEqual([
      [family.sanne.user.id, 'ouder', 'doelen'],
      [family.mo.user.id, 'lokaal_team', 'doelen'],
      [ria.id, 'netwerk', 'doelen'],
      [anouk.id, 'verwijzer', 'doelen'],
      [family.sanne.user.id, 'ouder', 'doelen'],
    ]);
    expect(rated[0]?.details).toMatchObject({ kind: 'voortgang', goalId: 'goal-rust-in-huis' });
    expect(rated.every((e) => e.accessPoint === VIA.accessPoint && e.client === VIA.client)).toBe(true);
    // Open editors of the goals are told after every rating.
    expect(notified).toEqual(Array.from({ length: 5 }, () => ({ docName: `plan:${planId}:doelen`, topic: 'ratings' })));
  });

  it('shows no ratings of another plan, and not the safety scale (that belongs to the safety plan)', async () => {
    const a = await buildFamilyPlan(database.db);
    const b = await buildFamilyPlan(database.db);
    await storeGoals(a.plan.id, ['goal-aaaaaaaa']);
    await storeGoals(b.plan.id, ['goal-bbbbbbbb']);
    const { ctx } = context();
    await addGoalRating(ctx, { actor: { planId: a.plan.id, userId: a.sanne.user.id }, via: VIA, input: voortgang('goal-aaaaaaaa', 7) });
    await addGoalRating(ctx, { actor: { planId: b.plan.id, userId: b.sanne.user.id }, via: VIA, input: voortgang('goal-bbbbbbbb', 2) });
    await insertRating(database.db, { planId: a.plan.id, kind: 'veiligheid', value: 8, raterId: a.mo.user.id, raterRole: 'lokaal_team' });
    const list = await listGoalRatings(ctx, { actor: { planId: a.plan.id, userId: a.peter.user.id } });
    expect(list.map((r) => [r.goalId, r.value])).toEqual([['goal-aaaaaaaa', 7]]);
  });
});

describe('refusals write nothing', () => {
  it('an outsider, a waiting or ended member, and a role that may not see the goals: not found', async () => {
    const family = await buildFamilyPlan(database.db);
    const planId = family.plan.id;
    const outsider = await buildUser(database.db, { email: uniqueEmail('outsider') });
    const waiting = await buildUser(database.db, { email: uniqueEmail('waiting') });
    await buildMember(database.db, { planId, userId: waiting.id, role: 'aanbieder', status: 'wacht_op_toestemming' });
    const ended = await buildUser(database.db, { email: uniqueEmail('ended') });
    await buildMember(database.db, { planId, userId: ended.id, role: 'ouder', status: 'beeindigd' });
    const hidden = await buildUser(database.db, { email: uniqueEmail('hidden') });
    await buildMember(database.db, { planId, userId: hidden.id, role: 'tafel' });
    await setOverride(database.db, { planId, role: 'tafel', section: 'doelen', level: 'none', setBy: family.mo.user.id, reason: 'test' });
    const { ctx, notified } = context();

    for (const actorId of [outsider.id, waiting.id, ended.id, hidden.id]) {
      expect(await refusalKind(addGoalRating(ctx, { actor: { planId, userId: actorId }, via: VIA, input: voortgang('goal-rust-in-huis', 9) }))).toBe(
        'not_found',
      );
      expect(await refusalKind(listGoalRatings(ctx, { actor: { planId, userId: actorId } }))).toBe('not_found');
    }
    // Unknown and malformed plan ids look the same as someone else's plan.
    expect(
      await refusalKind(
        addGoalRating(ctx, {
          actor: { planId: '00000000-0000-4000-8000-000000000000', userId: family.sanne.user.id },
          via: VIA,
          input: voortgang('goal-rust-in-huis', 9),
        }),
      ),
    ).toBe('not_found');
    expect(await refusalKind(listGoalRatings(ctx, { actor: { planId: 'not-a-uuid', userId: family.sanne.user.id } }))).toBe('not_found');

    const stored = await database.db.select().from(ratings).where(eq(ratings.planId, planId));
    expect(stored).toEqual([]);
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.planId, planId));
    expect(audit.filter((e) => e.action === 'rating.create')).toEqual([]);
    expect(notified).toEqual([]);
  });

  it("a stored rating cannot be changed or deleted, not even by the application's own database role", async () => {
    const family = await buildFamilyPlan(database.db);
    await storeGoals(family.plan.id, ['goal-rust-in-huis']);
    const { ctx } = context();
    const { id } = await addGoalRating(ctx, {
      actor: { planId: family.plan.id, userId: family.sanne.user.id },
      via: VIA,
      input: voortgang('goal-rust-in-huis', 4),
    });
    await expect(database.db.update(ratings).set({ value: 10 }).where(eq(ratings.id, id))).rejects.toThrow();
    await expect(database.db.delete(ratings).where(eq(ratings.id, id))).rejects.toThrow();
    await expect(database.db.execute(sql`UPDATE ratings SET value = 0 WHERE id = ${id}`)).rejects.toThrow();
    const [row] = await listRatings(database.db, { planId: family.plan.id, kinds: ['voortgang'] });
    expect(row?.value).toBe(4);
  });
});

describe('only goals and domains that exist', () => {
  it('refuses a goal that is not in the plan and a domain the region does not have; nothing is written', async () => {
    const family = await buildFamilyPlan(database.db);
    const other = await buildFamilyPlan(database.db);
    const planId = family.plan.id;
    await storeGoals(planId, ['goal-rust-in-huis']);
    await storeGoals(other.plan.id, ['goal-van-een-ander-plan']);
    const { ctx, notified } = context();
    const sanne = { planId, userId: family.sanne.user.id };
    const refused = async (input: RatingInput) => {
      try {
        await addGoalRating(ctx, { actor: sanne, via: VIA, input });
      } catch (err) {
        if (err instanceof Refusal) return { kind: err.kind, code: err.code, message: err.message, path: err.issues?.[0]?.path };
        throw err;
      }
      throw new Error('expected a refusal');
    };

    // A goal id that was never in the plan, and one of another plan.
    for (const goalId of ['goal-bestaat-niet', 'goal-van-een-ander-plan']) {
      expect(await refused(voortgang(goalId, 5))).toMatchObject({ kind: 'invalid', code: 'unknown_goal', path: 'goalId' });
      expect(await refused(RatingInput.parse({ kind: 'gas', goalId, value: 1 }))).toMatchObject({ kind: 'invalid', code: 'unknown_goal' });
    }
    // A well-formed domain that is neither one of the Big Five nor the region's own.
    const domain = await refused(RatingInput.parse({ kind: 'zelfredzaamheid', domain: 'opvoeden', value: 3 }));
    expect(domain).toMatchObject({ kind: 'invalid', code: 'unknown_domain', path: 'domain' });
    expect(domain.message).toMatch(/levensdomein/);

    expect(await database.db.select().from(ratings).where(eq(ratings.planId, planId))).toEqual([]);
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.planId, planId));
    expect(audit.filter((e) => e.action === 'rating.create')).toEqual([]);
    expect(notified).toEqual([]);
  });

  it("accepts the region's own domains and a goal once it is stored in the doelen doc", async () => {
    const family = await buildFamilyPlan(database.db);
    const planId = family.plan.id;
    await database.db
      .update(regions)
      .set({ settings: { extraDomains: [{ key: 'opvoeden', label: 'Opvoeden' }] } })
      .where(eq(regions.id, family.region.id));
    const { ctx } = context();
    const sanne = { planId, userId: family.sanne.user.id };
    await addGoalRating(ctx, { actor: sanne, via: VIA, input: RatingInput.parse({ kind: 'zelfredzaamheid', domain: 'opvoeden', value: 3 }) });
    await addGoalRating(ctx, { actor: sanne, via: VIA, input: RatingInput.parse({ kind: 'zelfredzaamheid', domain: 'inkomen', value: 2 }) });
    expect(await refusalKind(addGoalRating(ctx, { actor: sanne, via: VIA, input: voortgang('goal-nieuw-doel', 6) }))).toBe('invalid');
    await storeGoals(planId, ['goal-nieuw-doel']);
    await addGoalRating(ctx, { actor: sanne, via: VIA, input: voortgang('goal-nieuw-doel', 6) });
    const list = await listGoalRatings(ctx, { actor: sanne });
    expect(list.map((r) => [r.kind, r.domain ?? r.goalId, r.value])).toEqual([
      ['zelfredzaamheid', 'opvoeden', 3],
      ['zelfredzaamheid', 'inkomen', 2],
      ['voortgang', 'goal-nieuw-doel', 6],
    ]);
  });
});

describe('rating input', () => {
  const ok = (v: unknown) => RatingInput.safeParse(v).success;
  it('accepts the three scales at their edges', () => {
    expect(ok({ kind: 'voortgang', goalId: 'goal-12345', value: 0 })).toBe(true);
    expect(ok({ kind: 'voortgang', goalId: 'goal-12345', value: 10 })).toBe(true);
    expect(ok({ kind: 'gas', goalId: 'goal-12345', value: -2 })).toBe(true);
    expect(ok({ kind: 'gas', goalId: 'goal-12345', value: 2 })).toBe(true);
    expect(ok({ kind: 'zelfredzaamheid', domain: 'wonen', value: 1 })).toBe(true);
    expect(ok({ kind: 'zelfredzaamheid', domain: 'opvoeden', value: 5 })).toBe(true);
  });
  it('refuses values off the scale, half values, bad ids and domains, script in a note and the safety scale', () => {
    expect(ok({ kind: 'voortgang', goalId: 'goal-12345', value: 11 })).toBe(false);
    expect(ok({ kind: 'voortgang', goalId: 'goal-12345', value: -1 })).toBe(false);
    expect(ok({ kind: 'voortgang', goalId: 'goal-12345', value: 5.5 })).toBe(false);
    expect(ok({ kind: 'voortgang', goalId: 'goal-12345', value: '5' })).toBe(false);
    expect(ok({ kind: 'gas', goalId: 'goal-12345', value: 3 })).toBe(false);
    expect(ok({ kind: 'zelfredzaamheid', domain: 'wonen', value: 0 })).toBe(false);
    expect(ok({ kind: 'zelfredzaamheid', domain: 'Wonen!', value: 3 })).toBe(false);
    expect(ok({ kind: 'voortgang', goalId: 'kort', value: 5 })).toBe(false);
    expect(ok({ kind: 'voortgang', value: 5 })).toBe(false);
    expect(ok({ kind: 'voortgang', goalId: 'goal-12345', value: 5, note: '<script>alert(1)</script>' })).toBe(false);
    expect(ok({ kind: 'veiligheid', value: 5 })).toBe(false);
    expect(ok(undefined)).toBe(false);
  });
  it('never takes the rater or the time from the input', () => {
    const parsed = RatingInput.parse({
      kind: 'voortgang',
      goalId: 'goal-12345',
      value: 5,
      raterId: 'someone-else',
      raterRole: 'lokaal_team',
      createdAt: '2020-01-01',
    });
    expect(parsed).toEqual({ kind: 'voortgang', goalId: 'goal-12345', value: 5 });
  });
});
