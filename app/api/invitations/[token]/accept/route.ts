import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { findUserById } from '@/db/queries/users';
import { currentUser } from '@/server/auth/session';
import { refusalResponse, viaOf } from '@/server/http/membership-responses';
import { notSignedIn } from '@/server/http/responses';
import { refuseCrossSite } from '@/server/http/same-origin';
import { acceptInvitation, membershipContext } from '@/server/plans/membership';

export const dynamic = 'force-dynamic';

/** Accepts an invitation for the signed-in person; their address (from the database, not the token) must be the invited one. */
export async function POST(req: Request, ctx: { params: Promise<{ token: string }> }) {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const user = await currentUser();
  if (!user) return notSignedIn();
  const { token } = await ctx.params;
  const account = await findUserById(getDb(), { id: user.id });
  if (!account) return notSignedIn();
  try {
    const result = await acceptInvitation(membershipContext(), { token, userId: account.id, email: account.email, via: viaOf(req) });
    return NextResponse.json(result, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return refusalResponse(err);
  }
}
