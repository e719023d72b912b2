'use client';
/** Appoint a casus- or procesregisseur among the active professionals, always with a reason (kept as history). */
import { Alert, Button, Fieldset, FieldsetLegend, Paragraph, Select, SelectOption, Textarea } from '@utrecht/component-library-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, useCallback, useId, useState } from 'react';
import { messagesOf, postJson } from '@/components/api/client';
import { useSubmit } from '@/components/api/useSubmit';
import type { RegieChangeResponse } from '@/lib/api/membership';
import styles from './membership.module.css';

export function RegieForm({ planId, candidates }: { planId: string; candidates: { userId: string; label: string }[] }) {
  const t = useTranslations('members');
  const router = useRouter();
  const id = useId();
  const [kind, setKind] = useState<'casusregie' | 'procesregie'>('casusregie');
  const [userId, setUserId] = useState('');
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState(false);
  const send = useCallback((body: unknown) => postJson<RegieChangeResponse>(`/api/plans/${planId}/regie`, body), [planId]);
  const { submit: post, busy, error } = useSubmit(send);
  const errors = error ? messagesOf(error, { failed: t('failed') }) : [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const result = await post({ kind, userId, reason });
    if (!result.ok) return;
    setSaved(true);
    setReason('');
    setUserId('');
    router.refresh();
  }

  return (
    <form onSubmit={submit} className={styles.form} noValidate aria-describedby={errors.length ? `${id}-errors` : undefined}>
      {errors.length > 0 && (
        <Alert type="error" id={`${id}-errors`} role="alert">
          <Paragraph>{t('fixThis')}</Paragraph>
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </Alert>
      )}
      {saved && (
        <Alert type="ok" role="status">
          <Paragraph>{t('regieSaved')}</Paragraph>
        </Alert>
      )}
      <Fieldset>
        <FieldsetLegend>{t('regieKind')}</FieldsetLegend>
        {(['casusregie', 'procesregie'] as const).map((k) => (
          <label key={k} className={styles.check}>
            <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
            <span>{t(`kind_${k}`)}</span>
          </label>
        ))}
      </Fieldset>
      {kind === 'casusregie' && <p className={styles.muted}>{t('regieHandoverNote')}</p>}
      <div className={styles.field}>
        <label htmlFor={`${id}-who`}>{t('regiePerson')}</label>
        <Select id={`${id}-who`} value={userId} onChange={(e) => setUserId(e.target.value)}>
          <SelectOption value="">{t('regieChoose')}</SelectOption>
          {candidates.map((c) => (
            <SelectOption key={c.userId} value={c.userId}>
              {c.label}
            </SelectOption>
          ))}
        </Select>
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-reason`}>{t('regieReason')}</label>
        <Textarea id={`${id}-reason`} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div>
        <Button type="submit" appearance="primary-action-button" disabled={busy} aria-busy={busy}>
          {busy ? t('busy') : t('regieSubmit')}
        </Button>
      </div>
    </form>
  );
}
