import 'server-only';
/** How the membership routes answer: one mapping from a service refusal to an HTTP status, and one shape for bad input. */
import { NextResponse } from 'next/server';
import type { ZodError } from 'zod';
import { MembershipError, PLAN_NOT_FOUND, type MembershipErrorKind } from '../plans/membership';
import { clientAddress } from './client-address';
import { jsonError, planNotFound } from './responses';

const STATUS: Record<MembershipErrorKind, number> = {
  not_found: 404,
  forbidden: 403,
  invalid: 400,
  conflict: 409,
  gone: 410,
  rate_limited: 429,
  mail_failed: 502,
};

/** The response for a service refusal; anything else is rethrown (a 500, nothing written: services use transactions). */
export function refusalResponse(err: unknown): NextResponse {
  if (!(err instanceof MembershipError)) throw err;
  if (err.kind === 'not_found' && err.message === PLAN_NOT_FOUND) return planNotFound();
  const res = jsonError(STATUS[err.kind], err.message);
  if (err.kind === 'rate_limited') res.headers.set('Retry-After', '3600');
  return res;
}

/** 400 with every problem in plain Dutch, the same shape as POST /api/plans. */
export function invalidInput(error: ZodError): NextResponse {
  return NextResponse.json(
    { error: 'Niet alles is goed ingevuld.', issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    { status: 400, headers: { 'Cache-Control': 'no-store' } },
  );
}

/** The JSON body, or undefined when it is missing or not JSON (zod then says what is wrong). */
export async function readJson(req: Request): Promise<unknown> {
  return req.json().catch(() => undefined);
}

/** Where the request came from, for the audit trail. */
export function viaOf(req: Request) {
  return { accessPoint: clientAddress(req), client: req.headers.get('user-agent') };
}
