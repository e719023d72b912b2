import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { WhoLooked } from '@/components/plan/audit';
import { requireUser } from '@/server/auth/session';
import { serviceContext } from '@/server/context';
import { whoLookedPage } from '@/server/pages/who-looked';
import { pageVia } from '@/server/pages/via';
import { sectionLabelsForPlan } from '@/server/plans/section-labels';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Wie heeft ons plan bekeken?' };

const DAYS = 30;

/** "Wie heeft ons plan bekeken?": per day, who opened or changed which part of the plan in the last DAYS days. */
export default async function WhoLookedPage({ params }: { params: Promise<{ planId: string }> }) {
  const user = await requireUser();
  const { planId } = await params;
  const page = await whoLookedPage(serviceContext(), { planId, userId: user.id, days: DAYS, via: await pageVia() });
  if (!page) notFound();
  const sectionTitle = await sectionLabelsForPlan(planId);
  return <WhoLooked planId={planId} householdName={page.householdName} windowDays={DAYS} days={page.days} sectionTitle={sectionTitle} />;
}
