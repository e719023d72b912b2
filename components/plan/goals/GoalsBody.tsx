'use client';
/**
 * The doelen section: the family's goals grouped by the Big Five life domains (goals in a region's own domains
 * follow under "Andere levensgebieden"), with what is late or due for review counted at the top, and the
 * section's rich text as "Toelichting" below, with its comment threads.
 * Goals are edited live in the doc (only by those who may edit); ratings are server records any member may add.
 */
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import { RichTextBody } from '@/components/editor/RichTextBody';
import type { SectionBodyProps } from '@/components/editor/section-body';
import { useYDeep } from '@/components/live/useY';
import { BIG_FIVE, type BigFiveDomain } from '@/lib/bigfive';
import { mapsOf } from '@/lib/shapes/common';
import { actionsOf, addGoal, goalsOf, isActionOverdue, isReviewDue, localToday } from '@/lib/shapes/goals';
import { DomainGroup } from './DomainGroup';
import { raterStyles, type RaterStyle } from './raters';
import styles from './goals.module.css';
import { useRatings } from './useRatings';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const FALLBACK_STYLE: RaterStyle = { colour: '#1f4e79', dash: '' };

export function GoalsBody(props: SectionBodyProps) {
  const { doc, provider, editable, planId } = props;
  const t = useTranslations('goals');
  const goalsArray = goalsOf(doc);
  useYDeep(goalsArray as Y.AbstractType<unknown>);
  const { ratings, failed, add } = useRatings(planId, provider);
  const [focusGoal, setFocusGoal] = useState<string | null>(null);
  // "Today" on this device; a plan left open over midnight catches up on the next change.
  const today = localToday();

  const goals = mapsOf(goalsArray as Y.Array<unknown>);
  const byDomain = new Map<string, Y.Map<unknown>[]>();
  for (const g of goals) {
    const d = str(g.get('domain'));
    byDomain.set(d, [...(byDomain.get(d) ?? []), g]);
  }
  const others = goals.filter((g) => !(BIG_FIVE as readonly string[]).includes(str(g.get('domain'))));

  let overdue = 0;
  let reviews = 0;
  for (const g of goals) {
    if (isReviewDue({ reviewDate: str(g.get('reviewDate')), status: str(g.get('status')) }, today)) reviews++;
    const actions = actionsOf(g);
    if (actions)
      for (const a of mapsOf(actions as Y.Array<unknown>)) if (isActionOverdue({ due: str(a.get('due')), done: a.get('done') === true }, today)) overdue++;
  }

  const styleMap = useMemo(() => raterStyles(ratings), [ratings]);
  const styleOf = useCallback((raterId: string) => styleMap.get(raterId) ?? FALLBACK_STYLE, [styleMap]);
  const rateGoal = useCallback((goalId: string, value: number) => add({ kind: 'voortgang', goalId, value }), [add]);

  useEffect(() => {
    if (!focusGoal) return;
    document.querySelector<HTMLTextAreaElement>(`[data-goal-id="${focusGoal}"] [data-testid="goal-words"]`)?.focus();
    setFocusGoal(null); // eslint-disable-line react-hooks/set-state-in-effect -- one-shot focus after adding a goal
  }, [focusGoal]);

  const addIn = (domain: BigFiveDomain) => () => setFocusGoal(addGoal(doc, { domain }));

  return (
    <div className={styles.board}>
      <p className={styles.intro}>{t('intro')}</p>
      <p className={styles.summary} data-testid="goals-summary" data-attention={overdue + reviews > 0 ? 'true' : undefined}>
        {t('summary', { overdue, reviews })}
      </p>
      {BIG_FIVE.map((domain) => (
        <DomainGroup
          key={domain}
          doc={doc}
          domain={domain}
          label={t(`domains.${domain}`)}
          hint={t(`domainHints.${domain}`)}
          goals={byDomain.get(domain) ?? []}
          editable={editable}
          today={today}
          ratings={ratings}
          ratingsFailed={failed}
          styleOf={styleOf}
          onRateGoal={rateGoal}
          onRateDomain={(value) => add({ kind: 'zelfredzaamheid', domain, value })}
          onAddGoal={addIn(domain)}
        />
      ))}
      {others.length > 0 && (
        <DomainGroup
          doc={doc}
          domain="other"
          label={t('domains.other')}
          hint={t('domainHints.other')}
          goals={others}
          editable={editable}
          today={today}
          ratings={ratings}
          ratingsFailed={failed}
          styleOf={styleOf}
          onRateGoal={rateGoal}
        />
      )}
      <section className={styles.explanation} aria-labelledby="goals-explanation">
        <h3 id="goals-explanation" className={styles.domainTitle}>
          {t('explanation')}
        </h3>
        <RichTextBody {...props} label={t('explanationLabel')} />
      </section>
    </div>
  );
}
