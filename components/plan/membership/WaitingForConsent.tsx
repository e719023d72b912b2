import { Heading, Paragraph } from '@utrecht/component-library-react';
import NextLink from 'next/link';
import { getTranslations } from 'next-intl/server';
import styles from './membership.module.css';

/** What a professional sees of a plan while the family has not decided yet: the family's name and nothing else. */
export async function WaitingForConsent({ householdName }: { householdName: string }) {
  const t = await getTranslations('membership');
  return (
    <section aria-labelledby="waiting-title" className={styles.page} data-testid="waiting-for-consent">
      <Heading level={1} id="waiting-title">
        {t('waitingTitle')}
      </Heading>
      <Paragraph>{t('waitingBody', { household: householdName })}</Paragraph>
      <Paragraph>{t('waitingNext')}</Paragraph>
      <Paragraph>
        <NextLink href="/plannen" className="utrecht-link">
          {t('waitingBack')}
        </NextLink>
      </Paragraph>
    </section>
  );
}
