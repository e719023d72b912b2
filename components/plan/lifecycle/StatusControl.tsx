'use client';
/**
 * The casusregisseur changes the plan's status. The server decides (Big Five rule, allowed transitions); this form
 * only offers the allowed next statuses and shows the server's own words when it refuses.
 */
import { Button } from '@utrecht/component-library-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type FormEvent, useId, useState } from 'react';
import { messageOf, postJson } from '@/components/api/client';
import { useSubmit } from '@/components/api/useSubmit';
import type { StatusChanged } from '@/lib/api/lifecycle';
import { TRANSITIONS } from '@/lib/lifecycle';
import type { PlanStatus } from '@/lib/roles';
import styles from './lifecycle.module.css';

type Feedback = { kind: 'error' | 'ok'; text: string } | null;

const change = (planId: string, to: PlanStatus, reason: string | undefined) => postJson<StatusChanged>(`/api/plans/${planId}/status`, { to, reason });

export function StatusControl({ planId, status }: { planId: string; status: PlanStatus }) {
  const t = useTranslations('lifecycle');
  const tStatus = useTranslations('status');
  const router = useRouter();
  const id = useId();
  const targets = TRANSITIONS[status];
  const [to, setTo] = useState<PlanStatus | ''>(targets[0] ?? '');
  const [reason, setReason] = useState('');
  const [changedTo, setChangedTo] = useState<PlanStatus | null>(null);
  const { submit: send, busy, error } = useSubmit(change);
  const feedback: Feedback = error
    ? { kind: 'error', text: messageOf(error, { offline: t('error'), failed: t('error') }) }
    : changedTo
      ? { kind: 'ok', text: t('changed', { status: tStatus(changedTo) }) }
      : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!to) return;
    setChangedTo(null);
    // The reason stays in the field on a refusal: nothing typed is lost.
    const result = await send(planId, to, reason.trim() || undefined);
    if (!result.ok) return;
    setChangedTo(to);
    setReason('');
    router.refresh();
  };

  return (
    <details className={styles.control} data-testid="status-control">
      <summary>{t('change')}</summary>
      {targets.length === 0 ? (
        <p className={styles.help}>{t('noTargets')}</p>
      ) : (
        <form className={styles.form} onSubmit={submit}>
          <p className={styles.help}>{t('intro')}</p>
          <label htmlFor={`${id}-to`} className={styles.label}>
            {t('to')}
          </label>
          <select id={`${id}-to`} className={styles.input} value={to} onChange={(e) => setTo(e.target.value as PlanStatus)} data-testid="status-to">
            {targets.map((s) => (
              <option key={s} value={s}>
                {tStatus(s)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-reason`} className={styles.label}>
            {t('reason')}
          </label>
          <textarea
            id={`${id}-reason`}
            className={styles.input}
            rows={3}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="status-reason"
          />
          <div>
            <Button type="submit" appearance="primary-action-button" disabled={busy} data-testid="status-submit">
              {t('submit')}
            </Button>
          </div>
          {feedback && (
            <p
              className={feedback.kind === 'error' ? styles.error : styles.ok}
              role={feedback.kind === 'error' ? 'alert' : 'status'}
              data-testid={`status-${feedback.kind}`}
            >
              {feedback.text}
            </p>
          )}
        </form>
      )}
    </details>
  );
}
