import type { BrokenAgreementRecorded, BrokenDecisionsResponse } from '@/lib/api/safety';
import { BrokenAgreementInput } from '@/lib/safety-input';
import { planRoute } from '@/server/http/route';
import { brokenDecisions, recordBrokenAgreementDecision } from '@/server/plans/safety';

export const dynamic = 'force-dynamic';

/**
 * The decisions about broken agreements (discussed with the family or not, and why not) for professionals who may
 * read the safety plan; the family and its network get an empty list and `visible: false`. Audited as a read.
 */
export const GET = planRoute(
  { access: { section: 'veiligheid', action: 'read' }, audit: { read: 'broken-agreements' } },
  async ({ member, plan, sections, services }): Promise<BrokenDecisionsResponse<Date>> => brokenDecisions(services, { actor: { member, plan, sections } }),
);

/**
 * Records a broken safety agreement: whether the concern was discussed with the family and, if not, why — for
 * those who may edit the safety plan. Answers where the case can be put to the table (null when hidden).
 */
export const POST = planRoute(
  { access: { section: 'veiligheid', action: 'edit' }, body: BrokenAgreementInput, status: 201 },
  async ({ member, plan, sections, body, via, services }): Promise<BrokenAgreementRecorded> =>
    recordBrokenAgreementDecision(services, { actor: { member, plan, sections }, input: body, via }),
);
