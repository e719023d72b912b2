import { Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { getTranslations } from 'next-intl/server';
import { getConfig } from '@/server/config';

export default async function CheckMailPage() {
  const t = await getTranslations('signIn');
  return (
    <section>
      <Heading level={1}>{t('checkMailTitle')}</Heading>
      <Paragraph>{t('checkMailBody')}</Paragraph>
      {getConfig().demo && (
        <Paragraph>
          <Link href="/outbox">{t('outbox')}</Link>
        </Paragraph>
      )}
      <Paragraph>
        <Link href="/inloggen">{t('checkMailBack')}</Link>
      </Paragraph>
    </section>
  );
}
