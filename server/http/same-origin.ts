import { getConfig } from '../config';
import { jsonError } from './responses';

/**
 * CSRF protection for state-changing routes: the browser's Origin header must be one we serve. Browsers always
 * send Origin on cross-site POST/PUT/DELETE, so a forged form or fetch from another site is refused here.
 * Returns an error response to send, or null when the request may proceed.
 */
export function refuseCrossSite(req: Request) {
  const origin = req.headers.get('origin');
  if (origin && getConfig().allowedOrigins.includes(origin)) return null;
  return jsonError(403, 'Dit verzoek komt niet van Ons Plan zelf en is geweigerd.');
}
