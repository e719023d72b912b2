'use client';
/**
 * The goals of one life domain (Big Five), with how self-reliant the family is there (Zelfredzaamheid 1–5, a
 * rating like any other: dated, per person, never overwritten) and a button to add a goal in this domain.
 */
import { Button } from '@utrecht/component-library-react';
import { useFormatter, useTranslations } from 'next-intl';
import { useId } from 'react';
import type * as Y from 'yjs';
import { RATING_SCALES } from '@/lib/rating-input';
import { GoalCard } from './GoalCard';
import { RatingControl } from './RatingControl';
import type { RaterStyle } from './raters';
import styles from './goals.module.css';
import type { GoalRating } from '@/lib/api/ratings';
import type { AddResult } from './useRatings';

export interface DomainGroupProps {
  doc: Y.Doc;
  domain: string;
  label: string;
  hint: string;
  goals: Y.Map<unknown>[];
  editable: boolean;
  today: string;
  ratings: readonly GoalRating[];
  ratingsFailed: boolean;
  styleOf: (raterId: string) => RaterStyle;
  onRateGoal: (goalId: string, value: number) => Promise<AddResult>;
  onRateDomain?: (value: number) => Promise<AddResult>;
  onAddGoal?: () => void;
}

/** The latest zelfredzaamheid rating of each person for this domain. */
function latestPerRater(ratings: readonly GoalRating[], domain: string): GoalRating[] {
  const latest = new Map<string, GoalRating>();
  for (const r of ratings) if (r.kind === 'zelfredzaamheid' && r.domain === domain) latest.set(r.raterId, r);
  return [...latest.values()];
}

export function DomainGroup(props: DomainGroupProps) {
  const { doc, domain, label, hint, goals, editable, today, ratings, ratingsFailed, styleOf, onRateGoal, onRateDomain, onAddGoal } = props;
  const t = useTranslations('goals');
  const tRoles = useTranslations('roles');
  const format = useFormatter();
  const headingId = useId();
  const selfReliance = latestPerRater(ratings, domain);
  const scale = RATING_SCALES.zelfredzaamheid;

  return (
    <section className={styles.domain} aria-labelledby={headingId} data-testid={`domain-${domain}`}>
      <div className={styles.domainHead}>
        <h3 id={headingId} className={styles.domainTitle}>
          {label} <span className={styles.count}>({t('goalCount', { count: goals.length })})</span>
        </h3>
        <p className={styles.hint}>{hint}</p>
      </div>
      {onRateDomain && (
        <details className={styles.selfReliance} data-testid={`self-reliance-${domain}`}>
          <summary>
            {t('zelfredzaamheid.title')}:{' '}
            {selfReliance.length === 0 ? (
              <span className={styles.muted}>{t('zelfredzaamheid.none')}</span>
            ) : (
              selfReliance.map((r, i) => (
                <span key={r.raterId}>
                  {i > 0 && ' · '}
                  {t('zelfredzaamheid.entry', {
                    name: r.raterName ?? t('rating.unknownRater'),
                    role: tRoles.has(r.raterRole) ? tRoles(r.raterRole) : r.raterRole,
                    value: r.value,
                    date: format.dateTime(new Date(r.createdAt), { day: 'numeric', month: 'short' }),
                  })}
                </span>
              ))
            )}
          </summary>
          <RatingControl
            legend={t('zelfredzaamheid.legend', { domain: label })}
            min={scale.min}
            max={scale.max}
            saveLabel={t('zelfredzaamheid.save')}
            onSave={onRateDomain}
            testId={`self-reliance-control-${domain}`}
          />
        </details>
      )}
      {goals.length === 0 ? (
        <p className={styles.muted}>{t('noGoals', { domain: label })}</p>
      ) : (
        <ul className={styles.goalList}>
          {goals.map((g) => {
            const id = String(g.get('id'));
            return (
              <li key={id}>
                <GoalCard
                  doc={doc}
                  goal={g}
                  editable={editable}
                  today={today}
                  ratings={ratings.filter((r) => r.kind === 'voortgang' && r.goalId === id)}
                  ratingsFailed={ratingsFailed}
                  styleOf={styleOf}
                  onRate={onRateGoal}
                />
              </li>
            );
          })}
        </ul>
      )}
      {editable && onAddGoal && (
        <div>
          <Button type="button" appearance="secondary-action-button" onClick={onAddGoal} data-testid={`add-goal-${domain}`}>
            + {t('addGoal', { domain: label })}
          </Button>
        </div>
      )}
    </section>
  );
}
