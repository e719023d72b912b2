import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { Metadata } from 'next';
import NextLink from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/server/auth/session';
import { serviceContext } from '@/server/context';
import { myPlansPage } from '@/server/pages/plans';
import { pageVia } from '@/server/pages/via';
import styles from './plans.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Mijn plannen' };

export default async function MyPlansPage() {
  const user = await requireUser();
  const t = await getTranslations('plans');
  const tRoles = await getTranslations('roles');
  const tStatus = await getTranslations('status');
  const tKader = await getTranslations('kader');
  const { plans, mayStart } = await myPlansPage(serviceContext(), { userId: user.id, via: await pageVia() });
  return (
    <section aria-labelledby="plans-title">
      <Heading level={1} id="plans-title">
        {t('title')}
      </Heading>
      <Paragraph>{plans.length > 0 ? t('intro') : t('empty')}</Paragraph>
      {mayStart && (
        <Paragraph>
          <NextLink href="/plannen/nieuw" className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action-button">
            {t('start')}
          </NextLink>
        </Paragraph>
      )}
      <ul className={styles.list} data-testid="my-plans">
        {plans.map((p) => (
          <li key={p.id} className={styles.card}>
            <NextLink href={`/plannen/${p.id}`} className={styles.link} aria-label={t('open', { name: p.householdName })}>
              <span className={styles.name}>{p.householdName}</span>
            </NextLink>
            <span className={styles.meta}>
              <span>{t('yourRole', { role: tRoles(p.role) })}</span>
              {p.isCasusregisseur && <span className={styles.badge}>{t('regisseur')}</span>}
            </span>
            <span className={styles.meta}>
              <span>{t('status', { status: tStatus(p.status) })}</span>
              <span>{t('kader', { kader: tKader(p.kader) })}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
