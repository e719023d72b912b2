import 'server-only';
/**
 * How every route answers. Success: the handler's JSON, never cached. Refusal: one body shape for every route,
 * `{ error: { code, message, issues? } }`, with the status the refusal's kind stands for. Anything else is a bug:
 * it is rethrown (a 500; services write in transactions, so nothing half-written remains).
 */
import { NextResponse } from 'next/server';
import { Refusal, type RefusalIssue, type RefusalKind } from '../refusal';

export const STATUS: Record<RefusalKind, number> = {
  unauthenticated: 401,
  not_found: 404,
  forbidden: 403,
  invalid: 400,
  conflict: 409,
  gone: 410,
  rate_limited: 429,
  mail_failed: 502,
};

/** The error body every route answers with; clients read `error.message` (components/api/client.ts). */
export interface ErrorBody {
  error: { code: string; message: string; issues?: RefusalIssue[] };
}

export const NO_STORE = { 'Cache-Control': 'no-store' } as const;

export function json<T>(data: T, status = 200): NextResponse<T> {
  return NextResponse.json(data, { status, headers: NO_STORE });
}

export function refusalResponse(err: unknown): NextResponse<ErrorBody> {
  if (!(err instanceof Refusal)) throw err;
  const body: ErrorBody = { error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } };
  const res = NextResponse.json(body, { status: STATUS[err.kind], headers: NO_STORE });
  if (err.retryAfterSeconds) res.headers.set('Retry-After', String(err.retryAfterSeconds));
  return res;
}
