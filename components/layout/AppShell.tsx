import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import styles from './AppShell.module.css';
import { LanguageSwitch } from './LanguageSwitch';
import { SignOutButton } from './SignOutButton';

export interface AppShellProps {
  /** The signed-in person, or null. */
  user: { name: string | null; email: string | null } | null;
  /** The server action that stores the language choice (app/actions/locale.ts). */
  switchLocale: (form: FormData) => Promise<void>;
  children: ReactNode;
}

/** Page chrome: skip link, header with the signed-in person, main landmark, footer. */
export async function AppShell({ user, switchLocale, children }: AppShellProps) {
  const t = await getTranslations('app');
  return (
    <>
      <a className={styles.skip} href="#inhoud">
        {t('skipToContent')}
      </a>
      <header className={styles.header}>
        <div className={styles.headerInner}>
          <Link href={user ? '/' : '/inloggen'} className={styles.brand}>
            {t('name')}
            <span className={styles.tagline}>{t('tagline')}</span>
          </Link>
          <div className={styles.tools}>
            {user && (
              <span className={styles.user} data-testid="signed-in-as">
                {t('signedInAs', { name: user.name ?? user.email ?? '' })}
              </span>
            )}
            <LanguageSwitch action={switchLocale} />
            {user && <SignOutButton />}
          </div>
        </div>
      </header>
      <main id="inhoud" className={styles.main} tabIndex={-1}>
        {children}
      </main>
      <footer className={styles.footer}>
        <div className={styles.footerInner}>{t('footer')}</div>
      </footer>
    </>
  );
}
