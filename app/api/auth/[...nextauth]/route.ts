import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authOptions } from '@/server/auth/options';
import { RateLimiter } from '@/server/auth/rate-limit';
import { clientAddress } from '@/server/http/client-address';
import { getConfig } from '@/server/config';

// Sign-in requests (magic link, demo, OIDC start): SIGNIN_RATE_LIMIT_PER_MINUTE (30) per address, 5 per 15 minutes
// per mailbox. Created on first use, after the server has resolved its configuration.
let perAddress: RateLimiter | null = null;
const perEmail = new RateLimiter(5, 15 * 60_000);

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
  if (nextauth[0] === 'signin' || nextauth[0] === 'callback') {
    perAddress ??= new RateLimiter(getConfig().signInRateLimitPerMinute, 60_000);
    if (!perAddress.take(clientAddress(req))) return tooMany();
    // Magic-link requests are also limited per mailbox, so nobody can flood someone's inbox.
    if (nextauth[0] === 'signin' && nextauth[1] === 'email') {
      const email = (await req.clone().formData().catch(() => null))?.get('email');
      if (typeof email === 'string' && email && !perEmail.take(email.trim().toLowerCase())) return tooMany();
    }
  }
  return handle(req, ctx);
}

function tooMany() {
  return NextResponse.json(
    { error: 'Te veel inlogpogingen. Wacht een paar minuten en probeer het opnieuw.' },
    { status: 429, headers: { 'Retry-After': '60' } },
  );
}
