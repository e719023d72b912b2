/**
 * The one way a service or route says no. Nothing was written when a Refusal is thrown (services write inside a
 * transaction). `kind` decides the HTTP status (server/http/respond.ts), `code` names the reason for clients and
 * tests, the message is plain Dutch and is shown to the person as it is.
 */
export type RefusalKind = 'unauthenticated' | 'not_found' | 'forbidden' | 'invalid' | 'conflict' | 'gone' | 'rate_limited' | 'mail_failed';

export interface RefusalIssue {
  path: string;
  message: string;
}

export interface RefusalOptions {
  /** A stable name of the reason (`plan_not_found`, `cross_site`, …); defaults to the kind. */
  code?: string;
  /** Per field, what is wrong (bad input). */
  issues?: RefusalIssue[];
  /** Seconds until trying again makes sense (rate limits). */
  retryAfterSeconds?: number;
}

export class Refusal extends Error {
  readonly code: string;
  readonly issues?: RefusalIssue[];
  readonly retryAfterSeconds?: number;

  constructor(
    readonly kind: RefusalKind,
    message: string,
    options: RefusalOptions = {},
  ) {
    super(message);
    this.name = 'Refusal';
    this.code = options.code ?? kind;
    this.issues = options.issues;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Same words for "no such plan" and "not your plan", so plan ids cannot be probed. */
export const NO_SUCH_PLAN = 'Dit plan bestaat niet of je hebt er geen toegang toe.';
export const NO_SUCH_SECTION = 'Dit onderdeel bestaat niet of je hebt er geen toegang toe.';

export const planNotFound = () => new Refusal('not_found', NO_SUCH_PLAN, { code: 'plan_not_found' });
export const sectionNotFound = () => new Refusal('not_found', NO_SUCH_SECTION, { code: 'section_not_found' });
export const notSignedIn = () => new Refusal('unauthenticated', 'Je bent niet ingelogd.', { code: 'not_signed_in' });
