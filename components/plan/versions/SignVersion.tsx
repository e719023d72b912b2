'use client';
/** "Plan vaststellen": signs the version shown, sending the hash the signer saw so a different version is refused. */
import { Button } from '@utrecht/component-library-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { postJson } from './api';
import styles from './versions.module.css';

export function SignVersion({ planId, versionId, hash }: { planId: string; versionId: string; hash: string }) {
  const t = useTranslations('versions');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sign = async () => {
    setBusy(true);
    setError(null);
    const res = await postJson(`/api/plans/${planId}/versions/${versionId}/sign`, { hash });
    setBusy(false);
    if (!res.ok) {
      setError(res.error ?? t('signError'));
      return;
    }
    router.refresh();
  };
  return (
    <div className={styles.form}>
      <p className={styles.help}>{t('signHelp')}</p>
      <div>
        <Button appearance="primary-action-button" onClick={sign} disabled={busy} data-testid="version-sign">
          {t('sign')}
        </Button>
      </div>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
