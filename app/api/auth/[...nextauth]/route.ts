import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authOptions } from '@/server/auth/options';
import { RateLimiter } from '@/server/auth/rate-limit';
import { clientAddress } from '@/server/http/client-address';

// Sign-in requests (magic link, demo, OIDC start): 30 per minute per address, 5 per 15 minutes per mailbox.
const perAddress = new RateLimiter(30, 60_000);
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
    if (!perAddress.take(clientAddress(req))) return tooMany();
    const email = (await req.clone().formData().catch(() => null))?.get('email');
    if (typeof email === 'string' && email && !perEmail.take(email.trim().toLowerCase())) return tooMany();
  }
  return handle(req, ctx);
}

function tooMany() {
  return NextResponse.json(
    { error: 'Te veel inlogpogingen. Wacht een paar minuten en probeer het opnieuw.' },
    { status: 429, headers: { 'Retry-After': '60' } },
  );
}
