'use client';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';

/** Signs out and goes back to the sign-in page. */
export function SignOutButton() {
  const t = useTranslations('app');
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl: '/inloggen' })} data-testid="sign-out">
      {t('signOut')}
    </button>
  );
}
