import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { Metadata } from 'next';
import NextLink from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CreateVersionForm } from '@/components/plan/versions/CreateVersionForm';
import { SignatureList } from '@/components/plan/versions/SignatureList';
import styles from '@/components/plan/versions/versions.module.css';
import { getDb } from '@/db/client';
import { canManage } from '@/lib/policy';
import { requireUser } from '@/server/auth/session';
import { loadPlanForMember } from '@/server/plans/access';
import { versionsOfPlan } from '@/server/plans/versions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Versies van het plan' };

/** The plan's versions with who signed each; the casusregisseur records new ones here. */
export default async function VersionsPage({ params }: { params: Promise<{ planId: string }> }) {
  const user = await requireUser();
  const { planId } = await params;
  const loaded = await loadPlanForMember({ planId, userId: user.id });
  if (!loaded) notFound();
  const t = await getTranslations('versions');
  const format = await getFormatter();
  const versions = await versionsOfPlan(getDb(), { planId, userId: user.id });
  return (
    <article className={styles.page} aria-labelledby="versions-title">
      <Paragraph>
        <NextLink href={`/plannen/${planId}`} className={styles.back}>
          ← {t('back')}
        </NextLink>
      </Paragraph>
      <Heading level={1} id="versions-title">
        {t('title')} — {loaded.plan.householdName}
      </Heading>
      <p className={styles.intro}>{t('intro')}</p>
      {canManage(loaded.member) && <CreateVersionForm planId={planId} />}
      {versions.length === 0 ? (
        <p className={styles.meta}>{t('none')}</p>
      ) : (
        <ul className={styles.list}>
          {versions.map((v) => (
            <li key={v.id} className={styles.panel} data-testid="version-item">
              <h2 className={styles.title}>
                <NextLink href={`/plannen/${planId}/versies/${v.id}`} className="utrecht-link" aria-label={t('view', { name: v.name })}>
                  {v.name}
                </NextLink>
              </h2>
              <p className={styles.meta}>{t('createdBy', { name: v.createdByName ?? '', date: format.dateTime(v.createdAt, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }) })}</p>
              <SignatureList signatures={v.signatures} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
