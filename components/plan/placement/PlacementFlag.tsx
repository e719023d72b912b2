'use client';
/**
 * The casusregisseur reports (or lifts) a threatened out-of-home placement, with a reason: an early trigger for the
 * doorbraaktafel. Every professional in the plan then sees it as a signal on their overzicht. The history stays.
 */
import { Button } from '@utrecht/component-library-react';
import { useTranslations } from 'next-intl';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { api, messageOf, postJson } from '@/components/api/client';
import { useSubmit } from '@/components/api/useSubmit';
import type { PlacementState } from '@/lib/api/overzicht';
import styles from './placement.module.css';

const save = (planId: string, threatened: boolean, reason: string) => postJson<PlacementState>(`/api/plans/${planId}/placement`, { threatened, reason });

export function PlacementFlag({ planId }: { planId: string }) {
  const t = useTranslations('signals.flag');
  const id = useId();
  const [state, setState] = useState<PlacementState | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [reason, setReason] = useState('');
  const { submit, busy, error } = useSubmit(save, (next: PlacementState) => {
    setState(next);
    setReason('');
  });

  const load = useCallback(async () => {
    const result = await api<PlacementState>(`/api/plans/${planId}/placement`);
    if (result.ok) setState(result.data);
    setLoadFailed(!result.ok);
  }, [planId]);

  useEffect(() => {
    void load(); // eslint-disable-line react-hooks/set-state-in-effect -- first load of server data
  }, [load]);

  const send = (threatened: boolean) => async (e?: FormEvent) => {
    e?.preventDefault();
    // The reason stays in the field on a refusal: nothing typed is lost.
    await submit(planId, threatened, reason);
  };

  return (
    <details className={styles.control} data-testid="placement-flag">
      <summary>
        {t('title')}
        {state?.threatened && <span className={styles.on}> — {t('stateOn')}</span>}
      </summary>
      {!state && !loadFailed && <p className={styles.help}>{t('loading')}</p>}
      {loadFailed && (
        <p className={styles.error} role="alert">
          {t('loadFailed')}
        </p>
      )}
      {state && (
        <form className={styles.form} onSubmit={send(!state.threatened)}>
          <p className={state.threatened ? styles.current : styles.help} data-testid="placement-state">
            {state.threatened ? t('on', { reason: state.reason ?? '' }) : t('off')}
            {state.since && <> {t('since', { date: new Date(state.since), by: state.by ?? 'none' })}</>}
          </p>
          <p className={styles.help}>{t('intro')}</p>
          <label htmlFor={`${id}-reason`} className={styles.label}>
            {t('reason')}
          </label>
          <p id={`${id}-hint`} className={styles.help}>
            {t('reasonHint')}
          </p>
          <textarea
            id={`${id}-reason`}
            className={styles.input}
            rows={3}
            maxLength={1000}
            aria-describedby={`${id}-hint`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="placement-reason"
          />
          <div className={styles.buttons}>
            {state.threatened ? (
              <>
                <Button type="button" appearance="secondary-action-button" disabled={busy} onClick={() => void send(true)()} data-testid="placement-update">
                  {busy ? t('saving') : t('set')}
                </Button>
                <Button type="submit" appearance="primary-action-button" disabled={busy} data-testid="placement-lift">
                  {busy ? t('saving') : t('lift')}
                </Button>
              </>
            ) : (
              <Button type="submit" appearance="primary-action-button" disabled={busy} data-testid="placement-set">
                {busy ? t('saving') : t('set')}
              </Button>
            )}
          </div>
          {error && (
            <p className={styles.error} role="alert" data-testid="placement-error">
              {messageOf(error)}
            </p>
          )}
          {state.history.length > 0 && (
            <details className={styles.history}>
              <summary>{t('history')}</summary>
              <ul>
                {state.history.map((h) => (
                  <li key={`${h.at}-${h.threatened}`}>
                    {t('historyItem', { date: new Date(h.at), state: h.threatened ? t('stateOn') : t('stateOff'), by: h.by ?? '—', reason: h.reason })}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </form>
      )}
    </details>
  );
}
