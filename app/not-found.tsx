import { Heading, Paragraph } from '@utrecht/component-library-react';
import NextLink from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <section>
      <Heading level={1}>{t('notFoundTitle')}</Heading>
      <Paragraph>{t('notFoundBody')}</Paragraph>
      <Paragraph>
        <NextLink href="/plannen">{t('home')}</NextLink>
      </Paragraph>
    </section>
  );
}
