import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { Metadata } from 'next';
import NextLink from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AcceptInvitation, InvitationSignIn, membershipStyles as styles } from '@/components/plan/membership';
import { currentUser } from '@/server/auth/session';
import { serviceContext } from '@/server/context';
import { invitationPage } from '@/server/pages/membership';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Uitnodiging' };

/**
 * An invitation: who invites you to which family's plan in which role. Not signed in: a magic link to the invited
 * address that comes back here. Signed in as the invited person: "Accepteren". Works without a session, because
 * the token itself is the secret that reached the invited mailbox.
 */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('invitation');
  const tRoles = await getTranslations('roles');
  const format = await getFormatter();
  const session = await currentUser();
  const { invitation, accountEmail } = await invitationPage(serviceContext(), { token, userId: session?.id ?? null });

  if (!invitation || invitation.state !== 'open') {
    const key = invitation ? invitation.state : 'notFound';
    return (
      <section aria-labelledby="invitation-title" className={styles.page}>
        <Heading level={1} id="invitation-title">
          {t(`${key}Title`)}
        </Heading>
        <Paragraph>{t(`${key}Body`)}</Paragraph>
        <Paragraph>
          <NextLink href="/plannen" className="utrecht-link">
            {t('toPlans')}
          </NextLink>
        </Paragraph>
      </section>
    );
  }

  const role = tRoles(invitation.role);
  return (
    <section aria-labelledby="invitation-title" className={styles.page} data-testid="invitation">
      <Heading level={1} id="invitation-title">
        {t('title')}
      </Heading>
      <div className={styles.card}>
        <Paragraph>
          {invitation.inviterOrganisation
            ? t('whoWithOrg', { inviter: invitation.inviterName ?? '', organisation: invitation.inviterOrganisation, household: invitation.householdName })
            : t('who', { inviter: invitation.inviterName ?? '', household: invitation.householdName })}
        </Paragraph>
        <Paragraph>{invitation.organisationName ? t('roleWithOrg', { role, organisation: invitation.organisationName }) : t('role', { role })}</Paragraph>
        {invitation.needsConsent && <Paragraph>{t('consentNote')}</Paragraph>}
        <p className={styles.muted}>{t('expires', { date: format.dateTime(invitation.expiresAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>
      </div>
      {!accountEmail ? (
        <div className={styles.block}>
          <Paragraph>{t('signInFirst', { email: invitation.email })}</Paragraph>
          <InvitationSignIn email={invitation.email} token={token} />
        </div>
      ) : accountEmail.toLowerCase() !== invitation.email.toLowerCase() ? (
        <Paragraph>{t('otherAccount', { you: accountEmail, email: invitation.email })}</Paragraph>
      ) : (
        <AcceptInvitation token={token} />
      )}
    </section>
  );
}
