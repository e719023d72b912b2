'use client';
/**
 * "Evaluatie & afsluiten": the reviews, begin and end ratings side by side, the Big Five stability check, and the
 * agreements for when help stops (nazorg, waakvlam) with the closing reason. All of it lives in the section's doc,
 * so everyone sees it change live; the server reads the same doc when the plan's status changes.
 */
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { SectionBodyProps } from '@/components/editor/section-body';
import { YTextField } from '@/components/live/YTextField';
import { useSynced } from '@/components/live/useSynced';
import { evaluationTypes } from '@/lib/shapes/evaluation';
import styles from './evaluation.module.css';
import { Outcomes } from './Outcomes';
import { ReviewList } from './ReviewList';
import { StabilityCheck } from './StabilityCheck';

export function EvaluationBody({ doc, provider, planId, editable, user }: SectionBodyProps) {
  const t = useTranslations('evaluation');
  const types = useMemo(() => evaluationTypes(doc), [doc]);
  const synced = useSynced(provider);
  return (
    <div className={styles.evaluation} data-testid="evaluation-body">
      <p className={styles.intro}>{t('intro')}</p>
      <ReviewList doc={doc} editable={editable} userName={user.name} />
      <Outcomes planId={planId} />
      <StabilityCheck doc={doc} editable={editable} synced={synced} />
      <section className={`${styles.block} ${styles.closing}`} aria-labelledby="evaluation-closing">
        <h3 id="evaluation-closing" className={styles.title}>
          {t('closing')}
        </h3>
        <YTextField text={types.aftercare} label={t('aftercare')} multiline editable={editable} maxLength={5000} testId="evaluation-aftercare" />
        <YTextField text={types.waakvlam} label={t('waakvlam')} multiline editable={editable} maxLength={5000} testId="evaluation-waakvlam" />
        <YTextField text={types.closingReason} label={t('closingReason')} multiline editable={editable} maxLength={5000} testId="evaluation-closing-reason" />
      </section>
    </div>
  );
}
