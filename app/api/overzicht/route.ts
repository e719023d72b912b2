import type { OverzichtResponse } from '@/lib/api/overzicht';
import { overzicht } from '@/server/dashboard/overzicht';
import { readerLocale } from '@/server/dashboard/locale';
import { userRoute } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * The signed-in professional's overzicht: one row per family, most urgent first, with signals and their reasons
 * (the page polls it). Families, their network and the region's roles get 404: there is no overzicht for them.
 * Every call is an audit event (`dashboard.view`).
 */
export const GET = userRoute({}, async ({ user, via, services }): Promise<OverzichtResponse> =>
  overzicht(services, { userId: user.id, via, locale: await readerLocale(), source: 'api' }),
);
