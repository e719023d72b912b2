'use client';
/**
 * Choosing a score and saving it: a row of numbered radio buttons (arrow keys move, like any radio group) and a
 * save button, so a score is given on purpose — a rating is stored for good and never overwritten. The result is
 * said in words (saved, offline, refused) and the choice is kept when saving fails.
 */
import { Button } from '@utrecht/component-library-react';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { messageOf } from '@/components/api/client';
import { useSubmit } from '@/components/api/useSubmit';
import styles from './goals.module.css';
import type { AddResult } from './useRatings';

export interface RatingControlProps {
  legend: string;
  min: number;
  max: number;
  saveLabel: string;
  onSave: (value: number) => Promise<AddResult>;
  testId?: string;
}

export function RatingControl({ legend, min, max, saveLabel, onSave, testId }: RatingControlProps) {
  const t = useTranslations('goals.rating');
  const name = useId();
  const [value, setValue] = useState<number | null>(null);
  const { submit, busy, error, clearError } = useSubmit(onSave);
  // What this control says itself (saved, pick a score first); a refusal comes from the server through `error`.
  const [note, setNote] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const message = error ? { tone: 'error', text: messageOf(error, { offline: t('offline') }) } : note;
  const scores = Array.from({ length: max - min + 1 }, (_, i) => min + i);

  const save = async () => {
    if (value === null) {
      clearError();
      setNote({ tone: 'error', text: t('pickFirst') });
      return;
    }
    setNote(null);
    const result = await submit(value);
    if (result.ok) {
      setNote({ tone: 'ok', text: t('saved', { value }) });
      setValue(null);
    }
  };

  return (
    <fieldset className={styles.rating} data-testid={testId}>
      <legend className={styles.ratingLegend}>{legend}</legend>
      <div className={styles.scale}>
        {scores.map((score) => (
          <label key={score} className={styles.score} data-checked={value === score ? 'true' : undefined}>
            <input
              type="radio"
              name={name}
              value={score}
              checked={value === score}
              onChange={() => {
                setValue(score);
                setNote(null);
                clearError();
              }}
              className={styles.scoreInput}
            />
            <span>{score}</span>
          </label>
        ))}
      </div>
      <div className={styles.ratingRow}>
        <Button
          type="button"
          appearance="secondary-action-button"
          onClick={() => void save()}
          disabled={busy}
          data-testid={testId ? `${testId}-save` : undefined}
        >
          {busy ? t('saving') : saveLabel}
        </Button>
        <p role="status" className={message?.tone === 'error' ? styles.errorText : styles.okText}>
          {message?.text ?? ''}
        </p>
      </div>
    </fieldset>
  );
}
