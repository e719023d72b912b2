'use client';
/** "Plan vaststellen": signs the version shown, sending the hash the signer saw so a different version is refused. */
import { Button } from '@utrecht/component-library-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { messageOf, postJson } from '@/components/api/client';
import { useSubmit } from '@/components/api/useSubmit';
import type { VersionSigned } from '@/lib/api/versions';
import styles from './versions.module.css';

const signWith = (planId: string, versionId: string, hash: string) => postJson<VersionSigned>(`/api/plans/${planId}/versions/${versionId}/sign`, { hash });

export function SignVersion({ planId, versionId, hash }: { planId: string; versionId: string; hash: string }) {
  const t = useTranslations('versions');
  const router = useRouter();
  const { submit, busy, error } = useSubmit(signWith);
  const sign = async () => {
    const result = await submit(planId, versionId, hash);
    if (result.ok) router.refresh();
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
          {messageOf(error, { offline: t('signError'), failed: t('signError') })}
        </p>
      )}
    </div>
  );
}
