import 'server-only';
/** Maps a plan service's refusal to its HTTP answer; anything else is rethrown (a 500, nothing written). */
import type { NextResponse } from 'next/server';
import { NO_SUCH_PLAN, PlanRefusal, type RefusalKind } from '../plans/refusal';
import { jsonError, planNotFound } from './responses';

const STATUS: Record<RefusalKind, number> = { not_found: 404, forbidden: 403, invalid: 400, conflict: 409 };

export function planRefusalResponse(err: unknown): NextResponse {
  if (!(err instanceof PlanRefusal)) throw err;
  if (err.kind === 'not_found' && err.message === NO_SUCH_PLAN) return planNotFound();
  return jsonError(STATUS[err.kind], err.message);
}
