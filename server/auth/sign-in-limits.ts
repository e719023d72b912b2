/**
 * Limits on sign-in requests (magic link, demo, OIDC start), checked before next-auth sees the request:
 *
 * - per client address (SIGNIN_RATE_LIMIT_PER_MINUTE, 30 a minute): the trusted address of
 *   server/http/client-address.ts, so a forged X-Forwarded-For does not make every request a new client;
 * - per mailbox (5 per 15 minutes) for magic links, so nobody can flood someone's inbox. The address is read from
 *   the body the way next-auth reads it — JSON and urlencoded alike (multipart too, to be safe) — so sending the
 *   same request in another encoding is counted all the same.
 *
 * Counted in memory per process: behind N nodes an address can make up to N times as many attempts.
 */
import { getConfig, type TrustProxy } from '../config';
import { clientAddress } from '../http/client-address';
import { json } from '../http/respond';
import { RateLimiter } from './rate-limit';

export interface SignInLimitsOptions {
  /** Sign-in requests one client address may make per minute. */
  perAddressPerMinute: number;
  /** Which X-Forwarded-For hops are believed (TRUST_PROXY). */
  trustProxy: TrustProxy;
  /** The public URL: the 429 names a sign-in page URL, as next-auth's client expects of every answer. */
  appUrl: string;
  /** Magic links to one mailbox per window. */
  perMailbox?: { max: number; windowMs: number };
}

const TOO_MANY = 'Te veel inlogpogingen. Wacht een paar minuten en probeer het opnieuw.';

/**
 * The mailboxes a magic-link request is for, as next-auth will read and normalise them. A urlencoded body may
 * repeat `email` (next-auth takes the last); every value is counted, so none of them slips through.
 */
export async function mailboxesOf(req: Request): Promise<string[]> {
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  const copy = req.clone();
  let values: unknown[] = [];
  try {
    if (type.includes('application/json')) values = [((await copy.json()) as { email?: unknown } | null)?.email];
    else if (type.includes('application/x-www-form-urlencoded')) values = new URLSearchParams(await copy.text()).getAll('email');
    else if (type.includes('multipart/form-data')) values = (await copy.formData()).getAll('email');
  } catch {
    return []; // a body next-auth cannot read either: it sends nothing
  }
  // The same normalisation as the email provider's normalizeIdentifier (server/auth/options.ts).
  const mailboxes = values.flatMap((v) => (typeof v === 'string' && v.trim() ? [v.trim().toLowerCase()] : []));
  return [...new Set(mailboxes)];
}

export class SignInLimits {
  private readonly perAddress: RateLimiter;
  private readonly perMailbox: RateLimiter;

  constructor(private readonly options: SignInLimitsOptions) {
    this.perAddress = new RateLimiter(options.perAddressPerMinute, 60_000);
    const mailbox = options.perMailbox ?? { max: 5, windowMs: 15 * 60_000 };
    this.perMailbox = new RateLimiter(mailbox.max, mailbox.windowMs);
  }

  /**
   * Counts a POST to `/api/auth/<segments>`; answers 429 when it is over a limit, null when next-auth may handle it.
   * Only sign-in requests count (`signin/*`, `callback/*`); the mailbox limit only for `signin/email`.
   */
  async check(req: Request, segments: readonly string[], now = Date.now()): Promise<Response | null> {
    const [action, provider] = segments;
    if (action !== 'signin' && action !== 'callback') return null;
    const address = clientAddress(req, this.options.trustProxy);
    if (!this.perAddress.take(address, now)) return this.tooMany(this.perAddress.retryAfterSeconds(address, now));
    if (action === 'signin' && provider === 'email') {
      for (const mailbox of await mailboxesOf(req)) {
        if (!this.perMailbox.take(mailbox, now)) return this.tooMany(this.perMailbox.retryAfterSeconds(mailbox, now));
      }
    }
    return null;
  }

  /**
   * The one error body of the API, plus the `url` next-auth's `signIn()` reads from every answer (it throws
   * without one); its `error=rate_limited` is what the sign-in form shows.
   */
  private tooMany(retryAfterSeconds: number): Response {
    const url = new URL('/inloggen?error=rate_limited', this.options.appUrl).toString();
    const res = json({ error: { code: 'rate_limited', message: TOO_MANY }, url }, 429);
    res.headers.set('Retry-After', String(retryAfterSeconds));
    return res;
  }
}

let shared: SignInLimits | null = null;

/** The running server's limits, created on first use, after the server has resolved its configuration. */
export function signInLimits(): SignInLimits {
  if (!shared) {
    const config = getConfig();
    shared = new SignInLimits({ perAddressPerMinute: config.signInRateLimitPerMinute, trustProxy: config.trustProxy, appUrl: config.appUrl });
  }
  return shared;
}
