import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { Metadata } from 'next';
import NextLink from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PlanHeader } from '@/components/plan/PlanHeader';
import { SectionNav } from '@/components/plan/SectionNav';
import { SectionEditor } from '@/components/editor/SectionEditor';
import { getDb } from '@/db/client';
import { docNameFor, isSectionKey } from '@/lib/sections';
import { recordAudit } from '@/server/audit/record';
import { requireUser } from '@/server/auth/session';
import { loadPlanForMember } from '@/server/plans/access';
import { waitingMembership } from '@/server/plans/membership';
import { MembershipLinks } from '@/components/plan/membership/MembershipLinks';
import { WaitingForConsent } from '@/components/plan/membership/WaitingForConsent';
import styles from '@/components/plan/plan.module.css';
import { sectionLabelsForPlan } from '@/server/plans/section-labels';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Gezinsplan' };

export default async function PlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ planId: string }>;
  searchParams: Promise<{ sectie?: string }>;
}) {
  const user = await requireUser();
  const { planId } = await params;
  const { sectie } = await searchParams;
  const loaded = await loadPlanForMember({ planId, userId: user.id });
  if (!loaded) {
    // A professional whose membership waits for the family's consent sees that, and nothing of the plan.
    const waiting = await waitingMembership(getDb(), { planId, userId: user.id });
    if (waiting) return <WaitingForConsent householdName={waiting.householdName} />;
    notFound();
  }
  const { member, plan, sections } = loaded;
  // Only sections the member may see exist here; asking for another one falls back to the first.
  const active = sections.find((s) => isSectionKey(sectie ?? '') && s.key === sectie) ?? sections[0];
  if (!active) notFound();
  const t = await getTranslations('plan');
  const tSections = await sectionLabelsForPlan(planId);
  const tRights = await getTranslations('rights');
  await recordAudit(getDb(), {
    action: 'plan.read',
    actorUserId: user.id,
    actorRole: member.role,
    planId,
    section: active.key,
    basis: member.basis,
  });
  return (
    <article aria-labelledby="plan-title" className={styles.page}>
      <Paragraph>
        <NextLink href="/plannen" className={styles.back}>
          ← {t('backToPlans')}
        </NextLink>
      </Paragraph>
      <PlanHeader plan={plan} member={member} />
      <MembershipLinks planId={planId} member={member} />
      <div className={styles.body}>
        <SectionNav
          planId={planId}
          active={active.key}
          sections={sections.map((s) => ({ key: s.key, label: tSections(s.key) }))}
          label={t('sections')}
        />
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
