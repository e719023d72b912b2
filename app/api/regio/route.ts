import { getTranslations } from 'next-intl/server';
import { NO_STORE } from '@/server/http/respond';
import { userRoute } from '@/server/http/route';
import { Refusal } from '@/server/refusal';
import { csvFileName, csvLabels, regionCsv } from '@/server/region/csv';
import { requireRegionViewer, viewRegion } from '@/server/region/report';

export const dynamic = 'force-dynamic';

/**
 * The region's anonymous figures, for people with a region role (everyone else: 404, as for a page that does not
 * exist). `?periode=2026-Q3|2026-09` (default: the running quarter), `?gemeente=<name>` (default: the whole
 * region), `?format=csv` for the download. Every call is an audit event ('region.view' or 'region.export').
 */
export const GET = userRoute({}, async ({ req, user, via, services }) => {
  const url = new URL(req.url);
  const format = url.searchParams.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') {
    await requireRegionViewer(services, { userId: user.id });
    throw new Refusal('invalid', "Kies 'json' of 'csv' als formaat.", { code: 'invalid_format' });
  }
  const query = { periode: url.searchParams.get('periode'), gemeente: url.searchParams.get('gemeente') };
  const report = await viewRegion(services, { userId: user.id, via, query, purpose: format === 'csv' ? 'export' : 'view' });
  if (format === 'json') return report;
  const [t, tStatus] = await Promise.all([getTranslations('regio'), getTranslations('status')]);
  const body = regionCsv(
    report,
    csvLabels(
      (k) => t(k as never),
      (k) => tStatus(k as never),
    ),
  );
  return new Response(body, {
    headers: {
      ...NO_STORE,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFileName(report.period.key, report.municipality)}"`,
    },
  });
});
