import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { VersionView } from '@/components/plan/versions';
import { requireUser } from '@/server/auth/session';
import { serviceContext } from '@/server/context';
import { versionPage } from '@/server/pages/versions';
import { pageVia } from '@/server/pages/via';
import { sectionLabelsForPlan } from '@/server/plans/section-labels';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Versie van het plan' };

/** One version, read-only, with only the sections the viewer may see now; the family and professionals sign here. */
export default async function VersionPage({ params }: { params: Promise<{ planId: string; versionId: string }> }) {
  const user = await requireUser();
  const { planId, versionId } = await params;
  const page = await versionPage(serviceContext(), { planId, userId: user.id, versionId, via: await pageVia() });
  if (!page) notFound();
  const sectionTitle = await sectionLabelsForPlan(planId);
  const sections = page.sections.map((s) => ({ ...s, title: sectionTitle(s.key) }));
  return <VersionView planId={planId} householdName={page.householdName} version={page} sections={sections} />;
}
