import { Alert, Paragraph } from '@utrecht/component-library-react';
import NextLink from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { LoadedMember } from '@/db/queries/members';
import { getDb } from '@/db/client';
import { canManage } from '@/lib/policy';
import { pendingConsentCount } from '@/server/plans/membership';
import styles from './membership.module.css';

/**
 * On the plan page: "Leden en regie" for the casusregisseur; "Toestemming" for parents with gezag and young people
 * of 12+, with a notice when a consent question waits for them.
 */
export async function MembershipLinks({ planId, member }: { planId: string; member: LoadedMember }) {
  const t = await getTranslations('membership');
  const manages = canManage(member);
  const consent = member.role === 'ouder' || member.role === 'jeugdige' ? await pendingConsentCount({ db: getDb() }, { planId, userId: member.userId }) : null;
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
