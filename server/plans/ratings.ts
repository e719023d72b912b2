import 'server-only';
/**
 * Ratings of goals and life domains: any member who may read the doelen section adds their own, dated and in
 * their role, next to everyone else's; nothing is ever overwritten. A rating is accepted only for a goal that stands
 * in the plan's stored doelen doc, or a life domain of the plan's region. Each rating and its audit event are
 * written in one transaction; after the commit, everyone with the doelen doc open is told to refresh their charts.
 * The service checks the actor's membership and right itself, so its tests cover the permission too.
 */
import { insertRating, listRatings, type RatingView } from '@/db/queries/ratings';
import { regionSettingsOfPlan } from '@/db/queries/regions';
import { transaction } from '@/db/transaction';
import type { Db } from '@/db/client';
import { domainsOf } from '@/lib/bigfive';
import { can } from '@/lib/policy';
import { GOAL_RATING_KINDS, type RatingInput } from '@/lib/rating-input';
import { docNameFor } from '@/lib/sections';
import { auditAs, type Via } from '../audit/record';
import type { ServiceContext } from '../context';
import { planNotFound, Refusal } from '../refusal';
import { accessOf, seesSection, type Actor } from './actor';
import { goalTitles } from './outcomes';
import type { PlanAccess } from './plan-access';

/** The section whose read right gives the right to see and add these ratings. */
const SECTION = 'doelen' as const;

function requireReader(access: PlanAccess) {
  // Not a member, and a member who may not see the goals, look alike: no probing.
  if (!seesSection(access, SECTION) || !can(access.member, 'read', SECTION)) throw planNotFound();
  return access.member;
}

/** Refuses a rating of a goal that is not in the plan, or of a life domain the plan's region does not have. */
async function requireRatedThing(db: Db, planId: string, input: RatingInput): Promise<void> {
  if ('goalId' in input) {
    const goals = await goalTitles(db, { planId });
    if (goals.has(input.goalId)) return;
    const message = 'Dit doel staat niet (meer) in het plan. Vernieuw de pagina en kies een doel uit de lijst.';
    throw new Refusal('invalid', message, { code: 'unknown_goal', issues: [{ path: 'goalId', message }] });
  }
  const domains = domainsOf(await regionSettingsOfPlan(db, { planId }));
  if (domains.includes(input.domain)) return;
  const message = 'Dit levensdomein hoort niet bij dit plan. Kies een van de levensdomeinen uit de lijst.';
  throw new Refusal('invalid', message, { code: 'unknown_domain', issues: [{ path: 'domain', message }] });
}

/** Every goal and domain rating of the plan, oldest first, with rater name and role. */
export async function listGoalRatings(ctx: Pick<ServiceContext, 'db'>, params: { actor: Actor }): Promise<RatingView[]> {
  const access = await accessOf(ctx.db, params.actor);
  requireReader(access);
  return listRatings(ctx.db, { planId: access.plan.id, kinds: GOAL_RATING_KINDS });
}

/** Adds the actor's own rating (rater and role from the membership, time from the database) and audits it. */
export async function addGoalRating(
  ctx: Pick<ServiceContext, 'db' | 'realtime'>,
  params: { actor: Actor; input: RatingInput; via: Via },
): Promise<{ id: string; createdAt: Date }> {
  const access = await accessOf(ctx.db, params.actor);
  const member = requireReader(access);
  const planId = access.plan.id;
  const { input } = params;
  await requireRatedThing(ctx.db, planId, input);
  const created = await transaction(ctx.db, async (tx) => {
    const row = await insertRating(tx, {
      planId,
      kind: input.kind,
      goalId: 'goalId' in input ? input.goalId : null,
      domain: 'domain' in input ? input.domain : null,
      value: input.value,
      raterId: member.userId,
      raterRole: member.role,
      note: input.note ?? null,
    });
    await auditAs(tx, member, 'rating.create', params.via, {
      section: SECTION,
      details: { ratingId: row.id, kind: input.kind, ...('goalId' in input ? { goalId: input.goalId } : { domain: input.domain }) },
    });
    return row;
  });
  ctx.realtime.notify(docNameFor(planId, SECTION), 'ratings');
  return created;
}
