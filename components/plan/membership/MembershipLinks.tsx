import { Alert, Paragraph } from '@utrecht/component-library-react';
import NextLink from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { MembershipLinksData } from '@/lib/api/membership';
import styles from './membership.module.css';

/**
 * On the plan page: "Leden en regie" for the casusregisseur; "Toestemming" for parents with gezag and young people
 * of 12+, with a notice when a consent question waits for them. The page computes `links` on the server
 * (server/plans/membership/links.ts).
 */
export async function MembershipLinks({ planId, links }: { planId: string; links: MembershipLinksData }) {
  const t = await getTranslations('membership');
  const { manages, consent } = links;
  if (!manages && !consent?.decides) return null;
  return (
    <div className={styles.notice}>
      {consent && consent.pending > 0 && (
        <Alert type="warning" data-testid="consent-pending">
          <Paragraph>
            {t('pendingNotice', { count: consent.pending })}{' '}
            <NextLink href={`/plannen/${planId}/toestemming`} className="utrecht-link">
              {t('pendingAction')}
            </NextLink>
          </Paragraph>
        </Alert>
      )}
      <p className={styles.links}>
        {manages && (
          <NextLink href={`/plannen/${planId}/leden`} className="utrecht-link" data-testid="members-link">
            {t('membersLink')}
          </NextLink>
        )}
        {consent?.decides && (
          <NextLink href={`/plannen/${planId}/toestemming`} className="utrecht-link" data-testid="consent-link">
            {t('consentLink')}
          </NextLink>
        )}
      </p>
    </div>
  );
}
