import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/options';
import { signInLimits } from '@/server/auth/sign-in-limits';

// Sign-in requests (magic link, demo, OIDC start) are limited per trusted client address and per mailbox
// before next-auth sees them (server/auth/sign-in-limits.ts).

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handle(req: Request, ctx: Ctx) {
  const handler = NextAuth(authOptions()) as (req: Request, ctx: Ctx) => Promise<Response>;
  return handler(req, ctx);
}

export async function GET(req: Request, ctx: Ctx) {
  return handle(req, ctx);
}

export async function POST(req: Request, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  const refused = await signInLimits().check(req, nextauth);
  return refused ?? handle(req, ctx);
}
