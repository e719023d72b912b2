import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { StartPlanForm } from '@/components/plan/start';
import { requireUser } from '@/server/auth/session';
import { serviceContext } from '@/server/context';
import { mayStartPlans } from '@/server/pages/plans';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Plan starten' };

/** Only local-team professionals start plans; for anyone else this page does not exist. */
export default async function StartPlanPage() {
  const user = await requireUser();
  if (!(await mayStartPlans(serviceContext(), { userId: user.id }))) notFound();
  const t = await getTranslations('startPlan');
  return (
    <section aria-labelledby="start-title">
      <Heading level={1} id="start-title">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      <StartPlanForm />
    </section>
  );
}
