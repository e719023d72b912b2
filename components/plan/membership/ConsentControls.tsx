'use client';
/**
 * A parent's or young person's answer to one consent question ("Ja" / "Nee, nu niet"), and withdrawing consent
 * given earlier (after a confirmation, since it closes the other person's open plan at once).
 */
import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { messageOf, postJson } from '@/components/api/client';
import { useSubmit } from '@/components/api/useSubmit';
import type { ConsentDecisionResponse } from '@/lib/api/membership';
import type { ConsentAction } from '@/lib/membership-input';
import styles from './membership.module.css';

function useDecide(planId: string, memberId: string) {
  const t = useTranslations('consent');
  const router = useRouter();
  const [chosen, setChosen] = useState<ConsentAction | null>(null);
  const [leaving, setLeaving] = useState(false);
  const call = useCallback(
    (decision: ConsentAction) => postJson<ConsentDecisionResponse>(`/api/plans/${planId}/consent`, { memberId, decision }),
    [planId, memberId],
  );
  const { submit, busy, error } = useSubmit(call);
  async function decide(decision: ConsentAction) {
    setChosen(decision);
    const result = await submit(decision);
    if (!result.ok) return;
    // The page says what happened (?klaar=…), so the message survives this item leaving the list.
    setLeaving(true);
    router.replace(`/plannen/${planId}/toestemming?klaar=${decision}`);
    router.refresh();
  }
  return { decide, busy: busy || leaving ? chosen : null, error: error ? messageOf(error, { failed: t('failed') }) : null };
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
        <Button
          type="button"
          appearance="primary-action-button"
          disabled={busy !== null}
          aria-busy={busy === 'give'}
          onClick={() => void decide('give')}
          aria-label={`${t('yes')}: ${who}`}
        >
          {busy === 'give' ? t('busy') : t('yes')}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          disabled={busy !== null}
          aria-busy={busy === 'refuse'}
          onClick={() => void decide('refuse')}
          aria-label={`${t('no')}: ${who}`}
        >
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
            <Button
              type="button"
              appearance="primary-action-button"
              hint="danger"
              disabled={busy !== null}
              aria-busy={busy !== null}
              onClick={() => void decide('withdraw')}
              autoFocus
            >
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
