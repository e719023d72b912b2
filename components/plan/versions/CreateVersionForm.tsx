'use client';
/** The casusregisseur records the plan as it is stored now, under a name, for everyone to sign. */
import { Button } from '@utrecht/component-library-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type FormEvent, useId, useState } from 'react';
import { messageOf, postJson } from '@/components/api/client';
import { useSubmit } from '@/components/api/useSubmit';
import type { VersionCreated } from '@/lib/api/versions';
import styles from './versions.module.css';

const create = (planId: string, name: string) => postJson<VersionCreated>(`/api/plans/${planId}/versions`, { name });

export function CreateVersionForm({ planId }: { planId: string }) {
  const t = useTranslations('versions');
  const router = useRouter();
  const id = useId();
  const [name, setName] = useState('');
  const [created, setCreated] = useState(false);
  const { submit: send, busy, error } = useSubmit(create);
  const feedback = error
    ? { kind: 'error' as const, text: messageOf(error, { offline: t('createError'), failed: t('createError') }) }
    : created
      ? { kind: 'ok' as const, text: t('created') }
      : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setCreated(false);
    const result = await send(planId, name);
    if (!result.ok) return;
    setName('');
    setCreated(true);
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
