import 'server-only';
/**
 * Ratings of goals and life domains: any member who may read the doelen section adds their own, dated and in
 * their role, next to everyone else's; nothing is ever overwritten. Each rating and its audit event are written in
 * one transaction; after the commit, everyone with the doelen doc open is told to refresh their charts.
 * The service checks the actor's membership and right itself, so its tests cover the permission too.
 */
import type { Db } from '@/db/client';
import { getDb } from '@/db/client';
import { loadMember } from '@/db/queries/members';
import { insertRating, listRatings, type RatingView } from '@/db/queries/ratings';
import { can } from '@/lib/policy';
import { GOAL_RATING_KINDS, type RatingInput } from '@/lib/rating-input';
import { docNameFor, type DocName } from '@/lib/sections';
import { recordAudit } from '../audit/record';
import { getRuntime } from '../runtime';
import { PlanId } from './access';

/** The section whose read right gives the right to see and add these ratings. */
const SECTION = 'doelen' as const;

export type RatingErrorKind = 'not_found' | 'forbidden';

/** A refusal in plain Dutch; nothing was written when it is thrown. */
export class RatingError extends Error {
  constructor(
    readonly kind: RatingErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface RatingContext {
  db: Db;
  /** Tells the doc's open editors that its ratings changed (the realtime server's notify). */
  notify: (docName: DocName, topic: 'ratings') => void;
}

/** The context route handlers use: the shared database and the running realtime server. */
export function ratingContext(): RatingContext {
  return { db: getDb(), notify: (docName, topic) => getRuntime()?.notify?.(docName, topic) };
}

async function requireReader(db: Db, planId: string, userId: string) {
  const member = PlanId.safeParse(planId).success ? await loadMember(db, { planId, userId }) : null;
  // Not a member, and a member who may not see the goals, look alike: no probing.
  if (!member || member.status !== 'actief' || !can(member, 'see', SECTION)) {
    throw new RatingError('not_found', 'Dit plan bestaat niet of je hebt er geen toegang toe.');
  }
  if (!can(member, 'read', SECTION)) throw new RatingError('forbidden', 'Je mag de doelen van dit plan niet beoordelen.');
  return member;
}

/** Every goal and domain rating of the plan, oldest first, with rater name and role. */
export async function listGoalRatings(ctx: Pick<RatingContext, 'db'>, params: { planId: string; actorId: string }): Promise<RatingView[]> {
  await requireReader(ctx.db, params.planId, params.actorId);
  return listRatings(ctx.db, { planId: params.planId, kinds: GOAL_RATING_KINDS });
}

/** Adds the actor's own rating (rater and role from the membership, time from the database) and audits it. */
export async function addGoalRating(
  ctx: RatingContext,
  params: { planId: string; actorId: string; input: RatingInput; via?: { accessPoint: string | null; client: string | null } },
): Promise<{ id: string; createdAt: Date }> {
  const member = await requireReader(ctx.db, params.planId, params.actorId);
  const { input } = params;
  const created = await ctx.db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const row = await insertRating(t, {
      planId: params.planId,
      kind: input.kind,
      goalId: 'goalId' in input ? input.goalId : null,
      domain: 'domain' in input ? input.domain : null,
      value: input.value,
      raterId: member.userId,
      raterRole: member.role,
      note: input.note ?? null,
    });
    await recordAudit(t, {
      action: 'rating.create',
      actorUserId: member.userId,
      actorRole: member.role,
      planId: params.planId,
      section: SECTION,
      basis: member.basis,
      accessPoint: params.via?.accessPoint ?? null,
      client: params.via?.client ?? null,
      details: { ratingId: row.id, kind: input.kind, ...('goalId' in input ? { goalId: input.goalId } : { domain: input.domain }) },
    });
    return row;
  });
  ctx.notify(docNameFor(params.planId, SECTION), 'ratings');
  return created;
}
