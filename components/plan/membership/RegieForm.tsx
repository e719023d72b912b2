'use client';
/** Appoint a casus- or procesregisseur among the active professionals, always with a reason (kept as history). */
import { Alert, Button, Fieldset, FieldsetLegend, Paragraph, Select, Textarea } from '@utrecht/component-library-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, useCallback, useId, useState } from 'react';
import { messagesOf, postJson } from '@/components/api/client';
import { useSubmit } from '@/components/api/useSubmit';
import type { RegieChangeResponse } from '@/lib/api/membership';
import styles from './membership.module.css';
import { Field, FormErrors, Options } from '@/components/ui/Field';

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
      {errors.length > 0 && <FormErrors id={`${id}-errors`} intro={t('fixThis')} errors={errors} role="alert" />}
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
      <Field className={styles.field} htmlFor={`${id}-who`} label={t('regiePerson')}>
        <Select id={`${id}-who`} value={userId} onChange={(e) => setUserId(e.target.value)}>
          <Options empty={t('regieChoose')} options={candidates.map((c) => ({ value: c.userId, label: c.label }))} />
        </Select>
      </Field>
      <Field className={styles.field} htmlFor={`${id}-reason`} label={t('regieReason')}>
        <Textarea id={`${id}-reason`} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div>
        <Button type="submit" appearance="primary-action-button" disabled={busy} aria-busy={busy}>
          {busy ? t('busy') : t('regieSubmit')}
        </Button>
      </div>
    </form>
  );
}
