import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { Metadata } from 'next';
import NextLink from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listPlanAudit } from '@/db/queries/audit';
import { summariseAudit } from '@/lib/audit-summary';
import { can } from '@/lib/policy';
import { recordAudit } from '@/server/audit/record';
import { requireUser } from '@/server/auth/session';
import { loadPlanForMember } from '@/server/plans/access';
import styles from '@/components/plan/audit/audit.module.css';
import { sectionLabelsForPlan } from '@/server/plans/section-labels';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Wie heeft ons plan bekeken?' };

const DAYS = 30;

/** Start of the window shown: the last DAYS days. */
function windowStart(): Date {
  return new Date(Date.now() - DAYS * 24 * 3600 * 1000);
}

/** "Wie heeft ons plan bekeken?": per day, who opened or changed which part of the plan (NEN 7513 inzage). */
export default async function WhoLookedPage({ params }: { params: Promise<{ planId: string }> }) {
  const user = await requireUser();
  const { planId } = await params;
  const loaded = await loadPlanForMember({ planId, userId: user.id });
  if (!loaded) notFound();
  const { member, plan } = loaded;
  const t = await getTranslations('audit');
  const tSections = await sectionLabelsForPlan(planId);
  const tRoles = await getTranslations('roles');
  const format = await getFormatter();
  const since = windowStart();
  const events = await listPlanAudit(getDb(), { planId, since, limit: 2000 });
  await recordAudit(getDb(), { action: 'plan.audit_view', actorUserId: user.id, actorRole: member.role, planId, basis: member.basis });
  const days = summariseAudit(events, (s) => can(member, 'see', s));
  const part = (section: (typeof days)[number]['lines'][number]['section']) =>
    section === null ? t('wholePlan') : section === 'hidden' ? t('otherPart') : tSections(section);
  return (
    <section aria-labelledby="audit-title" className={styles.page}>
      <Paragraph>
        <NextLink href={`/plannen/${planId}`}>← {t('back', { name: plan.householdName })}</NextLink>
      </Paragraph>
      <Heading level={1} id="audit-title">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro', { days: DAYS })}</Paragraph>
      {days.length === 0 && <Paragraph>{t('empty')}</Paragraph>}
      {days.map((d) => (
        <section key={d.day} className={styles.day} aria-labelledby={`day-${d.day}`}>
          <Heading level={2} id={`day-${d.day}`}>
            {format.dateTime(new Date(`${d.day}T12:00:00Z`), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}
          </Heading>
          <ul className={styles.lines} data-testid="audit-day">
            {d.lines.map((l) => (
              <li key={`${l.actorName}-${l.action}-${l.section}`} className={styles.line}>
                <span className={styles.who}>
                  {l.actorName}
                  {l.actorRole && <span className={styles.role}> ({tRoles(l.actorRole as 'ouder')})</span>}
                </span>{' '}
                <span>
                  {t(t.has(`action.${l.action.replace('.', '_')}` as 'action.other') ? (`action.${l.action.replace('.', '_')}` as 'action.other') : 'action.other', { part: part(l.section) })}
                </span>{' '}
                <span className={styles.when}>
                  {l.count > 1
                    ? t('times', { count: l.count, first: format.dateTime(l.first, { timeStyle: 'short' }), last: format.dateTime(l.last, { timeStyle: 'short' }) })
                    : format.dateTime(l.last, { timeStyle: 'short' })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
