import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { Metadata } from 'next';
import NextLink from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SectionEditor } from '@/components/editor/SectionEditor';
import { MembershipLinks, WaitingForConsent } from '@/components/plan/membership';
import { PlanHeader } from '@/components/plan/PlanHeader';
import { SectionNav } from '@/components/plan/SectionNav';
import styles from '@/components/plan/plan.module.css';
import { canManage } from '@/lib/policy';
import { docNameFor } from '@/lib/sections';
import { requireUser } from '@/server/auth/session';
import { serviceContext } from '@/server/context';
import { planPage } from '@/server/pages/plan';
import { pageVia } from '@/server/pages/via';
import { sectionLabelsForPlan } from '@/server/plans/section-labels';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Gezinsplan' };

export default async function PlanPage({ params, searchParams }: { params: Promise<{ planId: string }>; searchParams: Promise<{ sectie?: string }> }) {
  const user = await requireUser();
  const { planId } = await params;
  const { sectie } = await searchParams;
  const page = await planPage(serviceContext(), { planId, userId: user.id, section: sectie, via: await pageVia() });
  // A professional whose membership waits for the family's consent sees that, and nothing of the plan.
  if (page.kind === 'waiting') return <WaitingForConsent householdName={page.householdName} />;
  if (page.kind === 'not_found') notFound();
  const { access, active, latestVersion, links } = page;
  const { member, plan, sections } = access;
  const t = await getTranslations('plan');
  const tSections = await sectionLabelsForPlan(planId);
  const tRights = await getTranslations('rights');
  return (
    <article aria-labelledby="plan-title" className={styles.page}>
      <Paragraph>
        <NextLink href="/plannen" className={styles.back}>
          ← {t('backToPlans')}
        </NextLink>
      </Paragraph>
      <PlanHeader plan={plan} role={member.role} manages={canManage(member)} latestVersion={latestVersion} />
      <MembershipLinks planId={planId} links={links} />
      <div className={styles.body}>
        <SectionNav planId={planId} active={active.key} sections={sections.map((s) => ({ key: s.key, label: tSections(s.key) }))} label={t('sections')} />
        <section className={styles.section} aria-labelledby="section-title" data-section={active.key}>
          <Heading level={2} id="section-title">
            {tSections(active.key)}
          </Heading>
          <Paragraph className={styles.rights}>{t('yourRights', { rights: tRights(active.level) })}</Paragraph>
          <SectionEditor
            key={active.key}
            planId={planId}
            section={active.key}
            canComment={active.level === 'comment' || active.level === 'edit'}
            docName={docNameFor(planId, active.key)}
            sectionLabel={tSections(active.key)}
            editable={active.level === 'edit'}
            user={{ id: user.id, name: user.name ?? user.email ?? '' }}
          />
        </section>
      </div>
    </article>
  );
}
