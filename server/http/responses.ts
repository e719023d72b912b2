import { NextResponse } from 'next/server';

/** JSON error in the shape every route answers with: `{ error }` in plain Dutch. */
export function jsonError(status: number, error: string): NextResponse {
  return NextResponse.json({ error }, { status, headers: { 'Cache-Control': 'no-store' } });
}

export const notSignedIn = () => jsonError(401, 'Je bent niet ingelogd.');
/** Used for both "no such plan" and "not your plan", so plan ids cannot be probed. */
export const planNotFound = () => jsonError(404, 'Dit plan bestaat niet of je hebt er geen toegang toe.');
