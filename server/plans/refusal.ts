/**
 * A refusal by a plan service (lifecycle, versions, export) in plain Dutch; routes map `kind` to an HTTP status
 * (server/http/plan-refusal.ts). Nothing was written when it is thrown.
 */
export type RefusalKind = 'not_found' | 'forbidden' | 'invalid' | 'conflict';

export class PlanRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
  ) {
    super(message);
  }
}

/** Same words as planNotFound(): an unknown plan and someone else's plan must look alike. */
export const NO_SUCH_PLAN = 'Dit plan bestaat niet of je hebt er geen toegang toe.';
