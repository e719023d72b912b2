'use client';
/**
 * One goal as a card: the goal in the family's words, for whom, owner, status, what is different when reached,
 * review date, the actions, and how it is going (a rating control for every member and the chart of everyone's
 * ratings). A review that is due and actions that are late stand out, in colour and in words.
 */
import { Button, StatusBadge } from '@utrecht/component-library-react';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import * as Y from 'yjs';
import { YTextField } from '@/components/live/YTextField';
import { mapsOf } from '@/lib/shapes/common';
import { actionsOf, GOAL_STATUSES, isActionOverdue, isReviewDue, removeGoal, setGoalField } from '@/lib/shapes/goals';
import { RATING_SCALES } from '@/lib/rating-input';
import { ActionList } from './ActionList';
import { MapDateInput, MapSelect, MapTextInput } from './MapField';
import { RatingChart } from './RatingChart';
import { RatingControl } from './RatingControl';
import type { RaterStyle } from './raters';
import styles from './goals.module.css';
import type { GoalRating } from '@/lib/api/ratings';
import type { AddResult } from './useRatings';

export interface GoalCardProps {
  doc: Y.Doc;
  goal: Y.Map<unknown>;
  editable: boolean;
  today: string;
  ratings: readonly GoalRating[];
  ratingsFailed: boolean;
  styleOf: (raterId: string) => RaterStyle;
  onRate: (goalId: string, value: number) => Promise<AddResult>;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function GoalCard({ doc, goal, editable, today, ratings, ratingsFailed, styleOf, onRate }: GoalCardProps) {
  const t = useTranslations('goals');
  const format = useFormatter();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const id = str(goal.get('id'));
  const words = goal.get('words');
  const whenReached = goal.get('whenReached');
  const status = str(goal.get('status'));
  const reviewDate = str(goal.get('reviewDate'));
  const actions = actionsOf(goal);
  const overdueCount = actions
    ? mapsOf(actions as Y.Array<unknown>).filter((a) => isActionOverdue({ due: str(a.get('due')), done: a.get('done') === true }, today)).length
    : 0;
  const reviewDue = isReviewDue({ reviewDate, status }, today);
  const title = words instanceof Y.Text && words.length > 0 ? words.toString().slice(0, 80) : t('untitled');
  const statusLabel = (GOAL_STATUSES as readonly string[]).includes(status) ? t(`statuses.${status as (typeof GOAL_STATUSES)[number]}`) : status;
  const scale = RATING_SCALES.voortgang;

  return (
    <article
      className={styles.card}
      aria-labelledby={headingId}
      data-testid="goal-card"
      data-goal-id={id}
      data-attention={reviewDue || overdueCount > 0 ? 'true' : undefined}
    >
      <h4 id={headingId} className="visually-hidden">
        {t('goalHeading', { words: title })}
      </h4>
      <div className={styles.badges}>
        <StatusBadge className={styles.badgeStatus} data-status={status}>
          {statusLabel}
        </StatusBadge>
        {reviewDue && (
          <StatusBadge className={styles.badgeWarning} data-testid="badge-review">
            {t('reviewDue')}
          </StatusBadge>
        )}
        {overdueCount > 0 && (
          <StatusBadge className={styles.badgeError} data-testid="badge-overdue-count">
            {t('overdueCount', { count: overdueCount })}
          </StatusBadge>
        )}
      </div>
      {words instanceof Y.Text && (
        <YTextField
          text={words}
          label={t('words')}
          multiline
          editable={editable}
          placeholder={editable ? t('wordsPlaceholder') : undefined}
          testId="goal-words"
        />
      )}
      <div className={styles.fields}>
        <MapTextInput
          map={goal}
          field="forWhom"
          label={t('forWhom')}
          editable={editable}
          placeholder={t('forWhomPlaceholder')}
          onSet={(v) => setGoalField(doc, id, 'forWhom', v)}
          testId="goal-for-whom"
        />
        <MapTextInput
          map={goal}
          field="owner"
          label={t('owner')}
          editable={editable}
          placeholder={t('ownerPlaceholder')}
          onSet={(v) => setGoalField(doc, id, 'owner', v)}
          testId="goal-owner"
        />
        <MapSelect
          map={goal}
          field="status"
          label={t('status')}
          editable={editable}
          options={GOAL_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          onSet={(v) => setGoalField(doc, id, 'status', v)}
          testId="goal-status"
        />
        <MapDateInput
          map={goal}
          field="reviewDate"
          label={t('reviewDate')}
          editable={editable}
          invalid={reviewDue}
          onSet={(v) => setGoalField(doc, id, 'reviewDate', v)}
          testId="goal-review-date"
        />
      </div>
      {reviewDue && (
        <p className={styles.warningText} data-testid="review-due-text">
          {t('reviewDueText', { date: format.dateTime(new Date(`${reviewDate}T12:00:00`), { dateStyle: 'medium' }) })}
        </p>
      )}
      {whenReached instanceof Y.Text && <YTextField text={whenReached} label={t('whenReached')} multiline editable={editable} testId="goal-when-reached" />}
      <ActionList doc={doc} goalId={id} actions={actions} editable={editable} today={today} />
      <section className={styles.progress} aria-label={t('rating.title')}>
        <h5 className={styles.subheading}>{t('rating.title')}</h5>
        <div className={styles.progressGrid}>
          <RatingControl
            legend={t('rating.legend')}
            min={scale.min}
            max={scale.max}
            saveLabel={t('rating.save')}
            onSave={(v) => onRate(id, v)}
            testId="rating-control"
          />
          {ratingsFailed ? (
            <p role="alert" className={styles.errorText}>
              {t('rating.loadFailed')}
            </p>
          ) : (
            <RatingChart ratings={ratings} min={scale.min} max={scale.max} styleOf={styleOf} testId="rating-chart" />
          )}
        </div>
      </section>
      {editable && (
        <div className={styles.removeRow}>
          {confirming ? (
            <>
              <p className={styles.warningText}>{t('confirmRemove')}</p>
              <Button type="button" appearance="primary-action-button" onClick={() => removeGoal(doc, id)} data-testid="remove-goal-confirm">
                {t('confirmRemoveYes')}
              </Button>
              <Button type="button" appearance="subtle-button" onClick={() => setConfirming(false)}>
                {t('cancel')}
              </Button>
            </>
          ) : (
            <Button type="button" appearance="subtle-button" onClick={() => setConfirming(true)} data-testid="remove-goal">
              {t('removeGoal')}
            </Button>
          )}
        </div>
      )}
    </article>
  );
}
