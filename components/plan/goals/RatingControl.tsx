'use client';
/**
 * Choosing a score and saving it: a row of numbered radio buttons (arrow keys move, like any radio group) and a
 * save button, so a score is given on purpose — a rating is stored for good and never overwritten. The result is
 * said in words (saved, offline, refused) and the choice is kept when saving fails.
 */
import { Button } from '@utrecht/component-library-react';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
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
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const scores = Array.from({ length: max - min + 1 }, (_, i) => min + i);

  const save = async () => {
    if (value === null) {
      setMessage({ tone: 'error', text: t('pickFirst') });
      return;
    }
    setBusy(true);
    const result = await onSave(value);
    setBusy(false);
    if (result === null) {
      setMessage({ tone: 'ok', text: t('saved', { value }) });
      setValue(null);
    } else {
      setMessage({ tone: 'error', text: result === 'offline' ? t('offline') : result.error });
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
                setMessage(null);
              }}
              className={styles.scoreInput}
            />
            <span>{score}</span>
          </label>
        ))}
      </div>
      <div className={styles.ratingRow}>
        <Button type="button" appearance="secondary-action-button" onClick={() => void save()} disabled={busy} data-testid={testId ? `${testId}-save` : undefined}>
          {busy ? t('saving') : saveLabel}
        </Button>
        <p role="status" className={message?.tone === 'error' ? styles.errorText : styles.okText}>
          {message?.text ?? ''}
        </p>
      </div>
    </fieldset>
  );
}
