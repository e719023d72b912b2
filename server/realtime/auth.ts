/**
 * Who is knocking: reads the next-auth session cookie of an upgrade request (the same JWT the web app uses).
 * Only the cookie counts; an Authorization header is ignored so the socket has exactly one way in.
 */
import type { IncomingMessage } from 'node:http';
import { getToken } from 'next-auth/jwt';

/** Parses a Cookie header into name → value (values URL-decoded where valid). */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    if (!name || name in out) continue;
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      out[name] = raw;
    }
  }
  return out;
}

const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Returns the signed-in user's id, or null when there is no valid session cookie. */
export async function authenticateUpgrade(req: IncomingMessage, options: { secret: string; secureCookie: boolean }): Promise<{ userId: string } | null> {
  const cookies = parseCookies(req.headers.cookie);
  const token = await getToken({
    req: { cookies, headers: {} } as never,
    secret: options.secret,
    secureCookie: options.secureCookie,
    logger: { error: () => undefined, warn: () => undefined, debug: () => undefined } as never,
  } as never);
  const userId = token && typeof token.sub === 'string' ? token.sub : null;
  // Users are keyed by UUID. Any other subject cannot be anyone here; refusing it now answers 401 instead of the
  // 503 a uuid column would cause when the membership is looked up.
  return userId && USER_ID.test(userId) ? { userId } : null;
}
