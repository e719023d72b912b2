'use client';
/**
 * A parent's or young person's answer to one consent question ("Ja" / "Nee, nu niet"), and withdrawing consent
 * given earlier (after a confirmation, since it closes the other person's open plan at once).
 */
import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ConsentAction } from '@/lib/membership-input';
import { callApi } from './api';
import styles from './membership.module.css';

function useDecide(planId: string, memberId: string) {
  const t = useTranslations('consent');
  const router = useRouter();
  const [busy, setBusy] = useState<ConsentAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function decide(decision: ConsentAction) {
    setBusy(decision);
    setError(null);
    const result = await callApi(`/api/plans/${planId}/consent`, 'POST', { memberId, decision });
    if (result.ok) {
      // The page says what happened (?klaar=…), so the message survives this item leaving the list.
      router.replace(`/plannen/${planId}/toestemming?klaar=${decision}`);
      router.refresh();
      return;
    }
    setError(result.body.error ?? t('failed'));
    setBusy(null);
  }
  return { decide, busy, error };
}

/** "Ja" and "Nee, nu niet" for a pending request. */
export function ConsentAnswer({ planId, memberId, who }: { planId: string; memberId: string; who: string }) {
  const t = useTranslations('consent');
  const { decide, busy, error } = useDecide(planId, memberId);
  return (
    <div className={styles.notice}>
      {error && (
        <Alert type="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" disabled={busy !== null} aria-busy={busy === 'give'} onClick={() => void decide('give')} aria-label={`${t('yes')}: ${who}`}>
          {busy === 'give' ? t('busy') : t('yes')}
        </Button>
        <Button type="button" appearance="secondary-action-button" disabled={busy !== null} aria-busy={busy === 'refuse'} onClick={() => void decide('refuse')} aria-label={`${t('no')}: ${who}`}>
          {busy === 'refuse' ? t('busy') : t('no')}
        </Button>
      </ButtonGroup>
    </div>
  );
}

/** "Toestemming intrekken", confirmed in place. */
export function WithdrawConsent({ planId, memberId, who, name }: { planId: string; memberId: string; who: string; name: string }) {
  const t = useTranslations('consent');
  const { decide, busy, error } = useDecide(planId, memberId);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className={styles.notice}>
      {error && (
        <Alert type="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      {confirming ? (
        <div role="group" aria-label={t('withdrawLabel', { who })} className={styles.notice}>
          <Paragraph>{t('withdrawConfirm', { name })}</Paragraph>
          <ButtonGroup>
            <Button type="button" appearance="primary-action-button" hint="danger" disabled={busy !== null} aria-busy={busy !== null} onClick={() => void decide('withdraw')} autoFocus>
              {busy ? t('busy') : t('withdrawYes')}
            </Button>
            <Button type="button" appearance="secondary-action-button" disabled={busy !== null} onClick={() => setConfirming(false)}>
              {t('cancel')}
            </Button>
          </ButtonGroup>
        </div>
      ) : (
        <Button type="button" appearance="secondary-action-button" onClick={() => setConfirming(true)} aria-label={t('withdrawLabel', { who })}>
          {t('withdraw')}
        </Button>
      )}
    </div>
  );
}
