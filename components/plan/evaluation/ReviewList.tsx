'use client';
/** The periodic reviews, newest first: when, who wrote it down, and what came out of it (typed together live). */
import { Button } from '@utrecht/component-library-react';
import { useFormatter, useTranslations } from 'next-intl';
import * as Y from 'yjs';
import { YTextField } from '@/components/live/YTextField';
import { useYDeep } from '@/components/live/useY';
import { mapsOf, textOf } from '@/lib/shapes/common';
import { addReview, evaluationTypes } from '@/lib/shapes/evaluation';
import { DateField } from './DateField';
import styles from './evaluation.module.css';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function ReviewList({ doc, editable, userName }: { doc: Y.Doc; editable: boolean; userName: string }) {
  const t = useTranslations('evaluation');
  const format = useFormatter();
  const reviews = evaluationTypes(doc).reviews;
  useYDeep(reviews as unknown as Y.AbstractType<unknown>);
  const items = mapsOf(reviews).filter((m) => typeof m.get('id') === 'string');
  return (
    <section className={styles.block} aria-labelledby="evaluation-reviews">
      <h3 id="evaluation-reviews" className={styles.title}>
        {t('reviews')}
      </h3>
      {editable && (
        <div>
          <Button appearance="secondary-action-button" onClick={() => addReview(doc, { date: today(), by: userName })} data-testid="review-add">
            {t('addReview')}
          </Button>
        </div>
      )}
      {items.length === 0 && <p className={styles.muted}>{t('noReviews')}</p>}
      <ul className={styles.cards}>
        {items.map((m) => {
          const date = m.get('date');
          const by = m.get('by');
          const summary = m.get('summary');
          const heading =
            typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)
              ? t('reviewLabel', { date: format.dateTime(new Date(`${date}T12:00:00`), { day: 'numeric', month: 'long', year: 'numeric' }) })
              : t('reviewNoDate');
          return (
            <li key={m.get('id') as string} className={styles.card} data-testid="review">
              <h4 className={styles.cardTitle}>{heading}</h4>
              <div className={styles.row}>
                <DateField map={m} field="date" label={t('reviewDate')} editable={editable} />
                {by instanceof Y.Text ? <YTextField text={by} label={t('reviewBy')} editable={editable} maxLength={200} /> : <p>{textOf(by)}</p>}
              </div>
              {summary instanceof Y.Text ? (
                <YTextField text={summary} label={t('reviewSummary')} multiline editable={editable} maxLength={5000} testId="review-summary" />
              ) : (
                <p>{textOf(summary)}</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
