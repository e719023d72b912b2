import { getConfig } from '../config';
import { Refusal } from '../refusal';

/**
 * CSRF protection for state-changing routes: the browser's Origin header must be one we serve. Browsers always
 * send Origin on cross-site POST/PUT/DELETE, so a forged form or fetch from another site is refused here.
 * Returns the refusal to throw, or null when the request may proceed. Called by the route shape (route.ts) only.
 */
export function refuseCrossSite(req: Request): Refusal | null {
  const origin = req.headers.get('origin');
  if (origin && getConfig().allowedOrigins.includes(origin)) return null;
  return new Refusal('forbidden', 'Dit verzoek komt niet van Ons Plan zelf en is geweigerd.', { code: 'cross_site' });
}
