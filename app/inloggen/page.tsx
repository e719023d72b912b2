import { Alert, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DemoSignIn } from '@/components/auth/DemoSignIn';
import { EmailSignInForm } from '@/components/auth/EmailSignInForm';
import { OidcSignIn } from '@/components/auth/OidcSignIn';
import styles from '@/components/auth/SignIn.module.css';
import { currentUser } from '@/server/auth/session';
import { getConfig } from '@/server/config';
import { serviceContext } from '@/server/context';
import { demoPeople as loadDemoPeople } from '@/server/pages/demo';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Inloggen' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  if (await currentUser()) redirect('/');
  const t = await getTranslations('signIn');
  const tRoles = await getTranslations('roles');
  const config = getConfig();
  const { error } = await searchParams;
  const demoPeople = (await loadDemoPeople(serviceContext())) ?? [];
  const roleLabel = (p: (typeof demoPeople)[number]) => {
    const roles = [...new Set(p.plans.map((pl) => pl.role))];
    if (roles.length > 0) return roles.map((r) => tRoles(r as 'ouder')).join(', ');
    return t('demoNoPlan');
  };
  return (
    <div className={styles.layout}>
      <section className={styles.card} aria-labelledby="signin-title">
        <Heading level={1} id="signin-title">
          {t('title')}
        </Heading>
        <Paragraph>{t('intro')}</Paragraph>
        {error && (
          <Alert type="error">
            <Paragraph>{error === 'oidc_required' ? t('oidcRequired') : t('failed')}</Paragraph>
          </Alert>
        )}
        <EmailSignInForm />
        {config.oidc && <OidcSignIn label={t('oidc')} />}
      </section>
      {config.demo && (
        <section className={styles.card} aria-labelledby="demo-title">
          <Heading level={2} id="demo-title">
            {t('demoTitle')}
          </Heading>
          <Paragraph>{t('demoIntro')}</Paragraph>
          <DemoSignIn people={demoPeople.map((p) => ({ email: p.email, name: p.name, roleLabel: roleLabel(p) }))} />
          <Paragraph>
            <Link href="/outbox">{t('outbox')}</Link>
          </Paragraph>
        </section>
      )}
    </div>
  );
}
