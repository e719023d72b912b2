import { NextResponse } from 'next/server';
import { RatingInput } from '@/lib/rating-input';
import { invalidInput, readJson, viaOf } from '@/server/http/membership-responses';
import { jsonError, planNotFound } from '@/server/http/responses';
import { refuseCrossSite } from '@/server/http/same-origin';
import { addGoalRating, listGoalRatings, ratingContext, RatingError } from '@/server/plans/ratings';
import { requireSectionAccess } from '@/server/plans/section-access';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ planId: string }> };

function refusal(err: unknown): NextResponse {
  if (!(err instanceof RatingError)) throw err;
  return err.kind === 'not_found' ? planNotFound() : jsonError(403, err.message);
}

/** Every rating of the plan's goals and life domains, with rater name and role; for anyone who may read the goals. */
export async function GET(_req: Request, ctx: Ctx) {
  const { planId } = await ctx.params;
  const access = await requireSectionAccess({ planId, section: 'doelen', action: 'read' });
  if (!access.ok) return access.response;
  try {
    const ratings = await listGoalRatings(ratingContext(), { planId, actorId: access.user.id });
    return NextResponse.json({ ratings }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return refusal(err);
  }
}

/** Adds the signed-in member's own rating; it is never overwritten, a new one stands beside it. */
export async function POST(req: Request, ctx: Ctx) {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const { planId } = await ctx.params;
  const access = await requireSectionAccess({ planId, section: 'doelen', action: 'read' });
  if (!access.ok) return access.response;
  const parsed = RatingInput.safeParse(await readJson(req));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const created = await addGoalRating(ratingContext(), { planId, actorId: access.user.id, input: parsed.data, via: viaOf(req) });
    return NextResponse.json(created, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return refusal(err);
  }
}
