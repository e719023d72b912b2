/**
 * The region page (`/regio`): anonymous figures for the gemeente and the beheerder, per period and municipality.
 * Every count comes suppressed from the server ("< 5"); this component only lays them out: a chart where a chart
 * helps, and always a table with the same figures (the chart is hidden from screen readers, the table is not).
 */
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PERSPECTIVES, UNKNOWN_MUNICIPALITY, type RegionReport } from '@/lib/api/region';
import { parsePeriod } from '@/lib/region-periods';
import { PLAN_STATUSES } from '@/lib/roles';
import type { Count as CountValue } from '@/lib/suppression';
import { Count } from './Count';
import { FigureTable } from './FigureTable';
import { RegionBarChart } from './RegionBarChart';
import { RegionFilters } from './RegionFilters';
import styles from './region.module.css';

const COLOURS = { primary: '#1f4e79', up: '#2e7d32', same: '#5f6b78', down: '#b3261e' };

export async function RegionView({ report, notice, csvHref }: { report: RegionReport; notice: string | null; csvHref: string }) {
  const t = await getTranslations('regio');
  const tStatus = await getTranslations('status');
  const format = await getFormatter();
  const locale = await getLocale();
  const f = (key: string) => t(`figures.${key}` as never);
  const n = (value: CountValue, testId?: string) => <Count value={value} locale={locale} testId={testId} />;
  const derived = (value: number | null, text: (v: string) => string, testId: string): ReactNode =>
    value === null ? (
      <span className={styles.suppressed} data-testid={testId} data-suppressed="true">
        {t('hidden')}
      </span>
    ) : (
      <span data-testid={testId}>{text(value.toLocaleString(locale))}</span>
    );

  const periodLabel = (key: string) => {
    const p = parsePeriod(key);
    return p.kind === 'kwartaal' ? t('quarterLabel', { quarter: p.quarter, year: p.year }) : format.dateTime(p.start, { month: 'long', year: 'numeric' });
  };
  const area = (m: string) => (m === UNKNOWN_MUNICIPALITY ? t('filters.unknown') : m);
  const where = report.municipality === null ? t('filters.all') : area(report.municipality);
  const cutoff = format.dateTime(new Date(report.period.cutoff), { day: 'numeric', month: 'long', year: 'numeric' });
  const heading = (key: string) => `${t(`${key}.title` as never)} — ${periodLabel(report.period.key)}, ${where}`;
  const domainLabel = (d: string) => t(`domains.${d}` as never);

  return (
    <article className={styles.page} aria-labelledby="regio-title" data-testid="region-page">
      <header className={styles.page}>
        <Heading level={1} id="regio-title">
          {t('title')}
        </Heading>
        <Paragraph className={styles.lead}>{t('intro', { region: report.region.name })}</Paragraph>
        <p className={styles.legend} data-testid="region-legend">
          {t('legend')}
        </p>
        {notice && (
          <p className={styles.notice} role="status" data-testid="region-notice">
            {t('invalidQuery', { message: notice })}
          </p>
        )}
        <RegionFilters
          labels={{
            legend: t('filters.legend'),
            period: t('filters.period'),
            quarters: t('filters.quarters'),
            months: t('filters.months'),
            municipality: t('filters.municipality'),
            all: t('filters.all'),
            unknown: t('filters.unknown'),
            show: t('filters.show'),
          }}
          period={report.period.key}
          municipality={report.municipality}
          quarters={report.choices.quarters.map((key) => ({ key, label: periodLabel(key) }))}
          months={report.choices.months.map((key) => ({ key, label: periodLabel(key) }))}
          municipalities={report.municipalities}
        />
        <p className={styles.meta}>
          <span data-testid="region-cutoff">{report.period.ongoing ? t('cutoffOngoing', { date: cutoff }) : t('cutoffEnded', { date: cutoff })}</span>
          <a href={csvHref} className={styles.download} download data-testid="region-csv">
            {t('download')}
          </a>
        </p>
      </header>

      <section className={styles.section} aria-labelledby="regio-status">
        <Heading level={2} id="regio-status">
          {heading('status')}
        </Heading>
        <Paragraph>{t('status.intro')}</Paragraph>
        <div className={styles.grid}>
          <RegionBarChart
            testId="chart-status"
            caption={`${t('status.chart')}. ${t('chartNote')}`}
            series={[{ key: 'plans', label: t('status.colPlans'), colour: COLOURS.primary }]}
            rows={PLAN_STATUSES.map((s) => ({ label: tStatus(s), values: { plans: report.status.byStatus[s] } }))}
          />
          <FigureTable
            id="table-status"
            testId="table-status"
            caption={t('status.chart')}
            columns={[t('status.colStatus'), t('status.colPlans')]}
            rows={[
              ...PLAN_STATUSES.map((s) => ({ key: s, header: tStatus(s), cells: [n(report.status.byStatus[s], `status-${s}`)] })),
              { key: 'active', header: f('active'), cells: [n(report.status.active, 'status-active')] },
              { key: 'total', header: f('total'), cells: [n(report.status.total, 'status-total')] },
            ]}
          />
        </div>
      </section>

      <section className={styles.section} aria-labelledby="regio-gemeenten">
        <Heading level={2} id="regio-gemeenten">
          {`${t('perMunicipality.title')} — ${periodLabel(report.period.key)}`}
        </Heading>
        <Paragraph>{t('perMunicipality.intro')}</Paragraph>
        <FigureTable
          id="table-municipalities"
          testId="table-municipalities"
          caption={t('perMunicipality.title')}
          columns={[t('perMunicipality.colMunicipality'), f('active'), f('total')]}
          rows={report.perMunicipality.map((r) => ({
            key: r.municipality,
            header: area(r.municipality),
            selected: r.municipality === report.municipality,
            cells: [n(r.active), n(r.total)],
          }))}
        />
      </section>

      <section className={styles.section} aria-labelledby="regio-regisseur">
        <Heading level={2} id="regio-regisseur">
          {heading('regisseur')}
        </Heading>
        <Paragraph>{t('regisseur.intro')}</Paragraph>
        <FigureTable
          id="table-regisseur"
          testId="table-regisseur"
          caption={t('regisseur.title')}
          columns={[f('regisseur'), t('status.colPlans')]}
          rows={[
            { key: 'one', header: f('regisseurOne'), cells: [n(report.regisseur.one, 'regisseur-one')] },
            { key: 'notOne', header: f('regisseurNotOne'), cells: [n(report.regisseur.notOne, 'regisseur-not-one')] },
            { key: 'active', header: f('active'), cells: [n(report.regisseur.active)] },
          ]}
        />
        <Paragraph>
          {report.regisseur.percentOne === null
            ? derived(null, String, 'regisseur-percent')
            : derived(report.regisseur.percentOne, (v) => t('regisseur.percent', { percent: v }), 'regisseur-percent')}
          {report.regisseur.percentOne === null && <> {t('regisseur.percentHidden')}</>}
        </Paragraph>
      </section>

      <section className={styles.section} aria-labelledby="regio-doelen">
        <Heading level={2} id="regio-doelen">
          {heading('goals')}
        </Heading>
        <Paragraph>{t('goals.intro')}</Paragraph>
        <FigureTable
          id="table-goals"
          testId="table-goals"
          caption={t('goals.title')}
          columns={[f('goals'), t('colNumber')]}
          rows={[
            { key: 'plansWithGoals', header: f('plansWithGoals'), cells: [n(report.goals.plansWithGoals, 'goals-plans')] },
            { key: 'plansWithReached', header: f('plansWithReached'), cells: [n(report.goals.plansWithReached, 'goals-plans-reached')] },
            { key: 'goals', header: f('goalsCount'), cells: [n(report.goals.goals, 'goals-count')] },
            { key: 'reached', header: f('goalsReached'), cells: [n(report.goals.reached, 'goals-reached')] },
          ]}
        />
        <Paragraph>
          {derived(report.goals.percentReached, (v) => t('goals.percent', { percent: v }), 'goals-percent')}
          {report.goals.percentReached === null && <> {t('goals.percentHidden')}</>}
        </Paragraph>
      </section>

      <section className={styles.section} aria-labelledby="regio-domeinen">
        <Heading level={2} id="regio-domeinen">
          {heading('domains')}
        </Heading>
        <Paragraph>{t('domains.intro')}</Paragraph>
        {PERSPECTIVES.map((v) => {
          const rows = report.domains.filter((d) => d.perspective === v);
          const caption = `${t('domains.chart')} (${t(`domains.${v}` as never)})`;
          return (
            <div key={v} className={styles.grid}>
              <RegionBarChart
                testId={`chart-domains-${v}`}
                caption={`${caption}. ${t('chartNote')}`}
                horizontal
                height={300}
                series={[
                  { key: 'improved', label: f('improved'), colour: COLOURS.up },
                  { key: 'same', label: f('same'), colour: COLOURS.same },
                  { key: 'declined', label: f('declined'), colour: COLOURS.down },
                ]}
                rows={rows.map((d) => ({ label: domainLabel(d.domain), values: { improved: d.improved, same: d.same, declined: d.declined } }))}
              />
              <FigureTable
                id={`table-domains-${v}`}
                testId={`table-domains-${v}`}
                caption={caption}
                columns={[t('domains.colDomain'), f('rated'), f('improved'), f('same'), f('declined'), f('meanChange')]}
                rows={rows.map((d) => ({
                  key: d.domain,
                  header: domainLabel(d.domain),
                  cells: [
                    n(d.rated),
                    n(d.improved),
                    n(d.same),
                    n(d.declined),
                    d.meanChange === null ? (
                      <span className={styles.suppressed} title={t('hiddenReason')}>
                        {t('hidden')}
                      </span>
                    ) : (
                      `${d.meanChange > 0 ? '+' : ''}${d.meanChange.toLocaleString(locale)}`
                    ),
                  ],
                }))}
              />
            </div>
          );
        })}
      </section>

      <section className={styles.section} aria-labelledby="regio-professionals">
        <Heading level={2} id="regio-professionals">
          {heading('professionals')}
        </Heading>
        <Paragraph>{t('professionals.intro')}</Paragraph>
        <div className={styles.grid}>
          <RegionBarChart
            testId="chart-professionals"
            caption={`${t('professionals.chart')}. ${t('chartNote')}`}
            series={[{ key: 'families', label: t('professionals.colFamilies'), colour: COLOURS.primary }]}
            rows={report.professionals.buckets.map((b) => ({ label: b.bucket, values: { families: b.families } }))}
          />
          <FigureTable
            id="table-professionals"
            testId="table-professionals"
            caption={t('professionals.chart')}
            columns={[t('professionals.colCount'), t('professionals.colFamilies')]}
            rows={[
              ...report.professionals.buckets.map((b) => ({ key: b.bucket, header: b.bucket, cells: [n(b.families, `professionals-${b.bucket}`)] })),
              { key: 'all', header: f('active'), cells: [n(report.professionals.families)] },
            ]}
          />
        </div>
        <Paragraph>
          {report.professionals.median === null
            ? t('professionals.medianHidden')
            : t('professionals.median', { median: report.professionals.median.toLocaleString(locale) })}
        </Paragraph>
      </section>

      <section className={styles.section} aria-labelledby="regio-escalaties">
        <Heading level={2} id="regio-escalaties">
          {heading('escalations')}
        </Heading>
        <Paragraph>{t('escalations.intro')}</Paragraph>
        <FigureTable
          id="table-escalations"
          testId="table-escalations"
          caption={t('escalations.title')}
          columns={[f('escalations'), t('colNumber')]}
          rows={[
            { key: 'broken', header: f('brokenAgreements'), cells: [n(report.escalations.brokenAgreements, 'escalations-broken')] },
            {
              key: 'requests',
              header: f('tableRequests'),
              cells: [
                <span key="x" className={styles.noData}>
                  {t('noData')}
                </span>,
              ],
            },
            {
              key: 'decision',
              header: f('daysToDecision'),
              cells: [
                <span key="x" className={styles.noData}>
                  {t('noData')}
                </span>,
              ],
            },
          ]}
        />
        <Paragraph>{t('escalations.noDataNote')}</Paragraph>
      </section>

      <section className={styles.section} aria-labelledby="regio-waakvlam">
        <Heading level={2} id="regio-waakvlam">
          {heading('waakvlam')}
        </Heading>
        <Paragraph>{t('waakvlam.intro')}</Paragraph>
        <FigureTable
          id="table-waakvlam"
          testId="table-waakvlam"
          caption={t('waakvlam.title')}
          columns={[f('waakvlam'), t('professionals.colFamilies')]}
          rows={[
            { key: 'in', header: f('waakvlamIn'), cells: [n(report.waakvlam.entered, 'waakvlam-in')] },
            { key: 'back', header: f('waakvlamBack'), cells: [n(report.waakvlam.returned, 'waakvlam-back')] },
          ]}
        />
      </section>
    </article>
  );
}
