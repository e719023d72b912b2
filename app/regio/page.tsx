import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { RegionView } from '@/components/region/RegionView';
import type { RegionReport } from '@/lib/api/region';
import { requireUser } from '@/server/auth/session';
import { serviceContext } from '@/server/context';
import { pageVia } from '@/server/pages/via';
import { Refusal } from '@/server/refusal';
import { viewRegion, type RegionQuery } from '@/server/region/report';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('regio');
  return { title: t('metaTitle') };
}

/**
 * The region in figures, for the gemeente and the beheerder (anyone else: 404). Anonymous aggregates only; the
 * service suppresses small groups and audits the view ('region.view').
 */
export default async function RegionPage({ searchParams }: { searchParams: Promise<{ periode?: string; gemeente?: string }> }) {
  const user = await requireUser();
  const { periode, gemeente } = await searchParams;
  const ctx = serviceContext();
  const via = await pageVia();
  const query: RegionQuery = { periode: typeof periode === 'string' ? periode : null, gemeente: typeof gemeente === 'string' ? gemeente : null };
  let report: RegionReport;
  let notice: string | null = null;
  try {
    report = await viewRegion(ctx, { userId: user.id, via, query, purpose: 'view' });
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    if (err.kind !== 'invalid') notFound();
    // A period or municipality that does not exist: say so, and show the running quarter for the whole region.
    notice = err.message;
    report = await viewRegion(ctx, { userId: user.id, via, query: {}, purpose: 'view' });
  }
  const csv = new URLSearchParams({ format: 'csv', periode: report.period.key, ...(report.municipality ? { gemeente: report.municipality } : {}) });
  return <RegionView report={report} notice={notice} csvHref={`/api/regio?${csv.toString()}`} />;
}
