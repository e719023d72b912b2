'use client';
/** The casusregisseur records the plan as it is stored now, under a name, for everyone to sign. */
import { Button } from '@utrecht/component-library-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type FormEvent, useId, useState } from 'react';
import { postJson } from './api';
import styles from './versions.module.css';

export function CreateVersionForm({ planId }: { planId: string }) {
  const t = useTranslations('versions');
  const router = useRouter();
  const id = useId();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFeedback(null);
    const res = await postJson(`/api/plans/${planId}/versions`, { name });
    setBusy(false);
    if (!res.ok) {
      setFeedback({ kind: 'error', text: res.error ?? t('createError') });
      return;
    }
    setName('');
    setFeedback({ kind: 'ok', text: t('created') });
    router.refresh();
  };
  return (
    <section className={styles.panel} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={styles.title}>
        {t('create')}
      </h2>
      <form className={styles.form} onSubmit={submit}>
        <p className={styles.help}>{t('createHelp')}</p>
        <label htmlFor={`${id}-name`} className={styles.label}>
          {t('name')}
        </label>
        <input
          id={`${id}-name`}
          className={styles.input}
          value={name}
          maxLength={120}
          required
          placeholder={t('namePlaceholder')}
          onChange={(e) => setName(e.target.value)}
          data-testid="version-name"
        />
        <div>
          <Button type="submit" appearance="primary-action-button" disabled={busy || !name.trim()} data-testid="version-create">
            {t('submit')}
          </Button>
        </div>
        {feedback && (
          <p className={feedback.kind === 'error' ? styles.error : styles.ok} role={feedback.kind === 'error' ? 'alert' : 'status'}>
            {feedback.text}
          </p>
        )}
      </form>
    </section>
  );
}
