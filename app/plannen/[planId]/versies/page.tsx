import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { VersionList } from '@/components/plan/versions';
import { requireUser } from '@/server/auth/session';
import { serviceContext } from '@/server/context';
import { versionsPage } from '@/server/pages/versions';
import { pageVia } from '@/server/pages/via';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Versies van het plan' };

/** The plan's versions with who signed each; the casusregisseur records new ones here. */
export default async function VersionsPage({ params }: { params: Promise<{ planId: string }> }) {
  const user = await requireUser();
  const { planId } = await params;
  const page = await versionsPage(serviceContext(), { planId, userId: user.id, via: await pageVia() });
  if (!page) notFound();
  return <VersionList planId={planId} householdName={page.householdName} manages={page.manages} versions={page.versions} />;
}
