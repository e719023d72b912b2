'use client';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import styles from './SignIn.module.css';

export interface DemoPersonButton {
  email: string;
  name: string;
  roleLabel: string;
}

/** One button per demo person; only rendered in demo mode. */
export function DemoSignIn({ people }: { people: DemoPersonButton[] }) {
  const t = useTranslations('signIn');
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  return (
    <>
      <ul className={styles.demoList}>
        {people.map((p) => (
          <li key={p.email}>
            <Button
              type="button"
              appearance="secondary-action-button"
              className={styles.demoButton}
              disabled={busy !== null}
              aria-busy={busy === p.email}
              onClick={async () => {
                setBusy(p.email);
                setFailed(false);
                const result = await signIn('demo', { email: p.email, redirect: false, callbackUrl: '/' });
                if (result?.ok && !result.error) {
                  router.replace('/');
                  router.refresh();
                } else {
                  setFailed(true);
                  setBusy(null);
                }
              }}
            >
              {t('demoButton', { name: p.name, role: p.roleLabel })}
            </Button>
          </li>
        ))}
      </ul>
      {failed && <Paragraph role="alert">{t('failed')}</Paragraph>}
    </>
  );
}
