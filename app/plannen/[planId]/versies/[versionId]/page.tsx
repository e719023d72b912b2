import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import NextLink from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { SignatureList } from '@/components/plan/versions/SignatureList';
import { SignVersion } from '@/components/plan/versions/SignVersion';
import { VersionSections } from '@/components/plan/versions/VersionSections';
import styles from '@/components/plan/versions/versions.module.css';
import { getDb } from '@/db/client';
import { requireUser } from '@/server/auth/session';
import { loadPlanForMember } from '@/server/plans/access';
import { PlanRefusal } from '@/server/plans/refusal';
import { viewVersion } from '@/server/plans/versions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Versie van het plan' };

/** One version, read-only, with only the sections the viewer may see now; the family and professionals sign here. */
export default async function VersionPage({ params }: { params: Promise<{ planId: string; versionId: string }> }) {
  const user = await requireUser();
  const { planId, versionId } = await params;
  const loaded = await loadPlanForMember({ planId, userId: user.id });
  if (!loaded) notFound();
  const h = await headers();
  const version = await viewVersion(getDb(), {
    planId,
    versionId,
    userId: user.id,
    via: { accessPoint: h.get('x-forwarded-for')?.split(',')[0]?.trim() ?? 'local', client: h.get('user-agent') },
  }).catch((err: unknown) => {
    if (err instanceof PlanRefusal && err.kind === 'not_found') notFound();
    throw err;
  });
  const t = await getTranslations('versions');
  const format = await getFormatter();
  const date = format.dateTime(version.createdAt, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return (
    <article className={styles.page} aria-labelledby="version-title">
      <Paragraph>
        <NextLink href={`/plannen/${planId}/versies`} className={styles.back}>
          ← {t('backToVersions')}
        </NextLink>
      </Paragraph>
      <Heading level={1} id="version-title">
        {version.name}
      </Heading>
      <p className={styles.meta}>{loaded.plan.householdName}</p>
      <p className={styles.readOnly}>{t('readOnly', { date })}</p>
      <section className={styles.panel} aria-label={t('signatures')}>
        <SignatureList signatures={version.signatures} testId="version-signatures" />
        {version.signed && <p className={styles.ok}>{t('signed')}</p>}
        {version.maySign && !version.signed && <SignVersion planId={planId} versionId={version.id} hash={version.hash} />}
        <p className={styles.hash}>
          {t('hash')}: <span data-testid="version-hash">{version.hash}</span>
        </p>
      </section>
      <VersionSections planId={planId} sections={version.sections} />
    </article>
  );
}
