'use client';
/** "Uit het plan halen", confirmed in place: it ends the membership and closes the person's open sections at once. */
import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { api, messageOf } from '@/components/api/client';
import { useSubmit } from '@/components/api/useSubmit';
import type { RemoveMemberResponse } from '@/lib/api/membership';
import styles from './membership.module.css';

export function RemoveMember({ planId, memberId, name }: { planId: string; memberId: string; name: string }) {
  const t = useTranslations('members');
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const call = useCallback(() => api<RemoveMemberResponse>(`/api/plans/${planId}/members/${memberId}`, { method: 'DELETE' }), [planId, memberId]);
  const removed = useCallback(() => {
    setConfirming(false);
    router.refresh();
  }, [router]);
  const { submit: remove, busy, error } = useSubmit(call, removed);

  return (
    <div className={styles.notice}>
      {error && (
        <Alert type="error" role="alert">
          <Paragraph>{messageOf(error, { failed: t('failed') })}</Paragraph>
        </Alert>
      )}
      {confirming ? (
        <div role="group" aria-label={t('removeLabel', { name })} className={styles.notice}>
          <Paragraph>{t('removeConfirm', { name })}</Paragraph>
          <ButtonGroup>
            <Button type="button" appearance="primary-action-button" hint="danger" disabled={busy} aria-busy={busy} onClick={() => void remove()} autoFocus>
              {busy ? t('busy') : t('removeYes')}
            </Button>
            <Button type="button" appearance="secondary-action-button" disabled={busy} onClick={() => setConfirming(false)}>
              {t('cancel')}
            </Button>
          </ButtonGroup>
        </div>
      ) : (
        <Button type="button" appearance="subtle-button" onClick={() => setConfirming(true)} aria-label={t('removeLabel', { name })}>
          {t('remove')}
        </Button>
      )}
    </div>
  );
}
