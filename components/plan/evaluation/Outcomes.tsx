'use client';
/** Begin and end ratings side by side, per life domain and per goal, per rater role (GET …/outcomes). */
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { api } from '@/components/api/client';
import type { OutcomeLine, OutcomesResponse } from '@/lib/api/outcomes';
import styles from './evaluation.module.css';

type State = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; data: OutcomesResponse };

export function Outcomes({ planId }: { planId: string }) {
  const t = useTranslations('evaluation');
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    void api<OutcomesResponse>(`/api/plans/${planId}/outcomes`).then((result) => {
      if (live) setState(result.ok ? { kind: 'ready', data: result.data } : { kind: 'error' });
    });
    return () => {
      live = false;
    };
  }, [planId]);
  return (
    <section className={styles.block} aria-labelledby="evaluation-outcomes" aria-busy={state.kind === 'loading'}>
      <h3 id="evaluation-outcomes" className={styles.title}>
        {t('outcomes')}
      </h3>
      <p className={styles.help}>{t('outcomesIntro')}</p>
      {state.kind === 'loading' && <p className={styles.muted}>{t('outcomesLoading')}</p>}
      {state.kind === 'error' && (
        <p className={styles.muted} role="alert">
          {t('outcomesError')}
        </p>
      )}
      {state.kind === 'ready' && state.data.domains.length === 0 && state.data.goals.length === 0 && <p className={styles.muted}>{t('noOutcomes')}</p>}
      {state.kind === 'ready' && state.data.domains.length > 0 && (
        <>
          <h4 className={styles.subTitle}>{t('perDomain')}</h4>
          <div className={styles.tables}>
            {state.data.domains.map((d) => (
              <OutcomeTable key={d.domain} caption={t.has(`domains.${d.domain}`) ? t(`domains.${d.domain}`) : d.domain} lines={d.lines} kindInCaption={false} />
            ))}
          </div>
        </>
      )}
      {state.kind === 'ready' && state.data.goals.length > 0 && (
        <>
          <h4 className={styles.subTitle}>{t('perGoal')}</h4>
          <div className={styles.tables}>
            {state.data.goals.map((g) => (
              <OutcomeTable key={g.goalId} caption={g.title ?? t('unnamedGoal')} lines={g.lines} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function OutcomeTable({ caption, lines, kindInCaption = true }: { caption: string; lines: OutcomeLine[]; kindInCaption?: boolean }) {
  const t = useTranslations('evaluation');
  const tRoles = useTranslations('roles');
  const format = useFormatter();
  const when = (at: string) => format.dateTime(new Date(at), { day: 'numeric', month: 'numeric', year: '2-digit' });
  const kindOf = (k: string) => (t.has(`kinds.${k}`) ? t(`kinds.${k}`) : k);
  // One kind in the table: say it once in the caption (domains: already in the heading above); otherwise per role.
  const kinds = [...new Set(lines.map((l) => l.kind))];
  const single = kinds.length === 1 ? kinds[0] : undefined;
  return (
    <table className={styles.table} data-testid="outcome-table">
      <caption>
        {caption}
        {single && kindInCaption && <span className={styles.captionKind}> — {kindOf(single)}</span>}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('colWho')}</th>
          <th scope="col">{t('colBegin')}</th>
          <th scope="col">{t('colLatest')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={`${l.kind}-${l.role}`}>
            <th scope="row">
              {tRoles(l.role)}
              {!single && <span className={styles.when}>{kindOf(l.kind)}</span>}
            </th>
            <td>
              <span className={styles.value}>{l.first.value}</span>
              <span className={styles.when}>{when(l.first.at)}</span>
            </td>
            <td>
              <span className={styles.value}>{l.latest.value}</span>
              <span className={styles.when}>{when(l.latest.at)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
