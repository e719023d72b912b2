'use client';
/**
 * One row per family, on two lines so a 1280 px screen shows every column without scrolling sideways. First line:
 * household (opens the plan), status and frame, the Big Five cells, overdue actions (oldest first), the next review.
 * Second line: the signals with their reasons, the safety plan and open escalations, last activity of the family and
 * of each professional. Each family is its own row group (tbody), so its two lines stay one row for tests and
 * screen readers. A table on a wide screen; cards below 60rem.
 */
import NextLink from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { BIG_FIVE } from '@/lib/bigfive';
import type { OverzichtRow } from '@/lib/api/overzicht';
import { BigFiveCells } from './BigFiveCells';
import styles from './overzicht.module.css';

/** A calendar day (YYYY-MM-DD) as a moment the formatter shows as that day. */
const day = (d: string) => new Date(`${d}T12:00:00Z`);

export function OverzichtTable({ rows, now }: { rows: OverzichtRow[]; now: Date }) {
  const t = useTranslations('overzicht');
  const tSignals = useTranslations('signals');
  const tDomains = useTranslations('goals.domains');
  const tRoles = useTranslations('roles');
  const tStatus = useTranslations('status');
  const tKader = useTranslations('kader');
  const format = useFormatter();
  const when = (iso: string | null) => (iso ? format.relativeTime(new Date(iso), now) : t('never'));
  const date = (d: string) => format.dateTime(day(d), { day: 'numeric', month: 'short', year: 'numeric' });

  return (
    <div className={styles.scroller} role="region" aria-labelledby="overzicht-caption" tabIndex={0}>
      <table className={styles.table} data-testid="overzicht">
        <caption id="overzicht-caption" className="visually-hidden">
          {t('scrollHint')}
        </caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t('colFamily')}
            </th>
            {BIG_FIVE.map((d) => (
              <th scope="col" key={d}>
                {tDomains(d)}
              </th>
            ))}
            <th scope="col">{t('colOverdue')}</th>
            <th scope="col">{t('colReview')}</th>
          </tr>
          <tr className={styles.second}>
            <th scope="col" colSpan={4}>
              {t('colSignals')}
            </th>
            <th scope="col" colSpan={2}>
              {t('colSafety')}
            </th>
            <th scope="col">{t('colActivity')}</th>
          </tr>
        </thead>
        {rows.map((row) => {
          const tableHref = row.signals.find((s) => s.tableHref)?.tableHref ?? null;
          return (
            <tbody
              key={row.planId}
              className={`${styles.row} ${row.isCasusregisseur ? styles.mine : ''}`}
              data-testid="overzicht-row"
              data-household={row.householdName}
              data-signals={row.signals.map((s) => s.kind).join(' ')}
              data-overdue={row.overdue?.count ?? 0}
            >
              <tr className={styles.first}>
                <th scope="rowgroup" rowSpan={2} className={styles.family}>
                  <NextLink href={`/plannen/${row.planId}`} className={styles.familyLink}>
                    {row.householdName}
                  </NextLink>
                  <span className={styles.meta}>{t('statusKader', { status: tStatus(row.status), kader: tKader(row.kader) })}</span>
                  {row.isCasusregisseur ? (
                    <span className={styles.badge}>{t('youAreRegisseur')}</span>
                  ) : (
                    <span className={styles.meta}>{t('yourRole', { role: tRoles(row.role) })}</span>
                  )}
                </th>
                <BigFiveCells cells={row.bigFive} />
                <td className={styles.wide} data-testid="overdue">
                  <span className={styles.label}>{t('colOverdue')}</span>
                  {row.overdue === null ? (
                    <span className={styles.muted}>{t('hidden')}</span>
                  ) : (
                    <>
                      <span className={row.overdue.count > 0 ? styles.late : styles.muted}>{t('overdueCount', { count: row.overdue.count })}</span>
                      {row.overdue.actions.map((a) => (
                        <span key={`${a.title}-${a.due}`} className={styles.small}>
                          {t('overdueItem', { title: a.title, due: day(a.due) })}
                        </span>
                      ))}
                    </>
                  )}
                </td>
                <td className={styles.wide}>
                  <span className={styles.label}>{t('colReview')}</span>
                  {row.nextReview ? (
                    <>
                      <span className={row.nextReview.passed ? styles.late : undefined}>{date(row.nextReview.date)}</span>
                      {row.nextReview.passed && <span className={styles.late}> ({t('reviewPassed')})</span>}
                      <span className={styles.small}>
                        {row.nextReview.what === 'goal'
                          ? t('reviewGoal', { title: row.nextReview.title ?? '' })
                          : row.nextReview.what === 'safety'
                            ? t('reviewSafety')
                            : t('reviewEvaluation')}
                      </span>
                    </>
                  ) : (
                    <span className={styles.muted}>{t('noReview')}</span>
                  )}
                </td>
              </tr>
              <tr className={styles.second}>
                <td className={styles.wide} colSpan={4}>
                  <span className={styles.label}>{t('colSignals')}</span>
                  {row.signals.length === 0 ? (
                    <span className={styles.muted}>{t('noSignals')}</span>
                  ) : (
                    <ul className={styles.signals}>
                      {row.signals.map((s) => (
                        <li key={s.kind} className={styles.signal} data-signal={s.kind} data-testid="signal">
                          <span className={styles.signalLabel}>{s.label}</span>
                          <span className={styles.signalReason} data-testid="signal-reason">
                            {s.reason}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                  {row.signals.length > 0 && tableHref && (
                    <NextLink href={tableHref} className={`utrecht-link ${styles.askTable}`} data-testid="ask-table">
                      {tSignals('askTable')}
                    </NextLink>
                  )}
                </td>
                <td className={styles.wide} colSpan={2}>
                  <span className={styles.label}>{t('colSafety')}</span>
                  {row.safety ? (
                    <>
                      <span>{t.has(`safetyStatus.${row.safety.status}`) ? t(`safetyStatus.${row.safety.status}`) : row.safety.status}</span>
                      {row.safety.reviewDate && <span className={styles.small}>{t('safetyReview', { date: day(row.safety.reviewDate) })}</span>}
                    </>
                  ) : (
                    <span className={styles.muted}>{t('noSafety')}</span>
                  )}
                  {row.openEscalations !== null && row.openEscalations > 0 && (
                    <span className={`${styles.small} ${styles.late}`}>{t('escalations', { count: row.openEscalations })}</span>
                  )}
                </td>
                <td className={styles.wide}>
                  <span className={styles.label}>{t('colActivity')}</span>
                  <span className={styles.small}>{t('family', { when: when(row.familyActivity) })}</span>
                  <details className={styles.activity}>
                    <summary>{t('professionals', { count: row.professionals.length })}</summary>
                    <ul>
                      {row.professionals.map((p) => (
                        <li key={`${p.name}-${p.role}`}>{t('activityItem', { name: p.name, role: tRoles(p.role), when: when(p.at) })}</li>
                      ))}
                    </ul>
                  </details>
                </td>
              </tr>
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
