import { RegieChangeInput } from '@/lib/membership-input';
import { planRoute } from '@/server/http/route';
import { changeRegie } from '@/server/plans/membership/regie';
import { ONLY_THE_CASUSREGISSEUR } from '@/server/plans/membership/shared';

export const dynamic = 'force-dynamic';

/** Appoints a casus- or procesregisseur with a reason (casusregisseur only): `{ kind, userId, reason }`. History is kept. */
export const POST = planRoute({ access: { manage: true, forbidden: ONLY_THE_CASUSREGISSEUR }, body: RegieChangeInput }, ({ services, member, via, body }) =>
  changeRegie(services, { member, input: body, via }),
);
