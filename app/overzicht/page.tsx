import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { Metadata } from 'next';
import NextLink from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { filtersFrom, OverzichtBoard, overzichtStyles as styles } from '@/components/dashboard';
import { requireUser } from '@/server/auth/session';
import { serviceContext } from '@/server/context';
import { readerLocale } from '@/server/dashboard/locale';
import { overzichtPage } from '@/server/dashboard/overzicht';
import { pageVia } from '@/server/pages/via';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Overzicht' };

/**
 * The professional's landing page: every family they work with, most urgent first (server/dashboard/overzicht.ts).
 * Families, their network and the region's roles have no overzicht: 404.
 */
export default async function OverzichtPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const loaded = await overzichtPage(serviceContext(), { userId: user.id, via: await pageVia(), locale: await readerLocale() });
  if (!loaded) notFound();
  const t = await getTranslations('overzicht');
  const tPlans = await getTranslations('plans');
  return (
    <section aria-labelledby="overzicht-title" className={styles.page}>
      <div className={styles.top}>
        <Heading level={1} id="overzicht-title">
          {t('title')}
        </Heading>
        <p className={styles.links}>
          <NextLink href="/plannen" className="utrecht-link">
            {t('myPlans')}
          </NextLink>
          {loaded.mayStart && (
            <NextLink href="/plannen/nieuw" className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action-button">
              {tPlans('start')}
            </NextLink>
          )}
        </p>
      </div>
      <Paragraph>{t('intro')}</Paragraph>
      <OverzichtBoard initial={loaded.data} initialFilters={filtersFrom(await searchParams)} />
    </section>
  );
}
